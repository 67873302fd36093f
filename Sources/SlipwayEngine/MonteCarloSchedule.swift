import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// The sampling loop of a schedule risk simulation: each iteration draws every
/// varying duration from its PERT-Beta distribution and whether each risk event
/// occurs (and by how much), optionally levels the network by resource capacity,
/// runs the critical-path method, and records the finish, which nodes were
/// critical, and the sums that the risk drivers are computed from.
///
/// Iteration *i* draws from its own generator, seeded from the caller's seed and
/// *i*, and the sums are added up in blocks of a fixed number of iterations,
/// combined in block order: the numbers do not depend on how many threads share
/// the work, to the last bit.
public enum MonteCarloSchedule {
    /// A risk event: with `probability` it occurs, and then each of its nodes is
    /// delayed (a wait before it may start) or extended (more work) by one draw
    /// of `impact`.
    public struct RiskEvent: Sendable {
        public enum Mode: String, Sendable { case delay, extend }

        public var probability: Double
        public var impact: Estimate
        public var nodes: [Int32]
        public var mode: Mode

        public init(probability: Double, impact: Estimate, nodes: [Int32], mode: Mode) {
            self.probability = probability
            self.impact = impact
            self.nodes = nodes
            self.mode = mode
        }
    }

    /// Leveling in every iteration: the serial schedule-generation scheme with
    /// fixed priorities (typically the starts of the deterministic leveled
    /// schedule, so that its sequence is kept while durations vary).
    public struct Leveling: Sendable {
        public var demands: ResourceDemands
        public var priority: [Double]

        public init(demands: ResourceDemands, priority: [Double]) {
            self.demands = demands
            self.priority = priority
        }
    }

    public struct Outcome: Sendable {
        public var iterations: Int
        /// The finish of each iteration, in iteration order.
        public var finishes: [Double]
        /// Per node, the number of iterations in which it was critical.
        public var criticalCount: [Int]
        /// Per node: the sum of its sampled durations (extensions included), of
        /// their squares, and of duration × finish, for cruciality.
        public var durationSum: [Double]
        public var durationSquareSum: [Double]
        public var durationFinishSum: [Double]
        /// Per risk: the iterations in which it occurred; the sum of its sampled
        /// impact (0 when it did not occur), of its square, and of impact × finish;
        /// the sum of the finish over the iterations in which it occurred; and the
        /// iterations in which it occurred with one of its nodes critical.
        public var riskOccurrences: [Int]
        public var riskImpactSum: [Double]
        public var riskImpactSquareSum: [Double]
        public var riskImpactFinishSum: [Double]
        public var riskFinishSumWhenOccurred: [Double]
        public var riskCriticalCount: [Int]
    }

