import Testing
import SlipwayEngine
@testable import SlipwayCore

/// The progress sidecar: appended updates read back, later ones win, and its
/// problems are reported in the sidecar file at their line.
struct ProgressLogTests {
    static let plan = """
        plan: P
        start: 2025-01-13
        tasks:
          - id: design
            duration: 2w
          - id: build
            duration: 4w
            after: [design]
        """

    @Test func sidecarSitsNextToThePlan() {
        #expect(ProgressLog.sidecarPath(forPlan: "plans/aws-migration.yaml") == "plans/aws-migration.progress.yaml")
        #expect(ProgressLog.sidecarPath(forPlan: "x.yml") == "x.progress.yaml")
    }

    @Test func appendedUpdatesApplyInOrderAndMoveTheStatusDate() throws {
        let calendar = WorkCalendar(start: CivilDate(iso: "2025-01-13"))
        var text = ProgressLog.appending(.init(task: "design", asOf: 2, actualStart: 0, actualFinish: 2, percent: 100, by: "ana", at: "2025-01-24T17:00:00Z"),
                                         to: nil, planFile: "p.yaml", calendar: calendar)
        text = ProgressLog.appending(.init(task: "build", asOf: 3, remaining: 2, by: "ana"), to: text, planFile: "p.yaml", calendar: calendar)
        text = ProgressLog.appending(.init(task: "build", asOf: 3, percent: 25, by: "bo"), to: text, planFile: "p.yaml", calendar: calendar)
        let result = PlanLoader.load(text: Self.plan, progress: .init(path: "p.progress.yaml", text: text))
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics)")
        let plan = try #require(result.plan)
        #expect(plan.statusDate == 3)
        #expect(plan.tasks[0].progress.actualFinish == 2)
        // The later percent replaces the earlier remaining.
        #expect(plan.tasks[1].progress.percent == 25)
        #expect(plan.tasks[1].progress.remaining == nil)
        #expect(text.contains("by: bo"))
        #expect(text.contains("# end of week 2, 2025-01-24"))
    }

    @Test func aLaterPercentTakesBackAMistakenDone() throws {
        let calendar = WorkCalendar(start: CivilDate(iso: "2025-01-13"))
        var text = ProgressLog.appending(.init(task: "design", asOf: 2, actualFinish: 2, percent: 100, by: "ana"), to: nil, planFile: "p.yaml", calendar: calendar)
        text = ProgressLog.appending(.init(task: "design", asOf: 2, percent: 20, by: "ana"), to: text, planFile: "p.yaml", calendar: calendar)
        let result = PlanLoader.load(text: Self.plan, progress: .init(path: "p.progress.yaml", text: text))
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics)")
        // Without a plan, `result.plan?...actualFinish == nil` would hold vacuously.
        let design = try #require(result.plan).tasks[0]
        #expect(design.progress.actualFinish == nil)
        #expect(design.progress.percent == 20)
    }

    @Test func sidecarProblemsAreReportedInTheSidecarAtTheirLine() {
        let sidecar = """
            updates:
              - task: desing
                as-of: 2
              - task: build
                as-of: 3
                actual-start: week 9
            """
        let result = PlanLoader.load(text: Self.plan, progress: .init(path: "p.progress.yaml", text: sidecar))
        let unknown = result.diagnostics.first { $0.id == "unknown-reference" }
        #expect(unknown?.location == SourceLocation(line: 2, column: 5, file: "p.progress.yaml"))
        #expect(unknown?.message.contains("did you mean 'design'") == true)
        let late = result.diagnostics.first { $0.id == "progress-after-status-date" }
        #expect(late?.location?.file == "p.progress.yaml")
        #expect(late?.location?.line == 6)
        #expect(late?.rendered(path: "p.yaml").hasPrefix("p.progress.yaml:6:5: error:") == true)
    }

    @Test func malformedSidecarIsAnErrorNotACrash() {
        let result = PlanLoader.load(text: Self.plan, progress: .init(path: "p.progress.yaml", text: "updates: [unclosed"))
        #expect(result.diagnostics.contains { $0.id == "malformed-progress" && $0.location?.file == "p.progress.yaml" })
    }
}
