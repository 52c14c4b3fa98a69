// swift-openapi-generator's build plugin writes this target's `Types.swift` (`Components.Schemas.*`) from
// `openapi.json` at build time; this file only gives SwiftPM a source to see. The benchmark uses the
// runtime's date transcoders too.
@_exported import OpenAPIRuntime
