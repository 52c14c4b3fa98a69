import Docs2SwiftFuzzing

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPage(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzEntryPoints.page(UnsafeBufferPointer(start: data, count: size))
    return 0
}
