import SlipwayEngine
import Testing
@testable import SlipwayScheduling

/// Invariants of the critical-path method on random acyclic networks, and agreement
/// with a naive reference that relaxes every link until nothing changes.
struct CriticalPathPropertyTests {
    static let seeds: [UInt64] = Array(1...300)
    let eps = 1e-9

    /// Without pinned starts by default: a start fixed by progress may break its
    /// links and give negative floats, so the invariants below hold only without.
    func scheduled(_ seed: UInt64, pinnedShare: Double = 0) throws -> (DependencyNetwork, [Int32], Timing) {
        let network = RandomNetworks.make(seed: seed, pinnedShare: pinnedShare)
        let ordered = try #require(try? TopologicalOrder.sort(network).get(), "seed \(seed): a random DAG was reported cyclic")
        return (network, ordered.order, CriticalPathMethod.schedule(ordered))
    }

    @Test(arguments: seeds)
    func topologicalOrderPutsEveryLinkForward(_ seed: UInt64) throws {
        let (network, order, _) = try scheduled(seed)
        var position = [Int](repeating: -1, count: network.nodeCount)
        for (p, node) in order.enumerated() { position[Int(node)] = p }
        #expect(!position.contains(-1))
        for i in 0..<network.nodeCount {
            for k in network.successors(of: i) { #expect(position[i] < position[Int(network.succNode[k])]) }
        }
    }

    @Test(arguments: seeds)
    func everyPrecedenceHoldsAndFloatsAreNonNegative(_ seed: UInt64) throws {
        let (network, _, t) = try scheduled(seed)
        for j in 0..<network.nodeCount {
            #expect(t.earlyStart[j] >= network.release[j] - eps && t.earlyStart[j] >= -eps)
            #expect(abs(t.earlyFinish[j] - t.earlyStart[j] - network.duration[j]) <= eps)
            #expect(t.totalFloat[j] >= -eps, "seed \(seed) node \(j)")
            #expect(t.freeFloat[j] >= -eps, "seed \(seed) node \(j)")
            // Free float is measured to the successors only (section 3), so with SS/SF
            // links it may exceed total float; it is never more than the link slacks.
            #expect(t.lateFinish[j] <= t.finish + eps)
            // A node pinned by progress starts where it started, whatever its links say.
            for k in network.predecessors(of: j) where network.pinnedStart[j].isNaN {
                let i = Int(network.predNode[k])
                #expect(t.slack(ofPredecessorLink: k, in: network, from: i, to: j) >= -eps,
                        "seed \(seed): link \(i)->\(j) violated")
            }
        }
        #expect(abs(t.finish - (t.earlyFinish.max() ?? 0)) <= eps)
    }

    @Test(arguments: seeds)
    func criticalPathIsALinkedChainOfCriticalNodesEndingAtTheFinish(_ seed: UInt64) throws {
        let (network, order, t) = try scheduled(seed)
        let chain = CriticalPathMethod.criticalChain(try ordered(network), timing: t).map(Int.init)
        #expect(!chain.isEmpty)
        for node in chain {
            #expect(t.isCritical(node))
            #expect(abs(t.lateStart[node] - t.earlyStart[node]) <= eps)
        }
        for (a, b) in zip(chain, chain.dropFirst()) {
            #expect(network.predecessors(of: b).contains { Int(network.predNode[$0]) == a }, "seed \(seed): \(a) and \(b) are not linked")
        }
        if let last = chain.last { #expect(abs(t.earlyFinish[last] - t.finish) <= eps) }
        for j in 0..<network.nodeCount where t.isCritical(j) {
            #expect(abs(t.lateStart[j] - t.earlyStart[j]) <= eps)
        }
    }

    @Test(arguments: seeds)
    func passesAgreeWithNaiveRelaxation(_ seed: UInt64) throws {
        let (network, _, t) = try scheduled(seed, pinnedShare: 0.1)
        let n = network.nodeCount
        // Forward: ES_j = max(0, release_j, bounds over all links), iterated to a fixed point.
        // A pinned node starts at its pinned time whatever its links say.
        var es = (0..<n).map { network.pinnedStart[$0].isNaN ? max(0, network.release[$0]) : network.pinnedStart[$0] }
        var changed = true
        while changed {
            changed = false
            for j in 0..<n where network.pinnedStart[j].isNaN {
                for k in network.predecessors(of: j) {
                    let i = Int(network.predNode[k]), lag = network.predLag[k], d = network.duration[j]
                    let bound: Double
                    switch network.predType[k] {
                    case .finishToStart: bound = es[i] + network.duration[i] + lag
                    case .startToStart: bound = es[i] + lag
                    case .finishToFinish: bound = es[i] + network.duration[i] + lag - d
                    case .startToFinish: bound = es[i] + lag - d
                    }
                    if bound > es[j] + 1e-12 { es[j] = bound; changed = true }
                }
            }
        }
        let finish = (0..<n).map { es[$0] + network.duration[$0] }.max() ?? 0
        // Backward: LF_i = min(F, bounds over all outgoing links), iterated to a fixed point.
        var lf = [Double](repeating: finish, count: n)
        changed = true
        while changed {
            changed = false
            for i in 0..<n {
                for k in network.successors(of: i) {
                    let j = Int(network.succNode[k]), lag = network.succLag[k], di = network.duration[i], dj = network.duration[j]
                    let bound: Double
                    switch network.succType[k] {
                    case .finishToStart: bound = lf[j] - dj - lag
                    case .startToStart: bound = lf[j] - dj - lag + di
                    case .finishToFinish: bound = lf[j] - lag
                    case .startToFinish: bound = lf[j] - lag + di
                    }
                    if bound < lf[i] - 1e-12 { lf[i] = bound; changed = true }
                }
            }
        }
        for j in 0..<n {
            #expect(abs(t.earlyStart[j] - es[j]) <= eps, "seed \(seed) node \(j) ES")
            #expect(abs(t.lateFinish[j] - lf[j]) <= eps, "seed \(seed) node \(j) LF")
        }
        #expect(abs(t.finish - finish) <= eps)
    }
}

struct TopologicalOrderTests {
    @Test func cycleIsFoundAlongItsWholePath() {
        // 0 -> 1 -> 2 -> 0, and 3 after 2 (behind the cycle, not on it).
        let network = DependencyNetwork(duration: [1, 1, 1, 1], links: [
            .init(from: 0, to: 1), .init(from: 1, to: 2), .init(from: 2, to: 0), .init(from: 2, to: 3),
        ])
        guard case .failure(let cycle) = TopologicalOrder.sort(network) else {
            Issue.record("a cyclic network was ordered")
            return
        }
        #expect(cycle.loops() == [[0, 1, 2]])
    }

    @Test func selfLoopIsACycle() {
        let network = DependencyNetwork(duration: [1], links: [.init(from: 0, to: 0)])
        guard case .failure(let cycle) = TopologicalOrder.sort(network) else {
            Issue.record("a cyclic network was ordered")
            return
        }
        #expect(cycle.loops() == [[0]])
    }
}
