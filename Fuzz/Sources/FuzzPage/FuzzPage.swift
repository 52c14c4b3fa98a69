import Docs2SwiftFuzzing
#if canImport(Glibc)
import Glibc
#endif

/// libFuzzer's driver, from libclang_rt.fuzzer_no_main (scripts/fuzz links it).
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

@main
struct FuzzPage {
    static func main() {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in
            FuzzEntryPoints.page(UnsafeBufferPointer(start: data, count: size))
            return 0
        })
    }
}
