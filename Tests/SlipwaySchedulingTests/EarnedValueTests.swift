import Foundation
import Testing
import SlipwayEngine
import SlipwayCore
@testable import SlipwayScheduling

/// Earned value and earned schedule, every formula checked by hand on small plans:
/// the PMI-style status of a project a week behind and over cost, Lipke's
/// interpolation of ES within a period, a project finished late (where SPI says 1
/// and SPI(t) does not), a stretch with nothing planned, and the history.
struct EarnedValueTests {
    /// a: 4 weeks for a fixed 40,000; b: 6 weeks of a crew at 10,000 a week = 60,000.
    /// Baseline: a 0-4, b 4-10, done at 10. BAC = 100,000, PD = 10.
    /// PV(t) = 10,000 t on [0, 4], then 40,000 + 10,000 (t - 4) on [4, 10].
    static let plan = """
        plan: EV
        start: 2025-01-06
        currency: USD
        owners:
          - {id: crew, rate: 10000}
        tasks:
          - id: a
            duration: 4w
            cost: 40000
          - id: b
            duration: 6w
            owner: crew
            after: [a]
          - id: done
            milestone: true
            after: [b]
        """

    static func baseline(of text: String) throws -> Baseline {
        let checked = CheckedPlan.load(text: text)
        let plan = try #require(checked.plan), schedule = try #require(checked.schedule)
        return Baseline(plan: plan, schedule: schedule, name: "default", planFile: "ev.yaml",
                        planHash: ContentHash.fnv1a64(Data(text.utf8)), progressHash: nil, savedAt: "2025-01-06T09:00:00Z")
    }

    /// The plan with a progress sidecar, measured against its baseline without progress.
    static func measure(_ text: String = plan, updates: String, asOf: Double? = nil) throws -> EarnedValue {
        let loaded = PlanLoader.load(text: text, progress: .init(path: "ev.progress.yaml", text: "updates:\n" + updates))
        #expect(!loaded.diagnostics.hasErrors, "\(loaded.diagnostics.map { $0.rendered(path: "ev.yaml") })")
        let plan = try #require(loaded.plan)
        return try EarnedValue.compute(plan: plan, baseline: baseline(of: text), path: "ev.baseline.json", asOf: asOf).get()
    }

    static func near(_ a: Double?, _ b: Double) -> Bool { a.map { abs($0 - b) < 1e-6 } ?? false }

    /// At the end of week 5, a is done (for 45,000) and b has not begun:
    /// PV = 40,000 + 10,000 = 50,000; EV = 40,000; AC = 45,000.
    /// SV = -10,000, CV = -5,000, SPI = 0.8, CPI = 40/45 = 0.8889;
    /// EAC = BAC / CPI = 100,000 x 45/40 = 112,500; ETC = 67,500; VAC = -12,500;
    /// TCPI = (100,000 - 40,000) / (100,000 - 45,000) = 60/55 = 1.0909.
    /// ES: PV reaches 40,000 at week 4, so ES = 4, SV(t) = -1, SPI(t) = 4/5 = 0.8,
    /// IEAC(t) = PD / SPI(t) = 10 / 0.8 = 12.5 weeks.
    @Test func aWeekBehindAndOverCost() throws {
        let ev = try Self.measure(updates: """
              - {task: a, as-of: 4, actual-start: 0, actual-finish: 4, progress: 100, spent: 45000}
              - {task: b, as-of: 5, progress: 0}
            """)
        #expect(ev.asOf == 5)
        #expect(ev.budgetAtCompletion == 100_000)
        #expect(ev.plannedDuration == 10)
        #expect(Self.near(ev.plannedValue, 50_000))
        #expect(Self.near(ev.earnedValue, 40_000))
        #expect(ev.actualCost == 45_000)
        #expect(Self.near(ev.scheduleVariance, -10_000))
        #expect(Self.near(ev.costVariance, -5_000))
        #expect(Self.near(ev.schedulePerformanceIndex, 0.8))
        #expect(Self.near(ev.costPerformanceIndex, 40.0 / 45))
        #expect(Self.near(ev.estimateAtCompletion, 112_500))
        #expect(Self.near(ev.estimateToComplete, 67_500))
        #expect(Self.near(ev.varianceAtCompletion, -12_500))
        #expect(Self.near(ev.toCompletePerformanceIndex, 60.0 / 55))
        #expect(Self.near(ev.earnedSchedule, 4))
        #expect(Self.near(ev.scheduleVarianceTime, -1))
        #expect(Self.near(ev.schedulePerformanceIndexTime, 0.8))
        #expect(Self.near(ev.independentEstimateAtCompletionTime, 12.5))
        #expect(ev.warnings.isEmpty, "\(ev.warnings)")
        let b = try #require(ev.tasks.first { $0.id == "b" })
        #expect(b.budget == 60_000 && Self.near(b.plannedValue, 10_000) && b.earnedValue == 0 && b.actualCost == nil)
    }

