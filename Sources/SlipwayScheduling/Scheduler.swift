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
        var ownerIndex: [String: Int] = [:]
        for (o, owner) in plan.owners.enumerated() { ownerIndex[owner.id] = o }
        let n = base.graph.network.nodeCount
        var demands = [[(resource: Int, units: Double)]](repeating: [], count: n)
        for (j, task) in plan.tasks.enumerated() {
            demands[j] = task.demands.compactMap { d in ownerIndex[d.owner].map { (resource: $0, units: d.units) } }
        }
        let resources = ResourceDemands(capacity: plan.owners.map(\.capacity), demands: demands)
        let leveled = ResourceLeveling.level(base.graph.network, demands: resources, priority: base.timing.lateStart)
        // The leveled starts become releases too, so the forward pass reproduces them
        // exactly; the resource links explain them to the backward pass.
        var release = base.graph.network.release
        for j in 0..<n where base.graph.network.pinnedStart[j].isNaN { release[j] = max(release[j], leveled.start[j]) }
        let locations = leveled.resourceLinks.map { link in
            Int(link.to) < plan.tasks.count ? plan.tasks[Int(link.to)].location : SourceLocation(line: 1, column: 1)
        }
        let graph = base.graph.adding(links: leveled.resourceLinks, at: locations, release: release)
        guard case .ordered(let order) = TopologicalOrder.of(graph.network) else {
            preconditionFailure("resource links follow the leveled order, so they cannot close a cycle")
        }
        let leveling = Schedule.Leveling(resourceLinks: leveled.resourceLinks, linkOwner: leveled.linkResource,
                                         overallocated: leveled.overallocated.map { (task: $0.node, owner: $0.resource) },
                                         unleveledFinish: base.finish, unleveledStart: base.timing.earlyStart)
        return schedule(plan, graph: graph, order: order, leveling: leveling)
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
            findings.append(.warning("overallocated", at: plan.tasks[task].location(of: plan.tasks[task].needs.isEmpty ? "owner" : "needs"),
                                     "'\(plan.tasks[task].id)' needs \(units.compact) of '\(plan.owners[owner].id)', which has a capacity of \(plan.owners[owner].capacity.compact); it is leveled as if it needed all of it"))
        }
        return Schedule(graph: graph, timing: timing, taskOrder: Array(taskOrder), criticalPath: Array(criticalPath),
                        criticalChain: chain.map(Int.init),
                        resolutions: resolutions, findings: findings, cost: cost, leveling: leveling)
    }
}
