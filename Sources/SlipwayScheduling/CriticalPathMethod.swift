/// Early and late dates and floats of every node of a network.
public struct Timing: Sendable, Equatable {
    public var earlyStart: [Double]
    public var earlyFinish: [Double]
    public var lateStart: [Double]
    public var lateFinish: [Double]
    public var totalFloat: [Double]
    public var freeFloat: [Double]
    /// The project finish F: the largest early finish (0 for an empty network).
    public var finish: Double

    /// Total float at or below this many weeks counts as none (section 3 of the contract).
    public static let criticalTolerance = 1e-9

    public func isCritical(_ node: Int) -> Bool { totalFloat[node] <= Timing.criticalTolerance }
}

/// The critical-path method (Kelley & Walker 1959) over a precedence network with
/// the four link types and lags (Fondahl 1961), exactly as section 3 of the
/// plan-format contract states it.
public enum CriticalPathMethod {
    /// Forward pass, then backward pass, then floats.
    ///
    /// Forward, for each node j in topological order, over its predecessors i with lag L:
    /// FS: ES_j >= EF_i + L; SS: ES_j >= ES_i + L; FF: EF_j >= EF_i + L; SF: EF_j >= ES_i + L;
    /// and ES_j >= max(0, release_j). A node pinned by progress starts at its pinned time.
    /// Backward, in reverse order: LF_i = min(F, over successors j: FS: LS_j - L;
    /// SS: LS_j - L + d_i; FF: LF_j - L; SF: LF_j - L + d_i), LS_i = LF_i - d_i.
    /// Free float is the least slack of a node's outgoing links, or F - EF without any.
    ///
    /// - Parameters:
    ///   - network: the nodes and links.
    ///   - order: a topological order of all nodes (`TopologicalOrder.of`).
    /// - Returns: the dates and floats of every node, indexed like the network.
    /// - Complexity: O(*V* + *E*) time, where *V* is the number of nodes and *E* the
    ///   number of links; six arrays of *V* doubles, allocated once.
    public static func schedule(_ network: DependencyNetwork, order: [Int32]) -> Timing {
        let n = network.nodeCount
        precondition(order.count == n, "the order must hold every node once")
        let duration = network.duration, release = network.release, pinned = network.pinnedStart
        let predOffset = network.predOffset, predNode = network.predNode, predType = network.predType, predLag = network.predLag
        let succOffset = network.succOffset, succNode = network.succNode, succType = network.succType, succLag = network.succLag

        var es = [Double](repeating: 0, count: n)
        var ef = [Double](repeating: 0, count: n)
        var finish = 0.0
        for position in 0..<n {
            let j = Int(order[position])
            let d = duration[j]
            var start = max(0, release[j])
            if !pinned[j].isNaN {
                start = pinned[j]
            } else {
                for k in Int(predOffset[j])..<Int(predOffset[j + 1]) {
                    let i = Int(predNode[k]), lag = predLag[k]
                    let bound: Double
                    switch predType[k] {
                    case 0: bound = ef[i] + lag
                    case 1: bound = es[i] + lag
                    case 2: bound = ef[i] + lag - d
                    default: bound = es[i] + lag - d
                    }
                    if bound > start { start = bound }
                }
            }
            es[j] = start
            ef[j] = start + d
            if start + d > finish { finish = start + d }
        }

        var ls = [Double](repeating: 0, count: n)
        var lf = [Double](repeating: 0, count: n)
        var freeFloat = [Double](repeating: 0, count: n)
        var totalFloat = [Double](repeating: 0, count: n)
        var position = n - 1
        while position >= 0 {
            let i = Int(order[position])
            position -= 1
            let d = duration[i]
            var late = finish
            let first = Int(succOffset[i]), end = Int(succOffset[i + 1])
            var free = first == end ? finish - ef[i] : Double.infinity
            for k in first..<end {
                let j = Int(succNode[k]), lag = succLag[k]
                let bound: Double, slack: Double
                switch succType[k] {
                case 0: bound = ls[j] - lag; slack = es[j] - lag - ef[i]
                case 1: bound = ls[j] - lag + d; slack = es[j] - lag - es[i]
                case 2: bound = lf[j] - lag; slack = ef[j] - lag - ef[i]
                default: bound = lf[j] - lag + d; slack = ef[j] - lag - es[i]
                }
                if bound < late { late = bound }
                if slack < free { free = slack }
            }
            lf[i] = late
            ls[i] = late - d
            totalFloat[i] = late - d - es[i]
            freeFloat[i] = free
        }
        return Timing(earlyStart: es, earlyFinish: ef, lateStart: ls, lateFinish: lf,
                      totalFloat: totalFloat, freeFloat: freeFloat, finish: finish)
    }

    /// One longest chain of critical nodes: it ends at the last node (in `order`)
    /// that is critical and finishes at F, and walks back along driving links (links
    /// with no slack) to critical predecessors, taking the first such predecessor in
    /// link order, until a node has none (its start is set by its release or t = 0).
    ///
    /// - Returns: the chain from its first node to its last.
    /// - Complexity: O(*V* + *E*).
    public static func criticalChain(_ network: DependencyNetwork, timing: Timing, order: [Int32]) -> [Int32] {
        let tolerance = Timing.criticalTolerance
        guard let end = order.last(where: {
            timing.isCritical(Int($0)) && abs(timing.earlyFinish[Int($0)] - timing.finish) <= tolerance
        }) else { return [] }
        var chain: [Int32] = [end]
        var visited = Set<Int32>([end])
        var j = Int(end)
        walk: while true {
            for k in network.predecessors(of: j) {
                let i = Int(network.predNode[k])
                guard timing.isCritical(i), !visited.contains(Int32(i)) else { continue }
                if linkSlack(network.predType[k], lag: network.predLag[k], from: i, to: j, timing) <= tolerance {
                    chain.append(Int32(i))
                    visited.insert(Int32(i))
                    j = i
                    continue walk
                }
            }
            break
        }
        return chain.reversed()
    }

    /// How much a link could stretch before it moves its successor.
    @inlinable
    public static func linkSlack(_ type: UInt8, lag: Double, from i: Int, to j: Int, _ t: Timing) -> Double {
        switch type {
        case 0: return t.earlyStart[j] - lag - t.earlyFinish[i]
        case 1: return t.earlyStart[j] - lag - t.earlyStart[i]
        case 2: return t.earlyFinish[j] - lag - t.earlyFinish[i]
        default: return t.earlyFinish[j] - lag - t.earlyStart[i]
        }
    }
}
