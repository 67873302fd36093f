import SlipwayEngine
import SlipwayCore

/// Critical chain buffers (Goldratt 1997, *Critical Chain*): the critical chain of
/// the leveled plan, a project buffer after it and a feeding buffer where each
/// chain of other work joins it, each sized from its chain's estimates; with
/// progress, how much of each buffer the forecast uses, against how much of its
/// chain is done.
///
/// - The plan is measured as planned: its progress and status date set aside,
///   scheduled, then leveled by owner capacity (`Scheduler.level`); the critical
///   chain is that schedule's critical path, which accounts for owners (a chain
///   can pass from one task to another because they share an owner). The
///   estimates are not cut: the schedule uses their PERT means, and the buffers
///   hold the safety beyond them.
/// - Sizes: `rsse`, the root of the sum of squares of (pessimistic - mean) over
///   the chain's tasks (Newbold 1998, *Project Management in the Fast Lane*: the
///   "SSQ" method, which treats the tasks' overruns as independent), or `half`,
///   half the chain's length, from its first start to its last finish (Goldratt's
///   "cut and paste" 50%).
/// - Placement: the project buffer starts when the chain ends. A feeding chain is
///   found from each node off the critical chain with a link into it, back along
///   the links that drive each node (the longest path in time), until it reaches
///   the critical chain or a node nothing drives: one buffer per such last node,
///   named for the join with the least slack, and one per chain of tasks (at its
///   first join in chain order); work that no node follows joins at the
///   project's end. A chain whose estimates are all fixed gets no buffer by
///   `rsse`, since nothing in it varies (`unbuffered`). A feeding buffer ends at
///   the latest its chain may finish without moving the join (its last node's
///   finish plus the slack of its link into the join; plus its total float for
///   work joining at the end) and starts its size before; when that slack is
///   shorter than the size, the plan uses part of the buffer before any work is
///   done (`squeezed`).
/// - Consumption, with progress: the forecast (progress applied, leveled) against
///   the plan. The project buffer is used by as much as the forecast finish is
///   later than the chain's planned end. A feeding buffer is used by as much as
///   the slack of its chain's link into the join, in the forecast, falls short
///   of the buffer's size: a chain that slips loses slack; a chain that the
///   critical chain's own slip pushes later keeps it, and that slip is the
///   project buffer's. (Should re-leveling drop the link, an owner's wait that
///   the forecast orders otherwise, the chain's total float stands in.) A chain's
///   completion is its work done (duration x share done, summed) over its work;
///   a finished feeding chain needs its buffer no more (`Status.chainFinished`).
///   Zones by the usual thirds of the buffer (Goldratt 1997; Leach 2014,
///   *Critical Chain Project Management*, 3rd ed.): green below a third used,
///   yellow from a third, red from two thirds. The burn rate is the share used
///   over the share of the chain done (TOCICO Dictionary, Sullivan et al. 2007):
///   above 1 the buffer goes faster than the work.
public struct CriticalChainBuffers: Sendable {
    public enum Method: String, Sendable, CaseIterable {
        case rsse, half
    }

    public enum Kind: String, Sendable {
        case project, feeding
    }

    public enum Zone: String, Sendable {
        case green, yellow, red
    }

    /// A buffer as an item of the schedule.
    public struct Buffer: Sendable, Equatable {
        public var kind: Kind
        /// The tasks of the chain it protects, first to last.
        public var chain: [Int]
        /// The last node of a feeding chain (a task or a constraint's resolution).
        public var from: Schedule.ScheduleNode?
        /// The node of the critical chain a feeding chain joins; nil for the
        /// project buffer and for work that joins at the project's end.
        public var joins: Schedule.ScheduleNode?
        /// Weeks.
        public var size: Double
        public var start: Double
        public var end: Double { start + size }
        /// Weeks of a feeding buffer the plan uses before any work is done: its
        /// chain's total float falls short of the size by that much.
        public var squeezed: Double
        /// How much is used, when the plan records progress.
        public var status: Status?
    }

    /// A buffer's use against its chain's progress.
    public struct Status: Sendable, Equatable {
        /// 0 to 1: the chain's work done over its work.
        public var chainCompletion: Double
        /// Weeks of the buffer the forecast uses (0 when it is not reached).
        public var consumed: Double
        /// `consumed` over the size (above 1 when overrun); nil for a buffer of no size.
        public var consumption: Double?
        public var zone: Zone
        /// Consumption over completion; nil before any of the chain is done.
        public var burnRate: Double?
        /// All of the chain's work is done: a feeding buffer protects nothing more.
        public var chainFinished: Bool { chainCompletion >= 1 - Timing.criticalTolerance }
    }