    /// Iterations per block of sums: fixed, so that the order of additions is the
    /// same whatever the number of threads.
    static let blockSize = 64

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
    ///   - risks: risk events, each drawn independently in every iteration.
    ///   - leveling: levels every iteration when given.
    ///   - iterations: how many schedules to draw.
    ///   - threads: workers to share the iterations (the result does not depend on it).
    /// - Complexity: O(*n* · (*V* + *E* + *X*)) for *n* iterations, *X* the risk
    ///   targets, plus a leveling per iteration when asked (`ResourceLeveling.level`),
    ///   spread over `threads` cores; O(*V* + *R*) memory per block of iterations.
    public static func run(_ ordered: OrderedNetwork, estimates: [Estimate?], risks: [RiskEvent] = [], leveling: Leveling? = nil,
                           iterations: Int, seed: UInt64, threads: Int = defaultThreads) -> Outcome {
        let n = ordered.nodeCount, r = risks.count
        precondition(estimates.count == n, "one estimate slot per node")
        precondition(iterations >= 0, "a number of iterations")
        let varying = estimates.indices.filter { estimates[$0].map { !$0.isFixed } ?? false }
        // The nodes whose duration or wait can change in an iteration; every other
        // node keeps its duration, so its sums are known without adding them up.
        var isTracked = [Bool](repeating: false, count: n)
        for j in varying { isTracked[j] = true }
        for risk in risks { for node in risk.nodes { isTracked[Int(node)] = true } }
        let tracked = (0..<n).filter { isTracked[$0] }
        var slot = [Int](repeating: -1, count: n)
        for (s, j) in tracked.enumerated() { slot[j] = s }
        let m = tracked.count
        let samplers = varying.map { PERTBeta.Sampler(estimates[$0]!) }
        let impactSamplers = risks.map { $0.impact.isFixed ? nil : PERTBeta.Sampler($0.impact) }
        let hasDelays = risks.contains { $0.mode == .delay }
        let blocks = (iterations + blockSize - 1) / blockSize
        let workers = max(1, min(threads, blocks))

        let finishes = Buffer<Double>(count: iterations)
        let counts = Buffer<Int>(count: workers * n)
        let riskCritical = Buffer<Int>(count: workers * r)
        let riskOccurred = Buffer<Int>(count: workers * r)
        // Per block: 3 sums per node, 4 per risk.
        let stride = 3 * m + 4 * r
        let sums = Buffer<Double>(count: blocks * stride)

        // Which nodes are eligible depends on the links alone and the priorities
        // are fixed, so every iteration decodes the same activity list.
        let sequence = leveling.map { LevelingSequence(ordered.network, priority: $0.priority) }

        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var sampled = ordered
            let base = ordered.network.duration
            var timing = Timing(nodeCount: n)
            var delay = [Double](repeating: 0, count: hasDelays ? n : 0)
            var impacts = [Double](repeating: 0, count: r)
            var occurred = [Bool](repeating: false, count: r)
            var block = worker
            while block < blocks {
                let row = sums.pointer.baseAddress! + block * stride
                for iteration in (block * blockSize)..<min(iterations, (block + 1) * blockSize) {
                    var rng = generator(seed: seed, iteration: iteration)
                    var normals = NormalSource()
                    for j in tracked { sampled.setDuration(base[j], of: j) }
                    for (k, j) in varying.enumerated() { sampled.setDuration(samplers[k].sample(using: &rng, normals: &normals), of: j) }
                    if hasDelays { for j in tracked { delay[j] = 0 } }
                    for (q, risk) in risks.enumerated() {
                        let u = Double.random(in: 0..<1, using: &rng)
                        occurred[q] = u < risk.probability
                        guard occurred[q] else { impacts[q] = 0; continue }
                        let x = impactSamplers[q]?.sample(using: &rng, normals: &normals) ?? risk.impact.mostLikely
                        impacts[q] = x
                        for node in risk.nodes {
                            let j = Int(node)
                            // Work already done or pinned by progress is not delayed again.
                            guard ordered.network.pinnedStart[j].isNaN else { continue }
                            switch risk.mode {
                            case .extend: sampled.setDuration(sampled.network.duration[j] + x, of: j)
                            case .delay: delay[j] += x
                            }
                        }
                    }
                    let startDelay: [Double]? = hasDelays ? delay : nil
                    if let leveling, let sequence {
                        CriticalPathMethod.schedule(leveledNetwork(sampled, leveling: leveling, sequence: sequence, startDelay: startDelay),
                                                    into: &timing, startDelay: startDelay)
                    } else {
                        CriticalPathMethod.schedule(sampled, into: &timing, startDelay: startDelay)
                    }
                    let f = timing.finish
                    finishes.pointer[iteration] = f
                    let myCounts = counts.pointer.baseAddress! + worker * n
                    timing.totalFloat.withUnsafeBufferPointer { float in
                        for j in 0..<n where float[j] <= Timing.criticalTolerance { myCounts[j] += 1 }
                    }
                    for (s, j) in tracked.enumerated() {
                        let x = sampled.network.duration[j] + (hasDelays ? delay[j] : 0)
                        row[3 * s] += x
                        row[3 * s + 1] += x * x
                        row[3 * s + 2] += x * f
                    }
                    for q in 0..<r {
                        let x = impacts[q], at = 3 * m + 4 * q
                        row[at] += x
                        row[at + 1] += x * x
                        row[at + 2] += x * f
                        guard occurred[q] else { continue }
                        row[at + 3] += f
                        riskOccurred.pointer[worker * r + q] += 1
                        if risks[q].nodes.contains(where: { timing.totalFloat[Int($0)] <= Timing.criticalTolerance }) {
                            riskCritical.pointer[worker * r + q] += 1
                        }
                    }
                }
                block += workers
            }
        }

