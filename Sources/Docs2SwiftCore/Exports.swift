@_exported import APIModel
@_exported import DocTree
@_exported import SwiftEmitter
