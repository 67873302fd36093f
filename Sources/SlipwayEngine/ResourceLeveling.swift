import HeapModule

/// What each node of a network needs of which resource, and what each resource
/// can give at once; compressed rows like the network's links.
public struct ResourceDemands: Sendable {
    public let capacity: [Double]
    public let offset: [Int32]
    public let resource: [Int32]
    public let units: [Double]

    /// - Parameter demands: for each node, (resource index, units) pairs.
    public init(capacity: [Double], demands: [[(resource: Int, units: Double)]]) {
        self.capacity = capacity
        var offset: [Int32] = [0]
        var resource: [Int32] = []
        var units: [Double] = []
        for list in demands {
            for d in list where d.units > 0 {
                resource.append(Int32(d.resource))
                units.append(d.units)
            }
            offset.append(Int32(resource.count))
        }
        self.offset = offset
        self.resource = resource
        self.units = units
    }

    public func demands(of node: Int) -> Range<Int> { Int(offset[node])..<Int(offset[node + 1]) }
}

/// Resource leveling: every node starts as early as its links and the capacity of
/// the resources it needs allow, at every instant.
public enum ResourceLeveling {
    public struct Result: Sendable {
        /// The leveled start of each node.
        public var start: [Double]
        /// Links that say why a node waits for a resource: from the node whose
        /// work released the capacity, finish-to-start (Wiest 1964's "critical
        /// sequence"). Added to the network, they reproduce the leveled starts
        /// with the critical-path method, which then gives floats and a critical
        /// path that account for the resources.
        public var resourceLinks: [DependencyNetwork.Link]
        /// The resource behind each resource link.
        public var linkResource: [Int]
        /// Nodes that need more of a resource than it has; they are leveled as if
        /// they needed all of it.
        public var overallocated: [(node: Int, resource: Int)]
        /// Nodes in the order they were placed: every link of the network and every
        /// resource link goes forward in it, so it orders the leveled network.
        public var placement: [Int32]
        /// Waits that no link can explain: a node placed after work pinned by
        /// progress that, by the network's links, should come after it (progress
        /// that contradicts the links). The node still waits; its start is kept by
        /// its release instead of a link, which would close a cycle.
        public var waitsBehindPinned: [(node: Int, pinned: Int, resource: Int)]
    }

    /// The serial schedule-generation scheme (Kelley 1963; Kolisch 1996): take the
    /// eligible node (all predecessors placed) of least `priority` (ties: smaller
    /// index, i.e. file order), place it at the earliest time its links allow at
    /// which every resource it needs has room for its whole duration, repeat.
    /// With the latest start of the unleveled schedule as priority, work with the
    /// least float goes first. Nodes pinned by progress keep their starts, and
    /// their owners are booked for them before anything else is placed.
    ///
    /// - Parameters:
    ///   - priority: lower first, one value per node (e.g. `Timing.lateStart`).
    /// - Complexity: O((*V* + *E*) log *V* + *V* · *D* · (*k* + *s*)), for *D*
    ///   demands per node, *k* breakpoints per resource profile and *s* steps
    ///   scanned per fit; O(*V* *k*) in the worst case for the insertions.
    ///   - startDelay: per node, a wait after every bound on its start (a risk that
    ///     delays it), as in `CriticalPathMethod.schedule(_:into:startDelay:)`.
    public static func level(_ ordered: OrderedNetwork, demands: ResourceDemands, priority: [Double], startDelay: [Double]? = nil) -> Result {
        let network = ordered.network
        let n = network.nodeCount
        var profiles = [ResourceProfile](repeating: ResourceProfile(), count: demands.capacity.count)
        var start = [Double](repeating: 0, count: n)
        var finish = [Double](repeating: 0, count: n)
        var waiting = [Int32](repeating: 0, count: n)
        for j in 0..<n { waiting[j] = network.predOffset[j + 1] - network.predOffset[j] }
        // Work pinned by progress is placed as soon as it is eligible: it is booked
        // already, and placing it early lets the work that waits for its owner
        // be linked to it (a link may only point to work already placed).
        func key(_ j: Int) -> Double { network.pinnedStart[j].isNaN ? priority[j] : -.infinity }
        var eligible = Heap<Candidate>()
        for j in 0..<n where waiting[j] == 0 { eligible.insert(Candidate(key: key(j), node: Int32(j))) }
        var placement: [Int32] = []
        placement.reserveCapacity(n)
        var placed = [Bool](repeating: false, count: n)
        var waitsBehindPinned: [(node: Int, pinned: Int, resource: Int)] = []
        var resourceLinks: [DependencyNetwork.Link] = []
        var linkResource: [Int] = []
        var overallocated: [(node: Int, resource: Int)] = []
        // Work already started or finished holds its owners at its own dates,
        // whatever the order in which the loop reaches it: book it first.
        func reserve(_ j: Int, at t: Double) {
            for q in demands.demands(of: j) {
                let r = Int(demands.resource[q])
                if demands.units[q] > demands.capacity[r] + ResourceProfile.eps { overallocated.append((j, r)) }
                profiles[r].reserve(node: Int32(j), from: t, to: t + network.duration[j], units: min(demands.units[q], demands.capacity[r]))
            }
        }
        for j in 0..<n where !network.pinnedStart[j].isNaN { reserve(j, at: network.pinnedStart[j]) }

        while let candidate = eligible.popMin() {
            let node = candidate.node
            let j = Int(node)
            let d = network.duration[j]
            var t = max(0, network.release[j])
            if !network.pinnedStart[j].isNaN {
                t = network.pinnedStart[j]
            } else {
                for k in network.predecessors(of: j) {
                    let i = Int(network.predNode[k])
                    t = max(t, network.predType[k].earliestStart(afterStart: start[i], finish: finish[i], lag: network.predLag[k], duration: d))
                }
                if let startDelay { t += startDelay[j] }
                if d > ResourceProfile.eps {
                    // Move to the first time every resource fits; each move is to the end
                    // of some reservation, so repeat until no resource moves it.
                    var mover: (resource: Int, at: Double)?
                    var moved = true
                    while moved {
                        moved = false
                        for q in demands.demands(of: j) {
                            let r = Int(demands.resource[q])
                            let units = min(demands.units[q], demands.capacity[r])
                            let fit = profiles[r].earliestFit(from: t, duration: d, units: units, capacity: demands.capacity[r])
                            if fit > t + ResourceProfile.eps {
                                t = fit
                                mover = (r, fit)
                                moved = true
                            }
                        }
                    }
                    if let mover, let blocker = profiles[mover.resource].node(endingAt: mover.at) {
                        if placed[Int(blocker)] {
                            resourceLinks.append(.init(from: blocker, to: Int32(j)))
                            linkResource.append(mover.resource)
                        } else {
                            waitsBehindPinned.append((j, Int(blocker), mover.resource))
                        }
                    }
                }
            }
            start[j] = t
            finish[j] = t + d
            placed[j] = true
            placement.append(node)
            if network.pinnedStart[j].isNaN { reserve(j, at: t) }
            for k in network.successors(of: j) {
                let s = Int(network.succNode[k])
                waiting[s] -= 1
                if waiting[s] == 0 { eligible.insert(Candidate(key: key(s), node: Int32(s))) }
            }
        }
        overallocated.sort { ($0.node, $0.resource) < ($1.node, $1.resource) }
        return Result(start: start, resourceLinks: resourceLinks, linkResource: linkResource, overallocated: overallocated,
                      placement: placement, waitsBehindPinned: waitsBehindPinned)
    }

