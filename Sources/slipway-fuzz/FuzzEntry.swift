import Foundation

/// Built twice. With `-D FUZZING` and `-sanitize=fuzzer` (`make fuzz`), `main` hands
/// control to libFuzzer's driver (SwiftPM gives every executable its own `main`, so
/// libFuzzer's cannot be used); otherwise `main` replays the files it is given
/// through the same target, to reproduce a saved crash.
@main
struct FuzzEntry {
    static func main() {
        #if FUZZING
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, count in
            FuzzTarget.selected.run(data.map { Data(bytes: $0, count: count) } ?? Data())
            return 0
        })
        #else
        let files = CommandLine.arguments.dropFirst()
        guard !files.isEmpty else {
            FileHandle.standardError.write(Data("usage: FUZZ_TARGET=\(FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")) slipway-fuzz FILE...\n".utf8))
            exit(2)
        }
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else { continue }
            FuzzTarget.selected.run(data)
            print("\(file): ok")
        }
        #endif
    }
}

#if FUZZING
/// libFuzzer's entry for programs that keep their own `main`.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt
#endif
