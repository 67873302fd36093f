import Testing
@testable import SlipwayEngine

/// The leveled network of a simulation iteration is built without the reports'
/// explanations and from one activity list for all iterations: it must be the
/// network that `ResourceLeveling.level` gives for the same priorities, with
/// work pinned by progress and risk delays included.
struct SampledLevelingTests {
    @Test(arguments: Array(UInt64(1)...80))
    func iterationNetworkEqualsTheLeveledNetwork(_ seed: UInt64) throws {
        var rng = SplitMix64(seed: seed &* 7_919)
        let network = RandomNetworks.make(seed: seed, pinnedShare: 0.2)
        let ordered = try ordered(network)
        let (capacity, demands) = LevelingChecks.demands(nodes: network.nodeCount, &rng)
        let model = ResourceDemands(capacity: capacity, demands: demands)
        let priority = CriticalPathMethod.schedule(ordered).lateStart
        let delay: [Double]? = seed.isMultiple(of: 2) ? (0..<network.nodeCount).map { _ in Double.random(in: 0..<1, using: &rng) } : nil

        let reference = ResourceLeveling.leveledNetwork(ordered, ResourceLeveling.level(ordered, demands: model, priority: priority, startDelay: delay),
                                                        startDelay: delay)
        let sequence = MonteCarloSchedule.LevelingSequence(ordered.network, priority: priority)
        let lean = MonteCarloSchedule.leveledNetwork(ordered, leveling: .init(demands: model, priority: priority), sequence: sequence, startDelay: delay)

        #expect(lean.order == reference.order, "seed \(seed)")
        #expect(lean.network.links == reference.network.links, "seed \(seed)")
        #expect(lean.network.release == reference.network.release, "seed \(seed)")
        let a = CriticalPathMethod.schedule(lean), b = CriticalPathMethod.schedule(reference)
        #expect(a.earlyStart == b.earlyStart && a.totalFloat == b.totalFloat, "seed \(seed)")
    }
}
