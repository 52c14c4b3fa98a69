import Docs2SwiftFuzzing

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzEntryPoints.json(UnsafeBufferPointer(start: data, count: size))
    return 0
}
