/// The generated models and `APIClient` methods for the pet store come from `docs/*.md` through the
/// docs2swift build plugin; this file only names the module's documentation source.
public enum PetAPIDocs {
    public static let pages = ["docs/pets.md", "docs/owners.md"]
}
