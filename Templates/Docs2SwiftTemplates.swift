import Foundation

/// The default templates, shipped as package resources (`Templates/Swift/*.mustache`).
public enum Docs2SwiftTemplates {
    /// The folder holding the default `.mustache` files.
    public static var directory: URL? {
        Bundle.module.url(forResource: "Swift", withExtension: nil)
    }
}
