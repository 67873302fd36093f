import Foundation

/// Wall-clock timing and peak memory for the benchmarks.
enum Measure {
    /// Runs `body` and returns its result and the seconds it took.
    static func time<T>(_ body: () throws -> T) rethrows -> (T, Double) {
        let start = DispatchTime.now().uptimeNanoseconds
        let result = try body()
        return (result, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }

    /// The best of `runs` timings: the least disturbed by the rest of the machine.
    static func best(runs: Int, _ body: () -> Void) -> Double {
        (0..<runs).map { _ in time(body).1 }.min()!
    }

    /// Peak resident memory of this process so far, in MiB (Linux reports KiB).
    static var peakMiB: Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }

    static func format(_ seconds: Double) -> String { String(format: "%.3f s", seconds) }
}

/// SplitMix64: a fast seeded generator so every run measures the same inputs.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