    public var method: Method
    /// The critical chain's tasks, first to last.
    public var criticalChain: [Int]
    /// Its nodes with the resolutions it passes through.
    public var criticalChainSteps: [Schedule.ChainStep]
    /// The finish of the leveled plan, without progress: where the project buffer starts.
    public var chainFinish: Double
    /// The project buffer first, then the feeding buffers in the order of their joins.
    public var buffers: [Buffer]
    /// The last nodes of feeding chains that get a buffer of no size.
    public var unbuffered: [Schedule.ScheduleNode]
    /// With progress: the status date and the leveled forecast finish.
    public var statusDate: Double?
    public var forecastFinish: Double?

    public var projectBuffer: Buffer { buffers[0] }
    /// The promise the buffer protects: the chain's end plus the project buffer.
    public var bufferedFinish: Double { projectBuffer.end }

    /// Sizes the buffers of a plan and, when it records progress, measures them.
    ///
    /// - Parameters:
    ///   - plan: the plan as loaded (with its progress, if any).
    ///   - schedule: its schedule by the links (not leveled).
    ///   - method: how buffers are sized.
    ///   - leveled: `plan` leveled by owner capacity with the default options
    ///     (`Scheduler.level(plan, schedule: schedule)`), when the caller has it
    ///     already (the review pack does): it is the forecast with progress, and
    ///     the plan as planned without, so one leveling fewer is done.
    /// - Complexity: one schedule and one leveling of the plan without progress,
    ///   one more leveling with progress (one fewer each way given `leveled`),
    ///   then O(*J* (*V* + *E*)) for the walks back from *J* joins over *V* nodes
    ///   and *E* links.
    public static func compute(plan: Plan, schedule: Schedule, method: Method, leveled: Schedule? = nil) -> CriticalChainBuffers {
        let hasProgress = plan.statusDate != nil || plan.tasks.contains { !$0.progress.isEmpty }
        var asPlanned = plan
        if hasProgress {
            for j in asPlanned.tasks.indices { asPlanned.tasks[j].progress = Progress() }
            asPlanned.statusDate = nil
        }
        // Progress changes no link, so the plan without it orders as the plan did;
        // `schedule` stands in should that ever fail, rather than a trap.
        let plannedBase: Schedule
        if hasProgress, case .scheduled(let s) = Scheduler.schedule(asPlanned) { plannedBase = s } else { plannedBase = schedule }
        let planned = (hasProgress ? nil : leveled) ?? Scheduler.level(asPlanned, schedule: plannedBase)
        let forecast = hasProgress ? leveled ?? Scheduler.level(plan, schedule: schedule) : nil

        let steps = planned.criticalChain
        let onChain = Set(steps.map(\.node))
        // The node after which each off-chain node joins the chain (least slack), and
        // which nodes have successors at all.
        var joins: [Schedule.ScheduleNode: (into: Schedule.ScheduleNode, slack: Double)] = [:]
        var joinOrder: [Schedule.ScheduleNode] = []
        for step in steps {
            for link in planned.links(into: step.node) where !onChain.contains(link.from) {
                if let known = joins[link.from] {
                    if link.slack < known.slack - Timing.criticalTolerance { joins[link.from] = (step.node, link.slack) }
                } else {
                    joins[link.from] = (step.node, link.slack)
                    joinOrder.append(link.from)
                }
            }
        }
        var hasSuccessor = Set<Schedule.ScheduleNode>()
        for node in planned.order { for link in planned.links(into: node) { hasSuccessor.insert(link.from) } }
        var ends: [Schedule.ScheduleNode] = []
        for node in planned.order where !onChain.contains(node) && !hasSuccessor.contains(node) && joins[node] == nil {
            ends.append(node)
        }

        var buffers: [Buffer] = []
        let chainTasks = planned.criticalPath
        buffers.append(Buffer(kind: .project, chain: chainTasks, size: size(of: chainTasks, plan: plan, schedule: planned, method: method),
                              start: planned.finish, squeezed: 0))
        var unbuffered: [Schedule.ScheduleNode] = []
        var protected = Set<[Int]>()
        for from in joinOrder + ends {
            let chain = feedingChain(endingAt: from, onChain: onChain, schedule: planned)
            guard chain.contains(where: { plan.tasks[$0].duration > 0 }), protected.insert(chain).inserted else { continue }
            let join = joins[from]
            let dates = planned.dates(of: from)
            let latest = dates.finish + max(0, join?.slack ?? dates.totalFloat)
            let size = size(of: chain, plan: plan, schedule: planned, method: method)
            if size <= Timing.criticalTolerance { unbuffered.append(from); continue }
            let start = latest - size
            buffers.append(Buffer(kind: .feeding, chain: chain, from: from, joins: join?.into, size: size, start: start,
                                  squeezed: max(0, dates.finish - start)))
        }

        if let forecast {
            for k in buffers.indices { buffers[k].status = measure(buffers[k], forecast: forecast, plan: plan) }
        }
        return CriticalChainBuffers(method: method, criticalChain: chainTasks, criticalChainSteps: steps, chainFinish: planned.finish,
                                    buffers: buffers, unbuffered: unbuffered, statusDate: hasProgress ? plan.statusDate : nil, forecastFinish: forecast?.finish)
    }