    /// At the end of week 6, b is 10% done for 8,000: EV = 40,000 + 6,000 = 46,000,
    /// AC = 53,000, PV = 60,000. Lipke's ES with weekly periods: PV_4 = 40,000 <=
    /// EV < PV_5 = 50,000, so C = 4 and I = (46,000 - 40,000) / (50,000 - 40,000) =
    /// 0.6: ES = 4.6; SPI(t) = 4.6/6 = 0.7667; IEAC(t) = 10 / 0.7667 = 13.0435.
    /// CPI = 46/53 = 0.8679, EAC = 100,000 x 53/46 = 115,217.39,
    /// TCPI = 54,000 / 47,000 = 1.1489.
    @Test func earnedScheduleInterpolatesWithinAPeriodAsLipkeDoes() throws {
        let ev = try Self.measure(updates: """
              - {task: a, as-of: 4, actual-finish: 4, progress: 100, spent: 45000}
              - {task: b, as-of: 6, progress: 10, spent: 8000}
            """)
        #expect(Self.near(ev.plannedValue, 60_000))
        #expect(Self.near(ev.earnedValue, 46_000))
        #expect(ev.actualCost == 53_000)
        #expect(Self.near(ev.earnedSchedule, 4.6))
        #expect(Self.near(ev.scheduleVarianceTime, -1.4))
        #expect(Self.near(ev.schedulePerformanceIndexTime, 4.6 / 6))
        #expect(Self.near(ev.independentEstimateAtCompletionTime, 10 / (4.6 / 6)))
        #expect(Self.near(ev.independentEstimateAtCompletionTime, 13.043478261))
        #expect(Self.near(ev.costPerformanceIndex, 46.0 / 53))
        #expect(Self.near(ev.estimateAtCompletion, 115_217.391304348))
        #expect(Self.near(ev.toCompletePerformanceIndex, 54.0 / 47))
    }

    /// Lipke's reason for earned schedule: a project finished two weeks late has
    /// EV = PV = BAC, so SV = 0 and SPI = 1 say nothing; ES = PD = 10 and AT = 12
    /// give SV(t) = -2, SPI(t) = 10/12 = 0.8333 and IEAC(t) = 12.
    @Test func aProjectFinishedLateHasSPIOneButNotSPIt() throws {
        let ev = try Self.measure(updates: """
              - {task: a, as-of: 5, actual-start: 0, actual-finish: 5, progress: 100, spent: 40000}
              - {task: b, as-of: 12, actual-start: 5, actual-finish: 12, progress: 100, spent: 70000}
              - {task: done, as-of: 12, actual-finish: 12, progress: 100}
            """)
        #expect(ev.asOf == 12)
        #expect(Self.near(ev.earnedValue, 100_000) && Self.near(ev.plannedValue, 100_000))
        #expect(Self.near(ev.scheduleVariance, 0))
        #expect(Self.near(ev.schedulePerformanceIndex, 1))
        #expect(Self.near(ev.earnedSchedule, 10))
        #expect(Self.near(ev.scheduleVarianceTime, -2))
        #expect(Self.near(ev.schedulePerformanceIndexTime, 10.0 / 12))
        #expect(Self.near(ev.independentEstimateAtCompletionTime, 12))
        // 110,000 spent on 100,000 of budget: CPI 0.9091, EAC 110,000, VAC -10,000;
        // the budget is spent, so TCPI has no meaning.
        #expect(Self.near(ev.estimateAtCompletion, 110_000))
        #expect(Self.near(ev.varianceAtCompletion, -10_000))
        #expect(ev.toCompletePerformanceIndex == nil)
    }

