import SlipwayCore

/// Everything a command needs from a plan file: the plan, its schedule when it is
/// valid, and every diagnostic (load errors, cycles, then the schedule's warnings).
public struct CheckedPlan: Sendable {
    public var plan: Plan?
    public var schedule: Schedule?
    public var diagnostics: [Diagnostic]

    /// Loads, validates and schedules a plan file (`-` is standard input).
    public static func load(path: String) -> CheckedPlan {
        from(PlanLoader.load(path: path))
    }

    public static func load(text: String) -> CheckedPlan {
        from(PlanLoader.load(text: text))
    }

    /// - Complexity: O((*V* + *E*) log *V*) for the order of *V* nodes and *E* links,
    ///   then O(*V* + *E*) for the passes and checks.
    public static func from(_ loaded: LoadResult) -> CheckedPlan {
        guard let plan = loaded.plan else {
            return CheckedPlan(plan: nil, schedule: nil, diagnostics: loaded.diagnostics)
        }
        if loaded.diagnostics.hasErrors {
            // Cycles are looked for even in a plan with other errors, so that one run
            // reports every problem; unknown references are simply left out of the graph.
            let graph = PlanGraph(plan: plan)
            var diagnostics = loaded.diagnostics
            if case .cyclic(let unordered) = TopologicalOrder.of(graph.network) {
                diagnostics = (diagnostics + graph.cycleDiagnostics(unordered: unordered, plan: plan)).sortedByLocation()
            }
            return CheckedPlan(plan: plan, schedule: nil, diagnostics: diagnostics)
        }
        switch Scheduler.schedule(plan) {
        case .cyclic(let cycles):
            return CheckedPlan(plan: plan, schedule: nil, diagnostics: loaded.diagnostics + cycles)
        case .scheduled(let schedule):
            return CheckedPlan(plan: plan, schedule: schedule, diagnostics: loaded.diagnostics + schedule.findings)
        }
    }

    /// The same, leveled by owner capacity: the schedule's warnings are those of
    /// the leveled schedule.
    public func leveled() -> CheckedPlan {
        guard let plan, let schedule else { return self }
        let leveled = Scheduler.level(plan, schedule: schedule)
        let fromLoading = diagnostics.dropLast(schedule.findings.count)
        return CheckedPlan(plan: plan, schedule: leveled, diagnostics: Array(fromLoading) + leveled.findings)
    }
}