    /// A buffer's use in a forecast (the plan with progress, leveled).
    ///
    /// - Complexity: O(*n* + *p*) for *n* tasks of its chain and *p* links into its join.
    static func measure(_ b: Buffer, forecast: Schedule, plan: Plan) -> Status {
        let consumed: Double
        if b.kind == .project {
            consumed = max(0, forecast.finish - b.start)
        } else {
            let from = b.from ?? .task(b.chain.last ?? 0)
            let slack = b.joins.flatMap { join in forecast.links(into: join).filter { $0.from == from }.map(\.slack).min() }
            consumed = max(0, b.size - (slack ?? forecast.dates(of: from).totalFloat))
        }
        return status(consumed: consumed, size: b.size, completion: completion(of: b.chain, plan: plan))
    }

    /// The project buffer at one status date.
    public struct TrailPoint: Sendable, Equatable {
        public var time: Double
        public var status: Status
    }

    /// The project buffer at each status date of the plan's progress history up
    /// to its status date (the plan file's own, then each update's `as-of`): the
    /// trail a fever chart draws.
    ///
    /// - Parameter plan: the plan these buffers were computed for.
    /// - Complexity: one schedule and one leveling of the plan per status date.
    public func projectTrail(plan: Plan) -> [TrailPoint] {
        guard let now = statusDate else { return [] }
        let history = plan.progressHistory
        let fileRecordsProgress = history.planFileRecordsProgress(plan)
        let earliest = fileRecordsProgress ? (history.declaredStatusDate ?? 0) : 0
        var times = history.times.filter { $0 >= earliest - Timing.criticalTolerance && $0 <= now + Timing.criticalTolerance }
        if fileRecordsProgress, let declared = history.declaredStatusDate { times.append(declared) }
        times.append(now)
        return Set(times).sorted().compactMap { t in
            let then = history.plan(plan, asOf: t)
            guard case .scheduled(let schedule) = Scheduler.schedule(then) else { return nil }
            return TrailPoint(time: t, status: Self.measure(projectBuffer, forecast: Scheduler.level(then, schedule: schedule), plan: then))
        }
    }

    /// The tasks of the chain that ends at `last`, first to last: back along the
    /// links that drive each node, off the critical chain, until none does.
    ///
    /// - Complexity: O(*V* + *E*) at most, over the nodes and links walked.
    static func feedingChain(endingAt last: Schedule.ScheduleNode, onChain: Set<Schedule.ScheduleNode>, schedule: Schedule) -> [Int] {
        var nodes = [last]
        var current = last
        while let next = schedule.links(into: current).first(where: { $0.isDriving && !onChain.contains($0.from) })?.from {
            nodes.append(next)
            current = next
        }
        return nodes.reversed().compactMap(\.task)
    }

    /// A buffer's size for a chain of tasks.
    ///
    /// - Complexity: O(*n*) for *n* tasks.
    public static func size(of chain: [Int], plan: Plan, schedule: Schedule, method: Method) -> Double {
        switch method {
        case .rsse:
            let squares = chain.reduce(0.0) { sum, j in
                let task = plan.tasks[j]
                let spread = task.isMilestone ? 0 : task.estimate.pessimistic - task.estimate.mean
                return sum + spread * spread
            }
            return squares.squareRoot()
        case .half:
            guard let first = chain.map({ schedule.start($0) }).min(), let last = chain.map({ schedule.finish($0) }).max() else { return 0 }
            return (last - first) / 2
        }
    }

    /// The share of a chain's work done, by duration.
    ///
    /// - Complexity: O(*n*) for *n* tasks.
    public static func completion(of chain: [Int], plan: Plan) -> Double {
        var work = 0.0, done = 0.0
        for j in chain {
            let d = plan.tasks[j].duration
            work += d
            done += d * EarnedValue.fractionDone(plan.tasks[j], statusDate: plan.statusDate)
        }
        return work > 0 ? done / work : 0
    }

    /// The zone and burn rate of a buffer with `consumed` weeks used.
    public static func status(consumed: Double, size: Double, completion: Double) -> Status {
        let tolerance = Timing.criticalTolerance
        let consumption: Double? = size > tolerance ? consumed / size : nil
        let zone: Zone
        if let c = consumption {
            zone = c < 1.0 / 3 - tolerance ? .green : c < 2.0 / 3 - tolerance ? .yellow : .red
        } else {
            // A buffer of no size is used up by any delay at all.
            zone = consumed > tolerance ? .red : .green
        }
        let burnRate = consumption.flatMap { c in completion > tolerance ? c / completion : nil }
        return Status(chainCompletion: completion, consumed: consumed, consumption: consumption, zone: zone, burnRate: burnRate)
    }
}
