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
            var cost = task.cost ?? 0
            if task.cost != nil { known = true }
            for demand in task.demands {
                cost += (demand.ownerIndex.flatMap { plan.owners[$0].rate } ?? 0) * task.duration * demand.units
            }
            perTask[i] = cost
        }
        return CostSummary(perTask: perTask, total: perTask.reduce(0, +), isKnown: known)
    }
}
