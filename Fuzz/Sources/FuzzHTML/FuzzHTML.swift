import Docs2SwiftFuzzing

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTML(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzEntryPoints.html(UnsafeBufferPointer(start: data, count: size))
    return 0
}
