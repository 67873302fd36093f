import SlipwayEngine
import SlipwayCore

/// Schedules plans: builds the network, orders it, runs the critical-path method
/// and checks the result against deadline, due dates, targets, phase windows and budget.
public enum Scheduler {
    public enum Outcome: Sendable {
        case scheduled(Schedule)
        /// The plan's links form cycles; each diagnostic names one loop.
        case cyclic([Diagnostic])
    }

    /// - Precondition: the plan's references are resolved and it loaded without errors.
    /// - Complexity: O((*V* + *E*) log *V*) for the order, O(*V* + *E*) for the passes.
    public static func schedule(_ plan: Plan) -> Outcome {
        let graph = PlanGraph(plan: plan)
        switch TopologicalOrder.sort(graph.network) {
        case .failure(let cycle):
            return .cyclic(graph.cycleDiagnostics(cycle, plan: plan))
        case .success(let ordered):
            return .scheduled(schedule(plan, graph: graph, ordered: ordered))
        }
    }

    /// Levels a schedule by owner capacity (`ResourceLeveling`: the single pass,
    /// then the activity-list search under the budget of `options`), then runs the
    /// critical-path method on the network with the resource links added, so that
    /// floats and the critical path account for who does the work.
    ///
    /// - Complexity: that of `ResourceLeveling.level(_:demands:priority:options:)`,
    ///   then one more schedule.
    public static func level(_ plan: Plan, schedule base: Schedule, options: LevelingOptions = LevelingOptions()) -> Schedule {
        let demands = LeveledMeasure.demands(plan: plan, nodeCount: base.ordered.nodeCount)
        let (result, leveled) = LeveledMeasure.level(base.ordered, unleveled: base.timing, demands: demands, options: options)
        let graph = base.graph.adding(links: result.resourceLinks, sources: result.linkResource.map { .resource(owner: $0) },
                                      release: leveled.network.release)
        let leveling = Schedule.Leveling(resourceLinks: result.resourceLinks, linkOwner: result.linkResource,
                                         overallocated: result.overallocated.map { (task: $0.node, owner: $0.resource) },
                                         waitsBehindStarted: result.waitsBehindPinned.map { (task: $0.node, started: $0.pinned, owner: $0.resource) },
                                         unleveledFinish: base.finish, unleveledStart: base.timing.earlyStart,
                                         waits: result.waits.compactMap { w in
                                             w.node < plan.tasks.count
                                                 ? Schedule.Wait(task: w.node, owner: w.resource, ready: w.ready, behind: w.behind.filter { $0 < plan.tasks.count })
                                                 : nil
                                         },
                                         schedules: result.schedules)
        return schedule(plan, graph: graph, ordered: leveled, leveling: leveling)
    }

    /// Runs the passes on an ordered network of the plan's graph.
    static func schedule(_ plan: Plan, graph: PlanGraph, ordered: OrderedNetwork, leveling: Schedule.Leveling? = nil) -> Schedule {
        let timing = CriticalPathMethod.schedule(ordered)
        let chain = CriticalPathMethod.criticalChain(ordered, timing: timing)
        let t = graph.taskCount
        let order = ordered.order.map { i -> Schedule.ScheduleNode in Int(i) < t ? .task(Int(i)) : .resolution(Int(i) - t) }
        let criticalPath = chain.lazy.map(Int.init).filter { $0 < t }
        let steps = chain.enumerated().map { position, node -> Schedule.ChainStep in
            let i = Int(node)
            let step: Schedule.ScheduleNode = i < t ? .task(i) : .resolution(i - t)
            guard position > 0, leveling != nil else { return Schedule.ChainStep(node: step, waitedForOwner: nil) }
            return Schedule.ChainStep(node: step, waitedForOwner: waitedOwner(from: Int(chain[position - 1]), to: i, ordered.network, graph, timing))
        }
        let resolutions = plan.constraints.indices.map { c in
            Schedule.Resolution(constraint: c, resolved: timing.earlyFinish[t + c], target: plan.constraints[c].target)
        }
        let cost = CostModel.summary(plan)
        var findings = ScheduleChecks.findings(plan: plan, timing: timing, resolutions: resolutions, cost: cost)
        for (task, owner) in leveling?.overallocated ?? [] {
            let units = plan.tasks[task].demands.first { $0.ownerIndex == owner }?.units ?? 0
            findings.append(.warning(.overallocated, at: plan.tasks[task].location(of: plan.tasks[task].needs.isEmpty ? "owner" : "needs"),
                                     "'\(plan.tasks[task].id)' needs \(units.compact) of '\(plan.owners[owner].id)', which has a capacity of \(plan.owners[owner].capacity.compact); it is leveled as if it needed all of it"))
        }
        for (task, started, owner) in leveling?.waitsBehindStarted ?? [] {
            findings.append(.warning(.progressAgainstLinks, at: plan.tasks[started].location,
                                     "'\(plan.tasks[started].id)' has started, but '\(plan.tasks[task].id)', which the plan puts before it, has not; both need '\(plan.owners[owner].id)', so '\(plan.tasks[task].id)' is leveled after the started work: record its progress if it has begun, or loosen the link"))
        }
        return Schedule(graph: graph, ordered: ordered, timing: timing, order: order, criticalPath: Array(criticalPath),
                        criticalChain: steps, resolutions: resolutions, findings: findings, cost: cost, leveling: leveling)
    }

    /// The owner behind the step from `a` to `b` of a leveled chain: set when a
    /// resource link drives `b` from `a` and no link of the plan does.
    private static func waitedOwner(from a: Int, to b: Int, _ network: DependencyNetwork, _ graph: PlanGraph, _ timing: Timing) -> Int? {
        var owner: Int?
        for k in network.predecessors(of: b) where Int(network.predNode[k]) == a
            && abs(timing.slack(ofPredecessorLink: k, in: network, from: a, to: b)) <= Timing.criticalTolerance {
            guard case .resource(let o) = graph.linkSources[Int(network.predLinkIndex[k])] else { return nil }
            owner = o
        }
        return owner
    }
}

// The diagnostic codes raised here.
extension DiagnosticCode {
    public static let overallocated = DiagnosticCode("overallocated")
    public static let progressAgainstLinks = DiagnosticCode("progress-against-links")
}
