import Testing
import SlipwayEngine
import SlipwayCore
import SlipwayScheduling


/// Random acyclic networks: links go from an earlier to a later node of a hidden
/// random order, so that node indices (file order) are not already topological.
/// About `pinnedShare` of the nodes are pinned (a start fixed by progress).
enum RandomNetworks {
    static func make(seed: UInt64, minNodes: Int = 1, maxNodes: Int = 40, pinnedShare: Double = 0.1) -> DependencyNetwork {
        var rng = SplitMix64(seed: seed)
        let n = Int.random(in: minNodes...maxNodes, using: &rng)
        let hidden = (0..<n).shuffled(using: &rng)
        // Durations in quarter weeks, some zero (milestones); a few releases.
        let duration = (0..<n).map { _ in Double(Int.random(in: 0...16, using: &rng)) / 4 }
        let release = (0..<n).map { _ in Bool.random(using: &rng) && Int.random(in: 0..<4, using: &rng) == 0 ? Double(Int.random(in: 1...8, using: &rng)) : 0 }
        var links: [DependencyNetwork.Link] = []
        let density = Double.random(in: 0.05...0.4, using: &rng)
        for a in 0..<n {
            for b in (a + 1)..<max(a + 1, n) where Double.random(in: 0..<1, using: &rng) < density {
                let type = LinkType.allCases.randomElement(using: &rng)!
                let lag = Double(Int.random(in: -4...6, using: &rng)) / 2
                links.append(.init(from: Int32(hidden[a]), to: Int32(hidden[b]), type: type, lag: lag))
            }
        }
        let pinned = (0..<n).map { _ in Double.random(in: 0..<1, using: &rng) < pinnedShare ? Double(Int.random(in: 0...12, using: &rng)) / 2 : .nan }
        return DependencyNetwork(duration: duration, release: release, pinnedStart: pinned, links: links)
    }
}

/// The network with its topological order; a test fails when it has a cycle.
func ordered(_ network: DependencyNetwork) throws -> OrderedNetwork {
    try #require(try? TopologicalOrder.sort(network).get(), "the network has a cycle")
}
