// lede-fuzz TARGET [libFuzzer options] [CORPUS...]: one of FuzzTargets.all under libFuzzer.
import LedeFuzzing
#if canImport(Glibc)
import Glibc
#endif

typealias Callback = @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<Int32>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: Callback) -> Int32

nonisolated(unsafe) var target: (@Sendable ([UInt8]) -> Void)?

// The target comes from the first argument, and is kept in LEDE_FUZZ_TARGET for the child
// processes libFuzzer starts in fork mode (they get the options, not the target's name).
var args = CommandLine.arguments
if let name = getenv("LEDE_FUZZ_TARGET").map({ String(cString: $0) }), FuzzTargets.all[name] != nil,
   args.count < 2 || FuzzTargets.all[args[1]] == nil {
    args.insert(name, at: 1)
}
guard args.count >= 2, let chosen = FuzzTargets.all[args[1]] else {
    let names = FuzzTargets.all.keys.sorted().joined(separator: ", ")
    print("usage: lede-fuzz TARGET [libFuzzer options] [CORPUS...]; targets: \(names)")
    exit(2)
}
target = chosen
setenv("LEDE_FUZZ_TARGET", args[1], 1)
// libFuzzer sees the program name and the options, not the target's name.
var cArgs: [UnsafeMutablePointer<CChar>?] = ([args[0]] + args.dropFirst(2)).map { strdup($0) } + [nil]
var argc = Int32(cArgs.count - 1)
let status = cArgs.withUnsafeMutableBufferPointer { buf -> Int32 in
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = buf.baseAddress
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in
        let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
        target?(bytes)
        return 0
    }
}
exit(status)
