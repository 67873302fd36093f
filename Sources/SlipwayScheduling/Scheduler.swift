import SlipwayCore

/// Schedules plans: builds the network, orders it, runs the critical-path method
/// and checks the result against deadline, due dates, targets, phase windows and budget.
public enum Scheduler {
    public enum Outcome: Sendable {
        case scheduled(Schedule)
        /// The plan's links form cycles; each diagnostic names one loop.
        case cyclic([Diagnostic])
    }

    /// - Precondition: the plan loaded without errors.
    /// - Complexity: O((*V* + *E*) log *V*) for the order, O(*V* + *E*) for the passes.
    public static func schedule(_ plan: Plan) -> Outcome {
        let graph = PlanGraph(plan: plan)
        switch TopologicalOrder.of(graph.network) {
        case .cyclic(let unordered):
            return .cyclic(graph.cycleDiagnostics(unordered: unordered, plan: plan))
        case .ordered(let order):
            return .scheduled(schedule(plan, graph: graph, order: order))
        }
    }

    /// Levels a schedule by owner capacity (`ResourceLeveling`), then runs the
    /// critical-path method on the network with the resource links added, so that
    /// floats and the critical path account for who does the work.
    ///
    /// - Complexity: that of `ResourceLeveling.level`, then one more schedule.
    public static func level(_ plan: Plan, schedule base: Schedule) -> Schedule {
        let network = base.graph.network
        let demands = LeveledMeasure.demands(plan: plan, nodeCount: network.nodeCount)
        guard case .ordered(let order) = TopologicalOrder.of(network) else {
            preconditionFailure("a scheduled plan's network is acyclic")
        }
        let (leveled, release, _) = LeveledMeasure.level(network, order: order, demands: demands)
        let locations = leveled.resourceLinks.map { link in
            Int(link.to) < plan.tasks.count ? plan.tasks[Int(link.to)].location : SourceLocation(line: 1, column: 1)
        }
        let graph = base.graph.adding(links: leveled.resourceLinks, at: locations, release: release)
        guard case .ordered(let leveledOrder) = TopologicalOrder.of(graph.network) else {
            preconditionFailure("resource links follow the leveled order, so they cannot close a cycle")
        }
        let leveling = Schedule.Leveling(resourceLinks: leveled.resourceLinks, linkOwner: leveled.linkResource,
                                         overallocated: leveled.overallocated.map { (task: $0.node, owner: $0.resource) },
                                         unleveledFinish: base.finish, unleveledStart: base.timing.earlyStart)
        return schedule(plan, graph: graph, order: leveledOrder, leveling: leveling)
    }

    /// Runs the passes on a graph that is known to be acyclic.
    static func schedule(_ plan: Plan, graph: PlanGraph, order: [Int32], leveling: Schedule.Leveling? = nil) -> Schedule {
        let timing = CriticalPathMethod.schedule(graph.network, order: order)
        let chain = CriticalPathMethod.criticalChain(graph.network, timing: timing, order: order)
        let t = graph.taskCount
        let taskOrder = order.lazy.map(Int.init).filter { $0 < t }
        let criticalPath = chain.lazy.map(Int.init).filter { $0 < t }
        let resolutions = plan.constraints.indices.map { c -> Schedule.Resolution in
            let resolved = timing.earlyFinish[t + c]
            let target = plan.constraints[c].target
            let late = target.flatMap { resolved - $0 > Timing.criticalTolerance ? resolved - $0 : nil }
            return Schedule.Resolution(constraint: c, resolved: resolved, target: target, late: late)
        }
        let cost = CostModel.summary(plan)
        var findings = ScheduleChecks.findings(plan: plan, timing: timing, resolutions: resolutions, cost: cost)
        for (task, owner) in leveling?.overallocated ?? [] {
            let units = plan.tasks[task].demands.first { $0.owner == plan.owners[owner].id }?.units ?? 0
            findings.append(.warning(.overallocated, at: plan.tasks[task].location(of: plan.tasks[task].needs.isEmpty ? "owner" : "needs"),
                                     "'\(plan.tasks[task].id)' needs \(units.compact) of '\(plan.owners[owner].id)', which has a capacity of \(plan.owners[owner].capacity.compact); it is leveled as if it needed all of it"))
        }
        return Schedule(graph: graph, timing: timing, taskOrder: Array(taskOrder), criticalPath: Array(criticalPath),
                        criticalChain: chain.map(Int.init),
                        resolutions: resolutions, findings: findings, cost: cost, leveling: leveling)
    }
}

// The diagnostic codes raised here.
extension DiagnosticCode {
    public static let overallocated = DiagnosticCode("overallocated")
}