    /// With nothing planned in weeks 3 and 4, work done to plan by week 3 is not
    /// behind: Lipke's count of periods with PV <= EV runs to the end of the flat
    /// stretch (PV_2 = PV_3 = PV_4 = 2,000 = EV, PV_5 = 3,000), so ES = 4.
    @Test func aStretchWithNothingPlannedCountsAsEarned() throws {
        let plan = """
            plan: Gap
            tasks:
              - {id: a, duration: 2w, cost: 2000}
              - {id: b, duration: 2w, cost: 2000, not-before: week 5}
            """
        let ev = try Self.measure(plan, updates: "  - {task: a, as-of: 3, actual-finish: 2, progress: 100, spent: 2000}\n")
        #expect(Self.near(ev.plannedValue, 2_000))
        #expect(Self.near(ev.earnedSchedule, 4))
        #expect(Self.near(ev.scheduleVarianceTime, 1))
        #expect(Self.near(ev.schedulePerformanceIndexTime, 4.0 / 3))
    }

    /// When a task ends mid-week, PV bends mid-week too: a spends 2,000 a week over
    /// [0, 1.5], b 1,000 a week over [1.5, 3.5]. EV = 2,500 was planned by
    /// t = 2,500 / 2,000 = 1.25. (Interpolating between the weekly values PV_1 =
    /// 2,000 and PV_2 = 3,500, as Lipke's formula does for period data, would say
    /// 1 + 500/1,500 = 1.33; the curve is known exactly, so it is solved exactly.)
    @Test func earnedScheduleIsSolvedOnTheCurveWhenTasksEndMidWeek() throws {
        let plan = """
            plan: Bend
            tasks:
              - {id: a, duration: 1.5w, cost: 3000}
              - {id: b, duration: 2w, cost: 2000, after: [a]}
            """
        let ev = try Self.measure(plan, updates: "  - {task: a, as-of: 2, progress: 83.333333333333333, spent: 2600}\n")
        #expect(Self.near(ev.earnedValue, 2_500))
        #expect(Self.near(ev.earnedSchedule, 1.25))
        #expect(Self.near(ev.plannedValue, 3_500))
    }

    /// The plan as known at each status date: week 2 (a half done, 18,000 spent),
    /// week 4 (a done, 41,000), then AT = 5 with no newer news.
    @Test func historyHasTheFiguresAtEachStatusDate() throws {
        let ev = try Self.measure(updates: """
              - {task: a, as-of: 2, progress: 50, spent: 18000}
              - {task: a, as-of: 4, actual-finish: 4, progress: 100, spent: 41000}
            """, asOf: 5)
        #expect(ev.history.map(\.time) == [0, 2, 4, 5])
        #expect(ev.history.map(\.plannedValue) == [0, 20_000, 40_000, 50_000])
        #expect(ev.history.map(\.earnedValue) == [0, 20_000, 40_000, 40_000])
        #expect(ev.history.map(\.actualCost) == [0, 18_000, 41_000, 41_000])
        #expect(ev.lastUpdate == 4)
        #expect(ev.warnings == [.progressOlderThanAsOf(lastUpdate: 4)])
        // Measured as of week 2, the week-4 news is not known yet.
        let earlier = try Self.measure(updates: """
              - {task: a, as-of: 2, progress: 50, spent: 18000}
              - {task: a, as-of: 4, actual-finish: 4, progress: 100, spent: 41000}
            """, asOf: 2)
        #expect(Self.near(earlier.earnedValue, 20_000) && earlier.actualCost == 18_000)
    }

