import SlipwayCore

/// What the scheduler computed for a plan. The plan itself is left as declared.
public struct Schedule: Sendable {
    public let graph: PlanGraph
    /// Dates and floats per node (tasks first, then constraint resolutions).
    public let timing: Timing
    /// Task indices in topological order (ties in file order); resolutions left out.
    public let taskOrder: [Int]
    /// Task indices of one critical chain, first to last.
    public let criticalPath: [Int]
    /// The same chain as network nodes, constraint resolutions included (node
    /// `graph.taskCount + c` is constraint c resolved), for people to read.
    public let criticalChain: [Int]
    public let resolutions: [Resolution]
    /// Warnings from the plan's checks: deadline, due dates, targets, phase windows, budget.
    public let findings: [Diagnostic]
    public let cost: CostSummary
    /// How the schedule was leveled by owner capacity, when it was.
    public let leveling: Leveling?

    public var finish: Double { timing.finish }

    /// What resource leveling did: the links it added (a task waiting for an
    /// owner's earlier work) and the finish before leveling.
    public struct Leveling: Sendable {
        public var resourceLinks: [DependencyNetwork.Link]
        /// The owner (index into `Plan.owners`) behind each resource link.
        public var linkOwner: [Int]
        /// Tasks that need more of an owner than its capacity, leveled as if they needed all of it.
        public var overallocated: [(task: Int, owner: Int)]
        public var unleveledFinish: Double
        /// Each node's early start before leveling, to show how far leveling moved it.
        public var unleveledStart: [Double]
    }

    /// When a constraint is resolved, against its target.
    public struct Resolution: Sendable, Equatable {
        public var constraint: Int
        public var resolved: Double
        public var target: Double?
        /// Weeks late against the target (positive), or nil when on time or without target.
        public var late: Double?
    }

    public func isCritical(task: Int) -> Bool { timing.isCritical(task) }

    /// The critical chain as text: task ids, `(nats-protocol resolved)` for the
    /// constraint resolutions it passes through, and `-[devops]->` where a task
    /// waits for its owner's earlier work rather than for a link of the plan.
    public func criticalChainDescription(plan: Plan) -> String {
        var text = ""
        for (position, node) in criticalChain.enumerated() {
            if position > 0 {
                let previous = criticalChain[position - 1]
                text += ownerLink(from: previous, to: node).map { " -[\(plan.owners[$0].id)]-> " } ?? " -> "
            }
            text += graph.constraintIndex(ofNode: node).map { "(\(plan.constraints[$0].id) resolved)" } ?? plan.tasks[node].id
        }
        return text
    }

    /// The owner behind a resource link from `a` to `b`, when leveling added one
    /// and it drives `b` (no link of the plan does).
    public func ownerLink(from a: Int, to b: Int) -> Int? {
        guard let leveling else { return nil }
        let plain = graph.network.predecessors(of: b).contains { k in
            Int(graph.network.predNode[k]) == a && Int(graph.network.predLinkIndex[k]) < graph.network.linkCount - leveling.resourceLinks.count
        }
        if plain { return nil }
        return leveling.resourceLinks.indices.first { Int(leveling.resourceLinks[$0].from) == a && Int(leveling.resourceLinks[$0].to) == b }
            .map { leveling.linkOwner[$0] }
    }

    public func earlyStart(task: Int) -> Double { timing.earlyStart[task] }
    public func earlyFinish(task: Int) -> Double { timing.earlyFinish[task] }
}

/// Money: fixed costs plus owner rate x duration x units.
public struct CostSummary: Sendable, Equatable {
    public var perTask: [Double]
    public var total: Double
    /// False when no task has a cost and no owner a rate: there is nothing to check.
    public var isKnown: Bool
}
