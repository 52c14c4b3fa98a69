import Docs2SwiftFuzzing

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkdown(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzEntryPoints.markdown(UnsafeBufferPointer(start: data, count: size))
    return 0
}
