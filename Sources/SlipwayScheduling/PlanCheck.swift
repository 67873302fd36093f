import SlipwayEngine
import SlipwayCore

/// Everything a command needs from a plan file: the plan, its schedule when it is
/// valid, and every diagnostic (load errors, cycles, then the schedule's warnings).
public struct CheckedPlan: Sendable {
    public var plan: Plan?
    public var schedule: Schedule?
    /// What loading found (and cycles), then the schedule's findings.
    public var diagnostics: [Diagnostic] { loadDiagnostics + (schedule?.findings ?? []) }
    /// What loading the plan found, without the schedule's findings.
    public var loadDiagnostics: [Diagnostic]

    public init(plan: Plan?, schedule: Schedule?, loadDiagnostics: [Diagnostic]) {
        self.plan = plan
        self.schedule = schedule
        self.loadDiagnostics = loadDiagnostics
    }

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
            return CheckedPlan(plan: nil, schedule: nil, loadDiagnostics: loaded.diagnostics)
        }
        if loaded.diagnostics.hasErrors {
            // Cycles are looked for even in a plan with other errors, so that one run
            // reports every problem; unknown references are simply left out of the graph.
            let graph = PlanGraph(plan: plan)
            var diagnostics = loaded.diagnostics
            if case .failure(let cycle) = TopologicalOrder.sort(graph.network) {
                diagnostics = (diagnostics + graph.cycleDiagnostics(cycle, plan: plan)).sortedByLocation()
            }
            return CheckedPlan(plan: plan, schedule: nil, loadDiagnostics: diagnostics)
        }
        switch Scheduler.schedule(plan) {
        case .cyclic(let cycles):
            return CheckedPlan(plan: plan, schedule: nil, loadDiagnostics: loaded.diagnostics + cycles)
        case .scheduled(let schedule):
            return CheckedPlan(plan: plan, schedule: schedule, loadDiagnostics: loaded.diagnostics)
        }
    }

    /// The same, leveled by owner capacity (searching as `options` say): the
    /// schedule's warnings are those of the leveled schedule.
    public func leveled(_ options: LevelingOptions = LevelingOptions()) -> CheckedPlan {
        guard let plan, let schedule else { return self }
        return CheckedPlan(plan: plan, schedule: Scheduler.level(plan, schedule: schedule, options: options), loadDiagnostics: loadDiagnostics)
    }
}
