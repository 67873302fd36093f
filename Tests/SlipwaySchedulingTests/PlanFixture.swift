import Testing
import SlipwayEngine
import SlipwayCore
import SlipwayScheduling

/// A scheduled plan read from YAML text, with dates looked up by task id.
struct ScheduledFixture {
    let plan: Plan
    let schedule: Schedule
    let diagnostics: [Diagnostic]

    init(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let checked = CheckedPlan.load(text: text)
        #expect(!checked.diagnostics.hasErrors, "\(checked.diagnostics.map { $0.rendered(path: "plan") })", sourceLocation: sourceLocation)
        plan = try #require(checked.plan, sourceLocation: sourceLocation)
        schedule = try #require(checked.schedule, sourceLocation: sourceLocation)
        diagnostics = checked.diagnostics
    }

    func index(_ id: String) -> Int { plan.taskIndex(of: id)! }

    /// (ES, EF, LS, LF, total float, free float) of a task.
    func dates(_ id: String) -> [Double] {
        let i = index(id), t = schedule.timing
        return [t.earlyStart[i], t.earlyFinish[i], t.lateStart[i], t.lateFinish[i], t.totalFloat[i], t.freeFloat[i]].map { ($0 * 1e9).rounded() / 1e9 }
    }

    func critical(_ id: String) -> Bool { schedule.isCritical(task: index(id)) }
    var criticalPath: [String] { schedule.criticalPath.map { plan.tasks[$0].id } }
    var warnings: [String] { diagnostics.warnings.map(\.id) }
}