    /// The network with the resource links of `result` added and every node not
    /// pinned released at its leveled start, ordered by placement: its forward
    /// pass gives the leveled starts back exactly, and its backward pass floats
    /// and a critical path that account for the resources.
    ///
    /// - Complexity: O(*V* + *E*).
    /// With `startDelay`, each node's release is its leveled start less its wait, so
    /// that the critical-path method with the same delays gives the starts back.
    public static func leveledNetwork(_ ordered: OrderedNetwork, _ result: Result, startDelay: [Double]? = nil) -> OrderedNetwork {
        let network = ordered.network
        var release = network.release
        for j in 0..<network.nodeCount where network.pinnedStart[j].isNaN {
            release[j] = max(release[j], result.start[j] - (startDelay?[j] ?? 0))
        }
        return OrderedNetwork(network.adding(links: result.resourceLinks, release: release), trustedOrder: result.placement)
    }
}

extension ResourceLeveling {
    /// The leveling with forward-backward improvement (Li & Willis 1992; Valls,
    /// Ballestín & Quintanilla 2005, "justification"): after a forward pass, level
    /// the network backwards in time (every task as late as the leveled finish
    /// allows, latest finishers first), then forwards again with the backward
    /// starts as priorities, which packs work that the first pass left in gaps.
    /// A round is kept only when it finishes earlier; the result is always a
    /// forward pass, so its resource links explain it as before.
    ///
    /// - Complexity: (2 · `rounds` + 1) levelings.
    public static func levelImproved(_ ordered: OrderedNetwork, demands: ResourceDemands, priority: [Double], rounds: Int = 2) -> Result {
        let network = ordered.network
        var best = level(ordered, demands: demands, priority: priority)
        var bestFinish = finish(of: best, network)
        let reversed = reversedNetwork(ordered)
        for _ in 0..<rounds {
            // Backwards: the task that finishes last goes first.
            let late = level(reversed, demands: demands, priority: (0..<network.nodeCount).map { bestFinish - (best.start[$0] + network.duration[$0]) })
            let reversedFinish = finish(of: late, reversed.network)
            let backwardStart = (0..<network.nodeCount).map { reversedFinish - late.start[$0] - network.duration[$0] }
            let again = level(ordered, demands: demands, priority: backwardStart)
            let againFinish = finish(of: again, network)
            guard againFinish < bestFinish - ResourceProfile.eps else { break }
            best = again
            bestFinish = againFinish
        }
        return best
    }

    public static func finish(of result: Result, _ network: DependencyNetwork) -> Double {
        (0..<network.nodeCount).reduce(0) { max($0, result.start[$1] + network.duration[$1]) }
    }

    /// The network in reversed time (t' = F - t): every link turns around, start
    /// and finish swap (`LinkType.reversed`), and releases and pinned starts are
    /// dropped (the backward pass only orders the tasks). The reversed order
    /// orders it.
    static func reversedNetwork(_ ordered: OrderedNetwork) -> OrderedNetwork {
        let links = ordered.network.links.map { link in
            DependencyNetwork.Link(from: link.to, to: link.from, type: link.type.reversed, lag: link.lag)
        }
        return OrderedNetwork(DependencyNetwork(duration: ordered.network.duration, links: links), trustedOrder: ordered.order.reversed())
    }
}

/// An eligible node with its priority: the least key first, ties in index order.
struct Candidate: Comparable {
    var key: Double
    var node: Int32

    static func < (a: Candidate, b: Candidate) -> Bool { a.key != b.key ? a.key < b.key : a.node < b.node }
}
