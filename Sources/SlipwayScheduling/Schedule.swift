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

    public var finish: Double { timing.finish }

    /// When a constraint is resolved, against its target.
    public struct Resolution: Sendable, Equatable {
        public var constraint: Int
        public var resolved: Double
        public var target: Double?
        /// Weeks late against the target (positive), or nil when on time or without target.
        public var late: Double?
    }

    public func isCritical(task: Int) -> Bool { timing.isCritical(task) }

    /// The critical chain as text: task ids, and `(nats-protocol resolved)` for
    /// the constraint resolutions the chain passes through.
    public func criticalChainDescription(plan: Plan) -> String {
        criticalChain.map { node in
            graph.constraintIndex(ofNode: node).map { "(\(plan.constraints[$0].id) resolved)" } ?? plan.tasks[node].id
        }.joined(separator: " -> ")
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
