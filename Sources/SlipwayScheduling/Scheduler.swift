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

    /// Runs the passes on a graph that is known to be acyclic.
    static func schedule(_ plan: Plan, graph: PlanGraph, order: [Int32]) -> Schedule {
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
        let findings = ScheduleChecks.findings(plan: plan, timing: timing, resolutions: resolutions, cost: cost)
        return Schedule(graph: graph, timing: timing, taskOrder: Array(taskOrder), criticalPath: Array(criticalPath),
                        criticalChain: chain.map(Int.init),
                        resolutions: resolutions, findings: findings, cost: cost)
    }
}