        var outcome = Outcome(iterations: iterations, finishes: Array(finishes.pointer.prefix(iterations)),
                              criticalCount: [Int](repeating: 0, count: n),
                              durationSum: [Double](repeating: 0, count: n), durationSquareSum: [Double](repeating: 0, count: n),
                              durationFinishSum: [Double](repeating: 0, count: n),
                              riskOccurrences: [Int](repeating: 0, count: r), riskImpactSum: [Double](repeating: 0, count: r),
                              riskImpactSquareSum: [Double](repeating: 0, count: r), riskImpactFinishSum: [Double](repeating: 0, count: r),
                              riskFinishSumWhenOccurred: [Double](repeating: 0, count: r), riskCriticalCount: [Int](repeating: 0, count: r))
        for worker in 0..<workers {
            for j in 0..<n { outcome.criticalCount[j] += counts.pointer[worker * n + j] }
            for q in 0..<r {
                outcome.riskOccurrences[q] += riskOccurred.pointer[worker * r + q]
                outcome.riskCriticalCount[q] += riskCritical.pointer[worker * r + q]
            }
        }
        for block in 0..<blocks {
            let row = sums.pointer.baseAddress! + block * stride
            for (s, j) in tracked.enumerated() {
                outcome.durationSum[j] += row[3 * s]
                outcome.durationSquareSum[j] += row[3 * s + 1]
                outcome.durationFinishSum[j] += row[3 * s + 2]
            }
            for q in 0..<r {
                let at = 3 * m + 4 * q
                outcome.riskImpactSum[q] += row[at]
                outcome.riskImpactSquareSum[q] += row[at + 1]
                outcome.riskImpactFinishSum[q] += row[at + 2]
                outcome.riskFinishSumWhenOccurred[q] += row[at + 3]
            }
        }
        // Nodes that never change: iterations x d, x d², and d x the sum of finishes.
        let finishTotal = outcome.finishes.reduce(0, +)
        let base = ordered.network.duration
        for j in 0..<n where slot[j] < 0 {
            outcome.durationSum[j] = Double(iterations) * base[j]
            outcome.durationSquareSum[j] = Double(iterations) * base[j] * base[j]
            outcome.durationFinishSum[j] = base[j] * finishTotal
        }
        return outcome
    }

    /// Both cores of the machine, or however many it has.
    /// The activity list of the fixed priorities, and each node's place in it.
    struct LevelingSequence {
        let list: [Int32]
        let position: [Int32]

        /// - Complexity: O((*V* + *E*) log *V*).
        init(_ network: DependencyNetwork, priority: [Double]) {
            var lists = PriorityList()
            var list: [Int32] = []
            lists.make(network, key: priority, into: &list)
            var position = [Int32](repeating: 0, count: network.nodeCount)
            for (p, node) in list.enumerated() { position[Int(node)] = Int32(p) }
            self.list = list
            self.position = position
        }
    }

    /// One iteration's leveled network: the sampled network decoded by the serial
    /// scheme in `sequence`, with a resource link from the work each delayed node
    /// waited for — the links `ResourceLeveling.level` would give, without the
    /// explanations (waits, overallocations) that only reports read.
    ///
    /// - Complexity: O(*V* + *E* + *V* · *D* · (log *k* + *s* + *k*)), as one decoding.
    static func leveledNetwork(_ sampled: OrderedNetwork, leveling: Leveling, sequence: LevelingSequence,
                               startDelay: [Double]?) -> OrderedNetwork {
        var generator = SerialScheduleGenerator(network: sampled.network, demands: leveling.demands)
        generator.startDelay = startDelay
        generator.run(sequence.list)
        var links: [DependencyNetwork.Link] = []
        for node in sequence.list {
            let j = Int(node)
            guard let (blocker, _) = generator.blocker(of: j), sequence.position[Int(blocker)] < sequence.position[j] else { continue }
            links.append(.init(from: blocker, to: node))
        }
        return ResourceLeveling.leveledNetwork(sampled, start: generator.start, resourceLinks: links, placement: sequence.list,
                                               startDelay: startDelay)
    }

    public static var defaultThreads: Int {
        #if canImport(Glibc)
        return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        #else
        return 2
        #endif
    }
}

/// A zeroed buffer the workers write: each worker writes only its own blocks'
/// slots and its own rows of counts, so no two touch the same memory.
private final class Buffer<Element: Numeric>: @unchecked Sendable {
    let pointer: UnsafeMutableBufferPointer<Element>

    init(count: Int) {
        pointer = .allocate(capacity: max(count, 1))
        pointer.initialize(repeating: 0)
    }

    deinit { pointer.deallocate() }
}
