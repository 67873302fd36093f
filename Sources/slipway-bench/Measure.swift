import SlipwayCore
import Foundation

/// Wall-clock timing and peak memory for the benchmarks.
enum Measure {
    /// Runs `body` and returns its result and the seconds it took.
    static func time<T>(_ body: () throws -> T) rethrows -> (T, Double) {
        let start = DispatchTime.now().uptimeNanoseconds
        let result = try body()
        return (result, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }

    /// Runs `body` and returns its result, the seconds it took and the CPU seconds
    /// this thread spent on it: on a busy machine the wall time counts the waits
    /// for a core too, the CPU time does not.
    static func times<T>(_ body: () throws -> T) rethrows -> (T, wall: Double, cpu: Double) {
        let cpuStart = threadCPU()
        let (result, wall) = try time(body)
        return (result, wall, threadCPU() - cpuStart)
    }

    private static func threadCPU() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
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

