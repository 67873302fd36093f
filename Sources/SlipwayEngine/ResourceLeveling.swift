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
        /// Every node a resource delayed: the resource, when its links allowed it
        /// to start, and the work it waited behind (in index order of the nodes).
        public var waits: [LevelingWait] = []
        /// How many schedules were generated to find this one (decodings and
        /// justification passes).
        public var schedules: Int = 1
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
        var lists = PriorityList()
        var list: [Int32] = []
        lists.make(ordered.network, key: priority, into: &list)
        var generator = SerialScheduleGenerator(network: ordered.network, demands: demands)
        generator.startDelay = startDelay
        generator.run(list)
        return explained(generator, placement: list)
    }

    /// The result of a decoding, with the links that explain its waits: for each
    /// node a resource moved, a link from the work whose end it waited for, when
    /// that work was placed before it; work pinned by progress but placed later
    /// is a wait behind pinned work instead (a link to it would close a cycle).
    ///
    /// - Complexity: O(*V* log *k* + *V* *D*).
    static func explained(_ generator: SerialScheduleGenerator, placement: [Int32]) -> Result {
        let network = generator.network, demands = generator.demands
        let n = network.nodeCount
        var position = [Int32](repeating: 0, count: n)
        for (p, node) in placement.enumerated() { position[Int(node)] = Int32(p) }
        var resourceLinks: [DependencyNetwork.Link] = []
        var linkResource: [Int] = []
        var waitsBehindPinned: [(node: Int, pinned: Int, resource: Int)] = []
        for node in placement {
            let j = Int(node)
            guard let (blocker, resource) = generator.blocker(of: j) else { continue }
            if position[Int(blocker)] < position[j] {
                resourceLinks.append(.init(from: blocker, to: node))
                linkResource.append(resource)
            } else {
                waitsBehindPinned.append((j, Int(blocker), resource))
            }
        }
        var overallocated: [(node: Int, resource: Int)] = []
        for j in 0..<n {
            for q in demands.demands(of: j) where demands.units[q] > demands.capacity[Int(demands.resource[q])] + ResourceProfile.eps {
                overallocated.append((j, Int(demands.resource[q])))
            }
        }
        overallocated.sort { ($0.node, $0.resource) < ($1.node, $1.resource) }
        return Result(start: generator.start, resourceLinks: resourceLinks, linkResource: linkResource, overallocated: overallocated,
                      placement: placement, waitsBehindPinned: waitsBehindPinned, waits: LevelingWait.of(generator, position: position))
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
        leveledNetwork(ordered, start: result.start, resourceLinks: result.resourceLinks, placement: result.placement, startDelay: startDelay)
    }

    /// The same from a decoding's parts (the simulation builds only these).
    ///
    /// - Complexity: O(*V* + *E*).
    static func leveledNetwork(_ ordered: OrderedNetwork, start: [Double], resourceLinks: [DependencyNetwork.Link],
                               placement: [Int32], startDelay: [Double]?) -> OrderedNetwork {
        let network = ordered.network
        var release = network.release
        for j in 0..<network.nodeCount where network.pinnedStart[j].isNaN {
            release[j] = max(release[j], start[j] - (startDelay?[j] ?? 0))
        }
        return OrderedNetwork(network.adding(links: resourceLinks, release: release), trustedOrder: placement)
    }
}

extension ResourceLeveling {
    /// The leveling with forward-backward improvement (`Justification`; Li &
    /// Willis 1992, Valls, Ballestín & Quintanilla 2005): after a forward pass,
    /// level the network backwards in time from its finish, then forwards again
    /// in the order of the backward starts, which packs work that the first pass
    /// left in gaps. A round is kept only when it finishes earlier; the result is
    /// always a forward pass, so its resource links explain it as before.
    ///
    /// - Complexity: (2 · `rounds` + 1) decodings by the serial scheme.
    public static func levelImproved(_ ordered: OrderedNetwork, demands: ResourceDemands, priority: [Double], rounds: Int = 2) -> Result {
        improved(ordered, demands: demands, priority: priority, rounds: rounds).result
    }

    /// `levelImproved`, with the number of schedules it generated.
    static func improved(_ ordered: OrderedNetwork, demands: ResourceDemands, priority: [Double], rounds: Int = 2)
        -> (result: Result, schedules: Int) {
        var lists = PriorityList()
        var list: [Int32] = []
        lists.make(ordered.network, key: priority, into: &list)
        var justification = Justification(ordered, demands: demands)
        var finish = justification.decode(list)
        var schedules = 1
        var current = true
        for _ in 0..<rounds {
            schedules += 2
            guard let again = justification.improve(&list, finish: finish, strictly: true) else {
                current = false
                break
            }
            finish = again
        }
        // A rejected round leaves its own pass in the generator: decode the kept list again.
        if !current { justification.decode(list) }
        var result = explained(justification.forward, placement: list)
        result.schedules = schedules
        return (result, schedules)
    }

    /// The leveling `options` ask for: the single pass with forward-backward
    /// improvement (`levelImproved`), then, with a budget left, the activity-list
    /// search (`ActivityListGA`) seeded with the single pass's list. The search's
    /// best is kept only when it finishes earlier, so the result is never worse
    /// than the single pass; either way it is one forward pass of the serial
    /// scheme, explained by its resource links.
    ///
    /// - Complexity: at most `options.effort(nodes:)` decodings by the serial scheme (at
    ///   least those of the single pass), shared among the threads.
    public static func level(_ ordered: OrderedNetwork, demands: ResourceDemands, priority: [Double], options: LevelingOptions) -> Result {
        var (single, used) = improved(ordered, demands: demands, priority: priority)
        let singleFinish = finish(of: single, ordered.network)
        // The unleveled finish: no leveling starts a node before its links allow.
        let bound = CriticalPathMethod.schedule(ordered).finish
        let effort = options.effort(nodes: ordered.nodeCount)
        guard effort > used, singleFinish > bound + ResourceProfile.eps else { return single }
        let threads = options.threads ?? MonteCarloSchedule.defaultThreads
        let outcome = ActivityListGA.search(ordered, demands: demands, priority: priority, initial: [single.placement],
                                            budget: effort - used, seed: options.seed, threads: threads, lowerBound: bound)
        used += outcome.schedules
        single.schedules = used
        guard outcome.finish < singleFinish - ResourceProfile.eps else { return single }
        // The list again, through the same priority rule as every leveling, so that
        // pinned work is placed first and explained like the single pass.
        var position = [Double](repeating: 0, count: ordered.nodeCount)
        for (p, node) in outcome.list.enumerated() { position[Int(node)] = Double(p) }
        var searched = level(ordered, demands: demands, priority: position)
        searched.schedules = used
        return finish(of: searched, ordered.network) < singleFinish - ResourceProfile.eps ? searched : single
    }

    public static func finish(of result: Result, _ network: DependencyNetwork) -> Double {
        (0..<network.nodeCount).reduce(0) { max($0, network.finish(of: $1, from: result.start[$1])) }
    }
}
