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

    @Test func spentIsReadFromThePlanAndTheSidecarAndTheLaterFigureReplacesTheEarlier() throws {
        let plan = Self.plan.replacingOccurrences(of: "    duration: 2w\n", with: "    duration: 2w\n    actual-start: week 1\n    spent: 500\n")
        let calendar = WorkCalendar(start: CivilDate(iso: "2025-01-13"))
        var text = ProgressLog.appending(.init(task: "design", asOf: 1, percent: 50, spent: 1200), to: nil, planFile: "p.yaml", calendar: calendar)
        text = ProgressLog.appending(.init(task: "design", asOf: 2, spent: 2000), to: text, planFile: "p.yaml", calendar: calendar)
        #expect(text.contains("    spent: 2000\n"))
        let result = PlanLoader.load(text: plan, progress: .init(path: "p.progress.yaml", text: text))
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics)")
        let design = try #require(result.plan).tasks[0]
        // The spending alone leaves the percent of the first update in place.
        #expect(design.progress.spent == 2000)
        #expect(design.progress.percent == 50)
    }

    @Test func negativeSpendingIsAnErrorAtItsLine() {
        let result = PlanLoader.load(text: Self.plan, progress: .init(path: "p.progress.yaml", text: """
            updates:
              - task: design
                as-of: 1
                spent: -5
            """))
        let error = result.diagnostics.first { $0.id == "out-of-range" }
        #expect(error?.location == SourceLocation(line: 4, column: 12, file: "p.progress.yaml"))
    }

    /// The plan as known at each time: the plan file's progress, then the updates
    /// up to that time, in file order.
    @Test func historyGivesThePlanAsItWasKnownAtAnEarlierTime() throws {
        let plan = Self.plan.replacingOccurrences(of: "plan: P\n", with: "plan: P\nstatus-date: week 1\n")
            .replacingOccurrences(of: "    duration: 2w\n", with: "    duration: 2w\n    progress: 20\n")
        let calendar = WorkCalendar(start: CivilDate(iso: "2025-01-13"))
        var text = ProgressLog.appending(.init(task: "design", asOf: 2, actualFinish: 2, percent: 100, spent: 900), to: nil, planFile: "p.yaml", calendar: calendar)
        text = ProgressLog.appending(.init(task: "build", asOf: 4, percent: 25, spent: 700), to: text, planFile: "p.yaml", calendar: calendar)
        text = ProgressLog.appending(.init(task: "build", asOf: 3, percent: 10), to: text, planFile: "p.yaml", calendar: calendar)
        let loaded = try #require(PlanLoader.load(text: plan, progress: .init(path: "p.progress.yaml", text: text)).plan)
        let history = loaded.progressHistory
        #expect(history.declaredStatusDate == 1)
        #expect(history.times == [2, 3, 4])
        #expect(history.planFileRecordsProgress(loaded))
        let atOne = history.plan(loaded, asOf: 1)
        #expect(atOne.statusDate == 1)
        #expect(atOne.tasks[0].progress == Progress(percent: 20))
        #expect(atOne.tasks[1].progress.isEmpty)
        let atThree = history.plan(loaded, asOf: 3)
        #expect(atThree.tasks[0].progress.spent == 900)
        #expect(atThree.tasks[1].progress.percent == 10)
        // At week 4 both updates of build apply in file order: the week-3 one was
        // written last, so its 10% wins, as it does when the plan is loaded; the
        // spending of the week-4 update stays.
        let atFour = history.plan(loaded, asOf: 4)
        #expect(atFour.tasks[1].progress == loaded.tasks[1].progress)
        #expect(atFour.tasks[1].progress == Progress(percent: 10, spent: 700))
    }

    @Test func malformedSidecarIsAnErrorNotACrash() {
        let result = PlanLoader.load(text: Self.plan, progress: .init(path: "p.progress.yaml", text: "updates: [unclosed"))
        #expect(result.diagnostics.contains { $0.id == "malformed-progress" && $0.location?.file == "p.progress.yaml" })
    }
}
