import SlipwayEngine
import SlipwayCore

/// What the scheduler computed for a plan. The plan itself is left as declared.
///
/// Reports, diagrams and exporters read a schedule through its view: dates and
/// floats per node (`timing`, `row`, `dates(of:)`), durations, lateness, the
/// links into a node with their slack and source (`links(into:)`), the full
/// order. The network itself stays inside the scheduling module.
public struct Schedule: Sendable {
    let graph: PlanGraph
    /// The network with the order it was scheduled in.
    let ordered: OrderedNetwork
    /// Dates and floats per node (tasks first, then constraint resolutions),
    /// indexed by task, then `taskCount + c` for constraint c's resolution.
    public let timing: Timing
    /// Every node in topological order (ties in file order), resolutions included.
    public let order: [ScheduleNode]
    /// Task indices of one critical chain, first to last.
    public let criticalPath: [Int]
    /// The same chain with the constraint resolutions it passes through, and for
    /// each step the owner it waited for when leveling put it there.
    public let criticalChain: [ChainStep]
    public let resolutions: [Resolution]
    /// Warnings from the plan's checks: deadline, due dates, targets, phase windows, budget.
    public let findings: [Diagnostic]
    public let cost: CostSummary
    /// How the schedule was leveled by owner capacity, when it was.
    public let leveling: Leveling?

    public var finish: Double { timing.finish }
    public var taskCount: Int { graph.taskCount }
    /// Task indices in topological order; resolutions left out.
    public var taskOrder: [Int] { order.compactMap(\.task) }

    /// A node of the schedule: a task, or the resolution of a constraint.
    public enum ScheduleNode: Hashable, Sendable {
        case task(Int)
        case resolution(Int)

        public var task: Int? { if case .task(let j) = self { return j }; return nil }
        public var constraint: Int? { if case .resolution(let c) = self { return c }; return nil }
    }

    /// One step of the critical chain: a node, and the owner whose earlier work it
    /// waited for when that, not a link of the plan, put it on the chain.
    public struct ChainStep: Sendable, Equatable {
        public var node: ScheduleNode
        public var waitedForOwner: Int?
    }

    /// What resource leveling did: the links it added (a task waiting for an
    /// owner's earlier work) and the finish before leveling.
    public struct Leveling: Sendable {
        public var resourceLinks: [DependencyNetwork.Link]
        /// The owner (index into `Plan.owners`) behind each resource link.
        public var linkOwner: [Int]
        /// Tasks that need more of an owner than its capacity, leveled as if they needed all of it.
        public var overallocated: [(task: Int, owner: Int)]
        /// Tasks that waited for an owner busy with work that progress has started
        /// although the plan's links put it later (task, started task, owner).
        public var waitsBehindStarted: [(task: Int, started: Int, owner: Int)]
        public var unleveledFinish: Double
        /// Each node's early start before leveling, to show how far leveling moved it.
        public var unleveledStart: [Double]
        /// Every task that waited for an owner, in task order.
        public var waits: [Wait] = []
        /// The schedules leveling generated to find this one (the single pass and the search).
        public var schedules: Int = 0
    }

    /// A task leveling delayed: the owner it waited for, from when its links
    /// allowed it to start, and the tasks of that owner it waited behind.
    public struct Wait: Sendable, Equatable {
        public var task: Int
        /// An index into `Plan.owners`.
        public var owner: Int
        /// When the task's links allowed it to start (weeks); it starts later, at its leveled start.
        public var ready: Double
        /// Tasks holding the owner while it waited, by start.
        public var behind: [Int]
    }

