import Testing
import SlipwayEngine
import SlipwayCore
@testable import SlipwayScheduling

/// Forecasts around a status date S = 4 (end of week 4), checked by hand.
struct ForecastTests {
    static let plan = """
        plan: Forecast
        status-date: week 4
        tasks:
          - id: a            # finished: keeps 0..3, although planned 2w
            duration: 2w
            actual-start: week 1
            actual-finish: week 3
          - id: b            # started at 3, 25% of 4w done: 3w remain -> 4 + 3 = 7
            duration: 4w
            after: [a]
            actual-start: week 4
            progress: 25
          - id: c            # unstarted, after b: 7..9
            duration: 2w
            after: [b]
          - id: d            # unstarted, no predecessors: not before S -> 4..5
            duration: 1w
          - id: e            # started at 3 with 0.5w remaining -> 4.5
            duration: 2w
            after: [a]
            actual-start: week 4
            remaining: 0.5w
          - id: f            # 100% without a finish: min(S, 1 + 3) = 4; 1..4
            duration: 3w
            actual-start: week 2
            progress: 100
          - id: g            # 50% of 1w, no actual start: started S - 0.5 = 3.5, ends 4.5
            duration: 1w
            progress: 50
          - id: h            # unstarted, re-estimated at 3w: 4..7
            duration: 2w
            remaining: 3w
        """

    @Test func finishedStartedAndUnstartedTasksAroundTheStatusDate() throws {
        let checked = CheckedPlan.load(text: Self.plan)
        let schedule = try #require(checked.schedule, "\(checked.diagnostics)")
        let plan = try #require(checked.plan)
        let expected: [String: (Double, Double)] = [
            "a": (0, 3), "b": (3, 7), "c": (7, 9), "d": (4, 5), "e": (3, 4.5), "f": (1, 4), "g": (3.5, 4.5), "h": (4, 7),
        ]
        for (id, (es, ef)) in expected {
            let i = try #require(plan.taskIndex(of: id))
            #expect(abs(schedule.start(i) - es) < 1e-9, "\(id) start \(schedule.start(i)), expected \(es)")
            #expect(abs(schedule.finish(i) - ef) < 1e-9, "\(id) finish \(schedule.finish(i)), expected \(ef)")
        }
        #expect(schedule.finish == 9)
        // a finished at 3, exactly when b actually started: the link has no slack.
        #expect(schedule.criticalPath.map { plan.tasks[$0].id } == ["a", "b", "c"])
    }

    @Test func withoutStatusDateAStartedTaskKeepsItsStartAndFullDuration() throws {
        let checked = CheckedPlan.load(text: """
            plan: P
            tasks:
              - id: a
                duration: 2w
              - id: b
                duration: 3w
                after: [a]
                actual-start: week 2
            """)
        let schedule = try #require(checked.schedule)
        // b started at t = 1, before a's planned finish at 2: the actual start wins.
        #expect(schedule.start(1) == 1)
        #expect(schedule.finish(1) == 4)
    }

    @Test(arguments: [
        (Progress(actualStart: 1, actualFinish: 2), Forecast.State.finished, 1.0, 1.0),
        (Progress(actualStart: 1, percent: 50), .started, 1.0, 4.0),  // S = 4: 4 + 1 remaining - 1
        (Progress(), .notStarted, nil, 2.0),
    ] as [(Progress, Forecast.State, Double?, Double)])
    func forecastStateAndSpan(progress: Progress, state: Forecast.State, pinned: Double?, duration: Double) {
        var task = PlanTask(id: "x", title: "x", estimate: .fixed(2), location: .init(line: 1, column: 1))
        task.progress = progress
        let f = Forecast(task: task, statusDate: 4)
        #expect(f.state == state)
        #expect(f.pinnedStart == pinned)
        #expect(f.duration == duration)
        #expect(f.notBefore == (state == .notStarted ? 4 : 0))
    }

    @Test func aStartedTaskNeverStartsAfterTheStatusDate() {
        // 50% of 2w done, re-estimated at 3w remaining, S = 5: it began 1w (its done
        // half) before S, at 4, and ends at S + 3 = 8 -- not "5 - (2 - 3) = 6".
        var task = PlanTask(id: "e", title: "e", estimate: .fixed(2), location: .init(line: 1, column: 1))
        task.progress = Progress(percent: 50, remaining: 3)
        let f = Forecast(task: task, statusDate: 5)
        #expect(f.state == .started)
        #expect(f.pinnedStart == 4)
        #expect(f.duration == 4)
    }

    @Test func remainingIsIgnoredWithoutAStatusDate() throws {
        // The warning says 'remaining' is ignored without a status date; it must be:
        // a stays 0..1 whatever it says, and the plan finishes at 2.
        let checked = CheckedPlan.load(text: """
            plan: P
            tasks:
              - {id: a, duration: 1w, remaining: 3w}
              - {id: b, duration: 1w, after: [a]}
            """)
        let schedule = try #require(checked.schedule)
        #expect(schedule.finish(0) == 1)
        #expect(schedule.finish == 2)
        #expect(checked.diagnostics.map(\.id) == ["progress-remaining-undated"])
    }
}
