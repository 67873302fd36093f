import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// The sampling loop of a schedule risk simulation: each iteration draws every
/// varying duration from its PERT-Beta distribution, runs the critical-path
/// method, and records the finish and which nodes were critical.
///
/// Iteration *i* draws from its own generator, seeded from the caller's seed and
/// *i*, so the numbers do not depend on how iterations are shared among threads:
/// the same seed gives the same finishes on one core or on many.
public enum MonteCarloSchedule {
    public struct Outcome: Sendable {
        /// The finish of each iteration, in iteration order.
        public var finishes: [Double]
        /// Per node, the number of iterations in which it was critical.
        public var criticalCount: [Int]
    }

    /// The generator of iteration `iteration` under `seed`: SplitMix64 seeded with
    /// both mixed by its own finalizer, so that neighbouring iterations do not
    /// share a stream.
    public static func generator(seed: UInt64, iteration: Int) -> SplitMix64 {
        var mixer = SplitMix64(seed: seed ^ 0xD1B5_4A32_D192_ED03)
        var iterationMixer = SplitMix64(seed: UInt64(truncatingIfNeeded: iteration))
        return SplitMix64(seed: mixer.next() ^ iterationMixer.next())
    }

    /// - Parameters:
    ///   - ordered: the network; its durations are the values of nodes that do not vary.
    ///   - estimates: per node, the estimate to sample, or nil for a fixed duration.
    ///   - iterations: how many schedules to draw.
    ///   - threads: workers to share the iterations (the result does not depend on it).
    /// - Complexity: O(*n* · (*V* + *E*)) for *n* iterations, spread over `threads`
    ///   cores; O(*V*) memory per thread, allocated once.
    public static func run(_ ordered: OrderedNetwork, estimates: [Estimate?], iterations: Int, seed: UInt64,
                           threads: Int = defaultThreads) -> Outcome {
        let n = ordered.nodeCount
        precondition(estimates.count == n, "one estimate slot per node")
        let varying = estimates.indices.filter { estimates[$0].map { !$0.isFixed } ?? false }
        let samplers = varying.map { PERTBeta.Sampler(estimates[$0]!) }
        let workers = max(1, min(threads, iterations))
        let finishes = UnsafeMutableBufferPointer<Double>.allocate(capacity: iterations)
        finishes.initialize(repeating: 0)
        defer { finishes.deallocate() }
        let counts = UnsafeMutableBufferPointer<Int>.allocate(capacity: workers * n)
        counts.initialize(repeating: 0)
        defer { counts.deallocate() }
        let shared = SharedBuffers(finishes: finishes, counts: counts)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var sampled = ordered
            var timing = Timing(nodeCount: n)
            let myCounts = shared.counts.baseAddress! + worker * n
            var iteration = worker
            while iteration < iterations {
                var rng = generator(seed: seed, iteration: iteration)
                var normals = NormalSource()
                for (k, j) in varying.enumerated() { sampled.setDuration(samplers[k].sample(using: &rng, normals: &normals), of: j) }
                CriticalPathMethod.schedule(sampled, into: &timing)
                shared.finishes[iteration] = timing.finish
                timing.totalFloat.withUnsafeBufferPointer { float in
                    for j in 0..<n where float[j] <= Timing.criticalTolerance { myCounts[j] += 1 }
                }
                iteration += workers
            }
        }
        var criticalCount = [Int](repeating: 0, count: n)
        for worker in 0..<workers {
            for j in 0..<n { criticalCount[j] += counts[worker * n + j] }
        }
        return Outcome(finishes: Array(finishes), criticalCount: criticalCount)
    }

    /// Both cores of the machine, or however many it has.
    public static var defaultThreads: Int { max(1, sysconfThreads()) }

    private static func sysconfThreads() -> Int {
        #if canImport(Glibc)
        return Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        #else
        return 2
        #endif
    }
}

/// The result arrays the workers write: each worker writes only its own
/// iterations' slots and its own row of counts, so no two touch the same memory.
private struct SharedBuffers: @unchecked Sendable {
    let finishes: UnsafeMutableBufferPointer<Double>
    let counts: UnsafeMutableBufferPointer<Int>
}
