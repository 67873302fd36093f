import SlipwayCore

/// The money a plan spends.
public enum CostModel {
    /// Each task costs its fixed `cost` plus, for each owner it needs, the owner's
    /// weekly `rate` x the task's duration x the units needed.
    ///
    /// - Complexity: O(*T* + *O*), where *T* is the number of tasks and *O* of owners.
    public static func summary(_ plan: Plan) -> CostSummary {
        var known = plan.owners.contains { $0.rate != nil }
        var perTask = [Double](repeating: 0, count: plan.tasks.count)
        for (i, task) in plan.tasks.enumerated() {
            if task.cost != nil { known = true }
            perTask[i] = cost(of: task, in: plan, duration: task.duration)
        }
        return CostSummary(perTask: perTask, total: perTask.reduce(0, +), isKnown: known)
    }

    /// What a task costs if it takes `duration` weeks: its fixed `cost` plus
    /// rate x `duration` x units for each owner it needs (earned value prices a
    /// task at the duration its baseline gave it).
    ///
    /// - Complexity: O(*n*) for the *n* owners the task needs.
    public static func cost(of task: PlanTask, in plan: Plan, duration: Double) -> Double {
        var cost = task.cost ?? 0
        for demand in task.demands {
            cost += (demand.ownerIndex.flatMap { plan.owners[$0].rate } ?? 0) * duration * demand.units
        }
        return cost
    }
}
