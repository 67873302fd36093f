import SlipwayEngine
import SlipwayCore

/// Reschedules variations of one plan without touching the plan: a copy of the
/// plan's network with some durations, releases, pinned starts or links changed,
/// run through the same critical-path passes in the same topological order.
///
/// Changing a duration, a release or a link's type and lag never changes which
/// way a link points, so the order of the plan stays a valid order of every
/// variation, and a variation costs one O(*V* + *E*) pass. Rescheduling a
/// variation is the same computation as scheduling a plan edited the same way
/// (the slip property tests check exactly that).
public struct WhatIf: Sendable {
    public let plan: Plan
    public let graph: PlanGraph
    /// The network with a topological order of every node (tasks and resolutions).
    public let ordered: OrderedNetwork
    /// The links of the network in the order they were given, to rebuild it when
    /// a link changes.
    public let links: [DependencyNetwork.Link]

    /// One change to the network. Task indices are indices into `plan.tasks`.
    public enum Change: Sendable, Equatable {
        /// The node's duration becomes this many weeks.
        case duration(node: Int, weeks: Double)
        /// The node cannot start before this time.
        case release(node: Int, at: Double)
        /// The node starts exactly here (an actual start), or is free again (nil).
        case pinnedStart(node: Int, at: Double?)
        /// The link (an index into `links`) gets this type and lag.
        case link(index: Int, type: LinkType, lag: Double)
    }

    /// - Precondition: `schedule` is the schedule of `plan`.
    /// - Complexity: O((*V* + *E*) log *V*) for the order.
    public init(plan: Plan, schedule: Schedule) {
        self.init(plan: plan, graph: schedule.graph, ordered: schedule.ordered)
    }

    /// Variations of any acyclic graph of the plan's nodes, such as the plan's own
    /// with the resource links of a leveling added.
    init(plan: Plan, graph: PlanGraph, ordered: OrderedNetwork) {
        self.plan = plan
        self.graph = graph
        self.ordered = ordered
        self.links = ordered.network.links
    }

    public var network: DependencyNetwork { ordered.network }
    public var taskCount: Int { graph.taskCount }

    /// The network with the changes applied, in order (a later change to the same
    /// thing wins).
    ///
    /// - Complexity: O(*V* + *E*) when a link changes (the rows are rebuilt),
    ///   otherwise O(*V*) for the copied arrays.
    public func network(with changes: [Change]) -> OrderedNetwork {
        var result = ordered
        var changedLinks: [DependencyNetwork.Link]?
        for change in changes {
            switch change {
            case .duration(let node, let weeks): result.setDuration(weeks, of: node)
            case .release(let node, let at): result.setRelease(at, of: node)
            case .pinnedStart(let node, let at): result.setPinnedStart(at ?? .nan, of: node)
            case .link(let index, let type, let lag):
                if changedLinks == nil { changedLinks = links }
                changedLinks![index].type = type
                changedLinks![index].lag = lag
            }
        }
        if let changedLinks { return result.with(links: changedLinks) }
        return result
    }

    /// The critical-path dates of the network with the changes applied.
    ///
    /// - Complexity: O(*V* + *E*).
    public func timing(with changes: [Change]) -> Timing {
        CriticalPathMethod.schedule(network(with: changes))
    }

    /// Finish, deadline, targets, phase windows and critical path of a timing of
    /// this plan's network (or of a variation of it).
    ///
    /// - Complexity: O(*V* + *E*).
    public func outlook(_ timing: Timing, network: OrderedNetwork? = nil) -> Outlook {
        Outlook(plan: plan, taskCount: taskCount, network: network ?? ordered, timing: timing)
    }
}

/// What a planner checks on a schedule: the finish against the deadline, each
/// constraint's resolution against its target, each task against its phase
/// window and due date, and the critical path.
public struct Outlook: Sendable {
    public var timing: Timing
    public var finish: Double { timing.finish }
    public var deadline: Double?
    /// Weeks past the deadline, or nil when on time or without a deadline.
    public var lateBy: Double?
    public var resolutions: [Schedule.Resolution]
    /// Per task: weeks past the end of its phase window, or nil.
    public var phaseOverrun: [Double?]
    /// Per task: weeks past its `due`, or nil.
    public var dueLate: [Double?]
    /// Task indices of one critical chain, first to last.
    public var criticalPath: [Int]

    public func isCritical(task: Int) -> Bool { timing.isCritical(task) }

    public init(plan: Plan, taskCount t: Int, network: OrderedNetwork, timing: Timing) {
        let tol = Timing.criticalTolerance
        self.timing = timing
        deadline = plan.deadline
        lateBy = Lateness(finish: timing.finish, due: plan.deadline).lateBy
        resolutions = plan.constraints.indices.map { c in
            Schedule.Resolution(constraint: c, resolved: timing.earlyFinish[t + c], target: plan.constraints[c].target)
        }
        phaseOverrun = plan.tasks.indices.map { i in
            plan.tasks[i].phaseIndex.flatMap { plan.phases[$0].windowEnd }.flatMap { timing.earlyFinish[i] - $0 > tol ? timing.earlyFinish[i] - $0 : nil }
        }
        dueLate = plan.tasks.indices.map { i in
            Lateness(finish: timing.earlyFinish[i], due: plan.tasks[i].due).lateBy
        }
        criticalPath = CriticalPathMethod.criticalChain(network, timing: timing).map(Int.init).filter { $0 < t }
    }
}
