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

    /// Zeroed arrays for `nodeCount` nodes, to be filled by `CriticalPathMethod.schedule(_:into:)`.
    public init(nodeCount n: Int) {
        earlyStart = [Double](repeating: 0, count: n)
        earlyFinish = earlyStart
        lateStart = earlyStart
        lateFinish = earlyStart
        totalFloat = earlyStart
        freeFloat = earlyStart
        finish = 0
    }

    /// How much the link `k` of `network`'s predecessor rows, from `i` into `j`,
    /// could stretch before it moved `j` (0 for a driving link).
    @inlinable
    public func slack(ofPredecessorLink k: Int, in network: DependencyNetwork, from i: Int, to j: Int) -> Double {
        if let calendars = network.calendars {
            return calendars.slack(network.predType[k], fromStart: earlyStart[i], fromFinish: earlyFinish[i],
                                   toStart: earlyStart[j], toFinish: earlyFinish[j], lag: network.predLag[k],
                                   predecessor: i, successor: j)
        }
        return network.predType[k].slack(fromStart: earlyStart[i], fromFinish: earlyFinish[i],
                                  toStart: earlyStart[j], toFinish: earlyFinish[j], lag: network.predLag[k])
    }
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
    ///   - ordered: the nodes and links with a topological order (`TopologicalOrder.sort`).
    /// - Returns: the dates and floats of every node, indexed like the network.
    /// - Complexity: O(*V* + *E*) time, where *V* is the number of nodes and *E* the
    ///   number of links; six arrays of *V* doubles, allocated once.
    public static func schedule(_ ordered: OrderedNetwork) -> Timing {
        var timing = Timing(nodeCount: ordered.nodeCount)
        schedule(ordered, into: &timing)
        return timing
    }

    /// The same passes into the arrays of `timing`, which must hold one entry per
    /// node: repeated schedules (simulation) allocate nothing. A network with
    /// working calendars is scheduled on them (`scheduleOnCalendars`).
    ///
    /// - Complexity: O(*V* + *E*) time, no allocation; O((*V* + *E*) log *g*) on
    ///   calendars of at most *g* breakpoints.
    ///
    /// - Parameter startDelay: per node, a wait added to its earliest start after
    ///   every bound (a risk that delays the node), or nil for none. Every bound a
    ///   link puts on the node, forward and backward, then includes that wait.
    public static func schedule(_ ordered: OrderedNetwork, into timing: inout Timing, startDelay: [Double]? = nil) {
        let network = ordered.network, order = ordered.order
        let n = network.nodeCount
        precondition(timing.earlyStart.count == n, "one timing entry per node")
        precondition(startDelay.map { $0.count == n } ?? true, "one start delay per node")
        if let calendars = network.calendars {
            scheduleOnCalendars(ordered, calendars: calendars, into: &timing, startDelay: startDelay)
            return
        }
        let noDelay = [Double](), delays = startDelay ?? noDelay, hasDelay = startDelay != nil
        network.duration.withUnsafeBufferPointer { duration in
        network.release.withUnsafeBufferPointer { release in
        network.pinnedStart.withUnsafeBufferPointer { pinned in
        network.predOffset.withUnsafeBufferPointer { predOffset in
        network.predNode.withUnsafeBufferPointer { predNode in
        network.predType.withUnsafeBufferPointer { predType in
        network.predLag.withUnsafeBufferPointer { predLag in
        delays.withUnsafeBufferPointer { delay in
        timing.earlyStart.withUnsafeMutableBufferPointer { es in
        timing.earlyFinish.withUnsafeMutableBufferPointer { ef in
            var finish = 0.0
            for position in 0..<n {
                let j = Int(order[position])
                let d = duration[j]
                var start = max(0, release[j])
                if !pinned[j].isNaN {
                    start = pinned[j]
                } else {
                    for k in Int(predOffset[j])..<Int(predOffset[j + 1]) {
                        let i = Int(predNode[k])
                        let bound = predType[k].earliestStart(afterStart: es[i], finish: ef[i], lag: predLag[k], duration: d)
                        if bound > start { start = bound }
                    }
                    if hasDelay { start += delay[j] }
                }
                es[j] = start
                ef[j] = start + d
                if start + d > finish { finish = start + d }
            }
            timing.finish = finish
        }}}}}}}}}}
        let finish = timing.finish
        network.duration.withUnsafeBufferPointer { duration in
        network.succOffset.withUnsafeBufferPointer { succOffset in
        network.succNode.withUnsafeBufferPointer { succNode in
        network.succType.withUnsafeBufferPointer { succType in
        network.succLag.withUnsafeBufferPointer { succLag in
        network.pinnedStart.withUnsafeBufferPointer { pinned in
        delays.withUnsafeBufferPointer { delay in
        timing.earlyStart.withUnsafeBufferPointer { es in
        timing.earlyFinish.withUnsafeBufferPointer { ef in
        timing.lateStart.withUnsafeMutableBufferPointer { ls in
        timing.lateFinish.withUnsafeMutableBufferPointer { lf in
        timing.totalFloat.withUnsafeMutableBufferPointer { totalFloat in
        timing.freeFloat.withUnsafeMutableBufferPointer { freeFloat in
            var position = n - 1
            while position >= 0 {
                let i = Int(order[position])
                position -= 1
                let d = duration[i]
                var late = finish
                let first = Int(succOffset[i]), end = Int(succOffset[i + 1])
                var free = first == end ? finish - ef[i] : Double.infinity
                for k in first..<end {
                    let j = Int(succNode[k]), lag = succLag[k], type = succType[k]
                    // A successor's wait comes after every bound its links put on it.
                    let wait = hasDelay && pinned[j].isNaN ? delay[j] : 0
                    let bound = type.latestFinish(beforeStart: ls[j] - wait, finish: lf[j] - wait, lag: lag, duration: d)
                    let slack = type.slack(fromStart: es[i], fromFinish: ef[i], toStart: es[j] - wait, toFinish: ef[j] - wait, lag: lag)
                    if bound < late { late = bound }
                    if slack < free { free = slack }
                }
                lf[i] = late
                ls[i] = late - d
                totalFloat[i] = late - d - es[i]
                freeFloat[i] = free
            }
        }}}}}}}}}}}}}
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
    public static func criticalChain(_ ordered: OrderedNetwork, timing: Timing) -> [Int32] {
        let network = ordered.network, order = ordered.order
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
                      abs(timing.slack(ofPredecessorLink: k, in: network, from: i, to: j)) <= tolerance else { continue }
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
}