    /// The wait of a task, when leveling delayed it for an owner.
    ///
    /// - Complexity: O(log *W*) for *W* waits.
    public func wait(of task: Int) -> Wait? {
        guard let waits = leveling?.waits else { return nil }
        var lo = 0, hi = waits.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if waits[mid].task < task { lo = mid + 1 } else { hi = mid }
        }
        return lo < waits.count && waits[lo].task == task ? waits[lo] : nil
    }

    /// When a constraint is resolved, against its target.
    public struct Resolution: Sendable, Equatable {
        public var constraint: Int
        public var resolved: Double
        public var target: Double?
        /// Against the target; on time without one. Derived, never stored, so that
        /// it cannot disagree with `resolved` and `target`.
        public var lateness: Lateness { Lateness(finish: resolved, due: target) }
        /// Weeks late against the target (positive), or nil when on time or without target.
        public var lateBy: Double? { lateness.lateBy }
        public var late: Bool { lateness.late }
    }

    /// The dates and floats of one node, in weeks.
    public struct NodeTiming: Sendable, Equatable {
        public var duration: Double
        public var start: Double
        public var finish: Double
        public var lateStart: Double
        public var lateFinish: Double
        public var totalFloat: Double
        public var freeFloat: Double
        public var isCritical: Bool { totalFloat <= Timing.criticalTolerance }
    }

    /// The dates and floats of a node.
    public func dates(of node: ScheduleNode) -> NodeTiming {
        let i = index(of: node)
        return NodeTiming(duration: ordered.network.duration[i], start: timing.earlyStart[i], finish: timing.earlyFinish[i],
                          lateStart: timing.lateStart[i], lateFinish: timing.lateFinish[i],
                          totalFloat: timing.totalFloat[i], freeFloat: timing.freeFloat[i])
    }

    /// The dates and floats of a task.
    public func row(_ task: Int) -> NodeTiming { dates(of: .task(task)) }

    public func start(_ task: Int) -> Double { timing.earlyStart[task] }
    public func finish(_ task: Int) -> Double { timing.earlyFinish[task] }
    /// The duration the schedule gives a task (what remains of started work).
    public func duration(_ task: Int) -> Double { ordered.network.duration[task] }
    public func isCritical(task: Int) -> Bool { timing.isCritical(task) }
    public func isCritical(_ node: ScheduleNode) -> Bool { timing.isCritical(index(of: node)) }
    /// When a constraint is resolved.
    public func resolved(_ constraint: Int) -> Double { timing.earlyFinish[graph.resolutionNode(ofConstraint: constraint)] }

    /// A task's finish against its `due`; on time when it has none.
    public func lateness(task j: Int, in plan: Plan) -> Lateness {
        Lateness(finish: timing.earlyFinish[j], due: plan.tasks[j].due)
    }

    /// Weeks a task finishes after its `due`, or nil when it is on time or has none.
    public func lateBy(task j: Int, in plan: Plan) -> Double? { lateness(task: j, in: plan).lateBy }

    /// The plan's finish against its deadline; on time without one.
    public func lateness(in plan: Plan) -> Lateness { Lateness(finish: finish, due: plan.deadline) }

    /// Where leveling moved a task from: its start before leveling, when leveled.
    public func unleveledStart(_ task: Int) -> Double? { leveling?.unleveledStart[task] }

    /// A link into a node, as the schedule sees it.
    public struct Link: Sendable, Equatable {
        public var from: ScheduleNode
        public var type: LinkType
        public var lag: Double
        /// Weeks the link could stretch before it moved its successor.
        public var slack: Double
        public var source: PlanGraph.LinkSource
        /// A link with no slack drives its successor's date.
        public var isDriving: Bool { abs(slack) <= Timing.criticalTolerance }
    }

    /// The links into a node, in the order they were declared.
    ///
    /// - Complexity: O(*p*) for its *p* predecessors.
    public func links(into node: ScheduleNode) -> [Link] {
        let j = index(of: node)
        let network = ordered.network
        return network.predecessors(of: j).map { k in
            let i = Int(network.predNode[k])
            return Link(from: self.node(i), type: network.predType[k], lag: network.predLag[k],
                        slack: timing.slack(ofPredecessorLink: k, in: network, from: i, to: j),
                        source: graph.linkSources[Int(network.predLinkIndex[k])])
        }
    }

    /// The predecessors of every task among tasks only (resolutions expanded into
    /// their mitigations), for formats that have no resolution nodes.
    ///
    /// - Complexity: as `PlanGraph.taskPredecessors`.
    public func taskPredecessors(in plan: Plan) -> (links: [[PlanGraph.TaskLink]], unexpanded: [(task: Int, constraint: Int)]) {
        graph.taskPredecessors(in: plan)
    }

    /// The earliest start of a task that its plan allows before any link: its
    /// `not-before`, its phase window, the status date for work not started.
    public func release(_ task: Int) -> Double { max(0, graph.network.release[task]) }

    func index(of node: ScheduleNode) -> Int {
        switch node {
        case .task(let j): return j
        case .resolution(let c): return graph.resolutionNode(ofConstraint: c)
        }
    }

    func node(_ index: Int) -> ScheduleNode {
        graph.constraintIndex(ofNode: index).map { .resolution($0) } ?? .task(index)
    }
}

/// Money: fixed costs plus owner rate x duration x units.
public struct CostSummary: Sendable, Equatable {
    public var perTask: [Double]
    public var total: Double
    /// False when no task has a cost and no owner a rate: there is nothing to check.
    public var isKnown: Bool
}
