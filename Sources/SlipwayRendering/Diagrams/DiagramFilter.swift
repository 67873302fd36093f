import SlipwayCore
import SlipwayScheduling

/// Which tasks a diagram shows: all of them, one phase's, or only the critical ones.
/// Large plans need these: a layered layout of thousands of nodes takes long and
/// cannot be read at review size anyway.
public struct DiagramFilter: Sendable, Equatable {
    /// The id of the only phase to show, or nil for every phase.
    public var phase: String?
    /// Show only tasks (and constraint resolutions) with zero total float.
    public var criticalOnly: Bool

    public init(phase: String? = nil, criticalOnly: Bool = false) {
        self.phase = phase
        self.criticalOnly = criticalOnly
    }

    public static let all = DiagramFilter()

    public var isAll: Bool { phase == nil && !criticalOnly }

    /// Whether task `index` of the plan is shown.
    public func includes(task index: Int, plan: Plan, schedule: Schedule) -> Bool {
        if let phase, plan.tasks[index].phase != phase { return false }
        if criticalOnly && !schedule.isCritical(task: index) { return false }
        return true
    }

    /// The shown tasks, as a mask over `plan.tasks`.
    public func mask(plan: Plan, schedule: Schedule) -> [Bool] {
        plan.tasks.indices.map { includes(task: $0, plan: plan, schedule: schedule) }
    }

    /// An error message when the filter names no phase of the plan, or nil.
    public func problem(in plan: Plan) -> String? {
        guard let phase, plan.referent(of: phase)?.phase == nil else { return nil }
        let ids = plan.phases.map(\.id)
        return "'\(phase)' is not a phase of the plan\(Suggestion.hint(for: phase, in: ids))"
            + (ids.isEmpty ? "" : " (phases: \(ids.joined(separator: ", ")))")
    }

    /// A suffix for file names, such as `-migration` or `-critical`.
    public var fileSuffix: String {
        (phase.map { "-\($0)" } ?? "") + (criticalOnly ? "-critical" : "")
    }
}
