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

    /// One longest chain of critical nodes (section 4 of the contract): linked by
    /// driving links (links with no slack) between critical nodes, ending at a
    /// node that finishes at F, and of the greatest total duration (then the most
    /// nodes). A dynamic program over the topological order keeps, for each
    /// critical node, the longest driving chain that ends there; ties keep the
    /// predecessor first in link order, and among ends the last in `order`.
    ///
    /// - Returns: the chain from its first node to its last.
    /// - Complexity: O(*V* + *E*).
    public static func criticalChain(_ network: DependencyNetwork, timing: Timing, order: [Int32]) -> [Int32] {
        let tolerance = Timing.criticalTolerance
        let n = network.nodeCount
        var length = [Double](repeating: -1, count: n)
        var count = [Int](repeating: 0, count: n)
        var parent = [Int32](repeating: -1, count: n)
        var end: Int32 = -1
        for node in order {
            let j = Int(node)
            guard timing.isCritical(j) else { continue }
            var best = 0.0, bestCount = 0, bestParent: Int32 = -1
            for k in network.predecessors(of: j) {
                let i = Int(network.predNode[k])
                // A link into a node pinned by progress may even be violated (slack < 0):
                // only a link with exactly no slack drives.
                guard length[i] >= 0,
                      abs(linkSlack(network.predType[k], lag: network.predLag[k], from: i, to: j, timing)) <= tolerance else { continue }
                if length[i] > best + tolerance || (abs(length[i] - best) <= tolerance && count[i] > bestCount) {
                    best = length[i]
                    bestCount = count[i]
                    bestParent = Int32(i)
                }
            }
            length[j] = best + network.duration[j]
            count[j] = bestCount + 1
            parent[j] = bestParent
            guard abs(timing.earlyFinish[j] - timing.finish) <= tolerance else { continue }
            if end < 0 || length[j] > length[Int(end)] + tolerance
                || (abs(length[j] - length[Int(end)]) <= tolerance && count[j] >= count[Int(end)]) {
                end = node
            }
        }
        guard end >= 0 else { return [] }
        var chain: [Int32] = []
        var j = end
        while j >= 0 {
            chain.append(j)
            j = parent[Int(j)]
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
