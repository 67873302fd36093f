import Testing
import SlipwayTestSupport
import SlipwayEngine
import SlipwayCore
import SlipwayScheduling

/// The forecast finish over the status dates of the progress history, each
/// computed by loading the plan with the updates up to it; hand-checked.
struct SlipTrendTests {
    /// design 0-2 -> build 2-4 -> deploy 4-5 -> done 5; docs 0-1 beside it.
    static let plan = SharedPlans.tracked

    /// As of week 1 design is a quarter done (1.5 weeks left: ends 2.5) and docs
    /// finished; as of week 3 design finished at 3.
    static func sidecar(calendar: WorkCalendar) -> ProgressLog.Source {
        var text = ProgressLog.appending(.init(task: "design", asOf: 1, actualStart: 0, percent: 25), to: nil, planFile: "p.yaml", calendar: calendar)
        text = ProgressLog.appending(.init(task: "docs", asOf: 1, actualStart: 0, actualFinish: 1), to: text, planFile: "p.yaml", calendar: calendar)
        text = ProgressLog.appending(.init(task: "design", asOf: 3, actualFinish: 3, percent: 100), to: text, planFile: "p.yaml", calendar: calendar)
        return ProgressLog.Source(path: "p.progress.yaml", text: text)
    }

    @Test func eachRecordedStatusDateGivesTheForecastOfThatDay() throws {
        let sidecar = Self.sidecar(calendar: WorkCalendar(start: CivilDate(iso: "2025-01-13")))
        let checked = CheckedPlan.from(PlanLoader.load(text: Self.plan, progress: sidecar))
        let plan = try #require(checked.plan), schedule = try #require(checked.schedule)
        #expect(plan.recordedAsOf == [1, 1, 3])
        #expect(plan.statusDate == 3 && schedule.finish == 6)
        let points = SlipTrend.history(text: Self.plan, sidecar: sidecar, plan: plan, finish: schedule.finish,
                                       leveledFinish: Scheduler.level(plan, schedule: schedule).finish)
        // Before any update: 5. As of week 1: design ends 2.5, so 5.5. As of week 3: 6.
        #expect(points == [.init(statusDate: 0, finish: 5, leveledFinish: 5), .init(statusDate: 1, finish: 5.5, leveledFinish: 5.5),
                           .init(statusDate: 3, finish: 6, leveledFinish: 6)])
    }

    @Test func withoutProgressTheTrendIsTheCurrentForecast() throws {
        let checked = CheckedPlan.load(text: Self.plan)
        let plan = try #require(checked.plan)
        #expect(SlipTrend.history(text: Self.plan, sidecar: nil, plan: plan, finish: 5, leveledFinish: nil) == [.init(statusDate: 0, finish: 5, leveledFinish: nil)])
    }

    @Test func baselinesStandAtTheirStatusDate() throws {
        let checked = CheckedPlan.load(text: Self.plan)
        let plan = try #require(checked.plan), schedule = try #require(checked.schedule)
        func saved(_ name: String, _ at: String) -> Baseline {
            Baseline(plan: plan, schedule: schedule, name: name, planFile: "p.yaml", planHash: "", progressHash: nil, savedAt: at)
        }
        let points = SlipTrend.baselinePoints([saved("b", "2025-01-20T00:00:00Z"), saved("a", "2025-01-10T00:00:00Z")])
        #expect(points.map(\.name) == ["a", "b"])
        #expect(points.allSatisfy { $0.statusDate == 0 && $0.finish == 5 })
    }
}