    @Test func aTaskStartedWithRemainingWorkHasEarnedItsDurationLessWhatRemains() {
        var task = PlanTask(id: "t", title: "t", estimate: .fixed(4), location: SourceLocation(line: 1, column: 1))
        task.progress = Progress(actualStart: 0, remaining: 1)
        #expect(EarnedValue.fractionDone(task, statusDate: 2) == 0.75)
        // Without a status date, `remaining` means nothing (as in the forecast).
        #expect(EarnedValue.fractionDone(task, statusDate: nil) == 0)
        task.progress = Progress(percent: 30)
        #expect(EarnedValue.fractionDone(task, statusDate: 2) == 0.3)
        task.progress = Progress(actualFinish: 3)
        #expect(EarnedValue.fractionDone(task, statusDate: 3) == 1)
    }

    @Test func spendingMissingOnWorkDoneIsSaid() throws {
        let ev = try Self.measure(updates: """
              - {task: a, as-of: 4, actual-finish: 4, progress: 100}
              - {task: b, as-of: 5, progress: 10, spent: 7000}
            """)
        #expect(ev.warnings == [.workWithoutSpending(["a"])])
        let none = try Self.measure(updates: "  - {task: a, as-of: 4, actual-finish: 4, progress: 100}\n")
        #expect(none.warnings == [.noSpending])
        #expect(none.actualCost == nil && none.costPerformanceIndex == nil && none.estimateAtCompletion == nil)
        #expect(none.history.allSatisfy { $0.actualCost == nil })
    }

    @Test func refusalsAreCases() throws {
        let baseline = try Self.baseline(of: Self.plan)
        let plain = try #require(CheckedPlan.load(text: Self.plan).plan)
        #expect(throws: EarnedValue.Problem.noStatusDate) { try EarnedValue.compute(plan: plain, baseline: baseline, path: "b").get() }
        let free = try #require(CheckedPlan.load(text: "plan: Free\nstatus-date: week 1\ntasks:\n  - {id: a, duration: 1w}\n").plan)
        let freeBaseline = try Self.baseline(of: "plan: Free\ntasks:\n  - {id: a, duration: 1w}\n")
        #expect(throws: EarnedValue.Problem.noBudget) { try EarnedValue.compute(plan: free, baseline: freeBaseline, path: "b").get() }
        let declared = try #require(CheckedPlan.load(text: Self.plan.replacingOccurrences(of: "currency: USD\n", with: "currency: USD\nstatus-date: week 4\n")
            .replacingOccurrences(of: "    cost: 40000\n", with: "    cost: 40000\n    progress: 100\n")).plan)
        #expect(throws: EarnedValue.Problem.beforePlanFileProgress(asOf: 2, statusDate: 4)) {
            try EarnedValue.compute(plan: declared, baseline: baseline, path: "b", asOf: 2).get()
        }
        // Its own status date is fine: a done at week 4.
        let ev = try EarnedValue.compute(plan: declared, baseline: baseline, path: "b").get()
        #expect(Self.near(ev.earnedValue, 40_000) && Self.near(ev.earnedSchedule, 4))
        #expect(ev.history.map(\.time) == [0, 4])
    }

    /// Planned value accrues with work, not over a holiday. Week 2 is closed, so
    /// a's 4 weeks (a fixed 4,000) run over weeks 1 and 3-5: 0 to t = 5. At the end
    /// of week 2 one week of work is planned: PV = 1,000 (time alone would say
    /// 4,000 x 2/5 = 1,600). With a a quarter done, EV = 1,000: on schedule,
    /// SPI = 1, and ES = 2 (PV stays 1,000 through the holiday).
    @Test func plannedValueWaitsOverAHoliday() throws {
        let text = """
            plan: Closed week
            start: 2025-01-06
            holidays:
              - {from: 2025-01-13, to: 2025-01-17, name: Closed}
            tasks:
              - {id: a, duration: 4w, cost: 4000}
            """
        let ev = try Self.measure(text, updates: "  - {task: a, as-of: 2, actual-start: 0, progress: 25, spent: 1000}\n", asOf: 2)
        #expect(Self.near(ev.plannedValue, 1_000) && Self.near(ev.earnedValue, 1_000))
        #expect(Self.near(ev.schedulePerformanceIndex, 1) && Self.near(ev.earnedSchedule, 2))
        let curve = ev.curve
        #expect(Self.near(curve.value(at: 1), 1_000) && Self.near(curve.value(at: 1.5), 1_000))
        #expect(Self.near(curve.value(at: 3), 2_000) && Self.near(curve.value(at: 5), 4_000))
    }

    /// An owner's leave stops the planned value of that owner's work only: b
    /// (dev, 2 weeks for a fixed 2,000) waits out dev's leave in week 2 and runs
    /// 0-3; c (no owner, 2 weeks for 2,000) runs 0-2. At t = 2: b has 1 of its 2
    /// weeks planned (1,000, not 2,000 x 2/3) and c all of it: PV = 3,000.
    @Test func plannedValueWaitsOverTheOwnersLeave() throws {
        let text = """
            plan: Leave
            start: 2025-01-06
            owners:
              - id: dev
                leave:
                  - {from: 2025-01-13, to: 2025-01-17, name: Away}
            tasks:
              - {id: b, duration: 2w, cost: 2000, owner: dev}
              - {id: c, duration: 2w, cost: 2000}
            """
        let ev = try Self.measure(text, updates: "  - {task: c, as-of: 2, actual-start: 0, actual-finish: 2, progress: 100, spent: 2000}\n", asOf: 2)
        #expect(Self.near(ev.plannedValue, 3_000))
        #expect(Self.near(ev.tasks.first { $0.id == "b" }?.plannedValue, 1_000))
    }

    /// Cut on a calendar, a span's pieces hold its whole budget, and their curve is
    /// the share of work done, at many times, on random gaps and rates.
    @Test func workingSpansFollowTheWorkClock() {
        var generator = SplitMix64(seed: 5)
        for _ in 0..<50 {
            let gaps = (0..<Int(generator.next() % 4)).map { _ -> (start: Double, end: Double) in
                let start = Double(generator.next() % 40) / 5
                return (start, start + Double(generator.next() % 5 + 1) / 5)
            }
            let rates = generator.next() % 2 == 0 ? [] : [(from: Double(generator.next() % 40) / 5, rate: 0.5)]
            let calendar = WorkingTime(gaps: gaps, rates: rates)
            let start = Double(generator.next() % 20) / 4, finish = start + Double(generator.next() % 16 + 1) / 4
            let pieces = PlannedValueCurve.Span.working(start: start, finish: finish, budget: 1000, on: calendar)
            #expect(abs(pieces.reduce(0) { $0 + $1.budget } - 1000) < 1e-6)
            let curve = PlannedValueCurve(spans: pieces)
            for step in 0...48 {
                let t = Double(step) / 4
                let share = EarnedValue.share(of: start, finish, at: t, on: calendar)
                #expect(abs(curve.value(at: t) - 1000 * share) < 1e-6, "t = \(t), gaps \(gaps), span \(start)-\(finish)")
            }
        }
    }

    /// The curve against a naive sum over its spans, at many times, on random spans.
    @Test func plannedValueCurveMatchesTheSumOfItsSpans() {
        var generator = SplitMix64(seed: 11)
        for _ in 0..<50 {
            let spans = (0..<Int(generator.next() % 8 + 1)).map { _ -> PlannedValueCurve.Span in
                let start = Double(generator.next() % 20) / 4, length = Double(generator.next() % 12) / 4
                return .init(start: start, finish: start + length, budget: Double(generator.next() % 1000 + 1))
            }
            let curve = PlannedValueCurve(spans: spans)
            for step in 0...40 {
                let t = Double(step) / 4
                let naive = spans.reduce(0.0) { $0 + $1.budget * EarnedValue.share(of: $1.start, $1.finish, at: t) }
                #expect(abs(curve.value(at: t) - naive) < 1e-6, "t = \(t), \(spans)")
                // The latest time not exceeding a value is where the naive curve still does not.
                if let es = curve.latestTime(notExceeding: naive) {
                    let after = spans.reduce(0.0) { $0 + $1.budget * EarnedValue.share(of: $1.start, $1.finish, at: es + 1e-6) }
                    #expect(es >= t - 1e-9 && after > naive + 1e-9, "t = \(t), es = \(es), \(spans)")
                }
            }
        }
    }
}
