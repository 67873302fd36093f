import Testing
import SlipwayEngine
import SlipwayCore
@testable import SlipwayScheduling
import SlipwayReports

/// Hand-checked schedules on working calendars: holidays, owner leave and
/// availability. The plans start on Monday 2025-01-13 with 5-day weeks, so one
/// working day is 0.2 weeks on the axis: Monday 13 is [0, 0.2), Monday 20 is
/// [1.0, 1.2), and so on.
struct WorkingCalendarTests {
    static let header = """
        plan: Calendar
        start: 2025-01-13

        """

    func fixture(_ body: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> ScheduledFixture {
        try ScheduledFixture(Self.header + body, sourceLocation: sourceLocation)
    }

    /// (first day, last day) of a task as human output prints them.
    func days(_ f: ScheduledFixture, _ id: String) -> String {
        let i = f.index(id), t = f.schedule.timing, calendar = f.plan.calendar
        return "\(calendar.date(at: t.earlyStart[i], as: .start)!)..\(calendar.date(at: t.earlyFinish[i], as: .end)!)"
    }

    @Test func aTaskOverAHolidayEndsADayLater() throws {
        // 1w = 5 working days from Mon 13; Wed 15 is a holiday, so the fifth day is
        // Mon 20: finish t = 1.0 + 0.2 = 1.2 (plain axis: 1.0, Fri 17).
        let f = try fixture("""
            holidays:
              - {date: 2025-01-15, name: Founders Day}
            tasks:
              - {id: a, duration: 1w}
            """)
        #expect(f.dates("a") == [0, 1.2, 0, 1.2, 0, 0])
        #expect(days(f, "a") == "2025-01-13..2025-01-20")
    }

    @Test func aHolidayOnTheFirstDayMovesTheStart() throws {
        // Mon 13 is a holiday: 2d of work are Tue 14 and Wed 15, t = 0.2 to 0.6.
        let f = try fixture("""
            holidays: [2025-01-13]
            tasks:
              - {id: a, duration: 2d}
            """)
        #expect(f.dates("a") == [0.2, 0.6, 0.2, 0.6, 0, 0])
        #expect(days(f, "a") == "2025-01-14..2025-01-15")
    }

    @Test func workEndingJustBeforeAHolidayKeepsItsDateAndItsSuccessorWaits() throws {
        // a ends Fri 17 (t = 1.0); Mon 20 is off, so b (1d) works Tue 21: t = 1.2 to 1.4.
        // a's late finish is Fri 17 as well, not the holiday: a stays critical.
        let f = try fixture("""
            holidays: [{date: 2025-01-20, name: MLK Day}]
            tasks:
              - {id: a, duration: 1w}
              - {id: b, duration: 1d, after: [a]}
            """)
        #expect(f.dates("a") == [0, 1, 0, 1, 0, 0])
        #expect(f.dates("b") == [1.2, 1.4, 1.2, 1.4, 0, 0])
        #expect(days(f, "a") == "2025-01-13..2025-01-17")
        #expect(days(f, "b") == "2025-01-21..2025-01-21")
        #expect(f.criticalPath == ["a", "b"])
    }

    @Test func aMilestoneBeforeAHolidayIsCriticalAndDoesNotFloatByIt() throws {
        // a ends Fri 17 (t = 1); m is reached then; b waits out Mon 20 and works Tue 21.
        // m could be reached as late as Mon 20's end only by no work at all: no float.
        let f = try fixture("""
            holidays: [2025-01-20]
            tasks:
              - {id: a, duration: 1w}
              - {id: m, milestone: true, after: [a]}
              - {id: b, duration: 1d, after: [m]}
            """)
        #expect(f.dates("m") == [1, 1, 1, 1, 0, 0])
        #expect(f.criticalPath == ["a", "m", "b"])
    }

    @Test func aRangeOfHolidaysSkipsEveryDayOfIt() throws {
        // Wed 15 to Tue 21: Wed, Thu, Fri, Mon, Tue off (the weekend counts for nothing).
        // 3d: Mon 13, Tue 14, then Wed 22: finish t = 1.6 (Wed 22 is [1.4, 1.6)).
        let f = try fixture("""
            holidays:
              - {from: 2025-01-15, to: 2025-01-21, name: Winter break}
            tasks:
              - {id: a, duration: 3d}
            """)
        #expect(f.dates("a")[1] == 1.6)
        #expect(days(f, "a") == "2025-01-13..2025-01-22")
    }

    @Test func anOwnersLeaveMovesOnlyThatOwnersWork() throws {
        // Both tasks 1w from t = 0. Bo is on leave Thu 16 and Fri 17 ([0.6, 1.0)):
        // his five days are Mon-Wed and Mon-Tue, finish t = 1.4 (Tue 21). Ana's work
        // and the unowned wait keep the plain axis: finish t = 1.0.
        let f = try fixture("""
            owners:
              - id: ana
              - id: bo
                leave: [{from: 2025-01-16, to: 2025-01-17, name: ski trip}]
            tasks:
              - {id: hers, duration: 1w, owner: ana}
              - {id: his, duration: 1w, owner: bo}
              - {id: unowned, duration: 1w}
            """)
        #expect(f.dates("his")[0...1] == [0, 1.4])
        #expect(f.dates("hers")[0...1] == [0, 1])
        #expect(f.dates("unowned")[0...1] == [0, 1])
        #expect(days(f, "his") == "2025-01-13..2025-01-21")
        // The others float by the 0.4 weeks bo's leave adds to the finish.
        #expect(f.dates("hers")[4] == 0.4)
    }

    @Test func leaveOfTheSuccessorsOwnerIsFloatOfThePredecessor() throws {
        // a (ana, 1w) -> b (bo, 1d). Bo is off Mon 20, so b works Tue 21: ES 1.2, EF 1.4.
        // a could finish as late as Mon 20 (ana works that day): LF 1.2, LS 0.2, float 0.2.
        let f = try fixture("""
            owners:
              - id: ana
              - id: bo
                leave: [2025-01-20]
            tasks:
              - {id: a, duration: 1w, owner: ana}
              - {id: b, duration: 1d, owner: bo, after: [a]}
            """)
        #expect(f.dates("a") == [0, 1, 0.2, 1.2, 0.2, 0.2])
        #expect(f.dates("b") == [1.2, 1.4, 1.2, 1.4, 0, 0])
        #expect(!f.critical("a"))
    }

    @Test func availabilityStretchesWorkFromItsDate() throws {
        // Ana works full time in week 1, half time from Mon 20 (t = 1). A 2w task:
        // 1w of work in week 1, the other 1w at 0.5 takes 2 weeks: finish t = 3.
        let f = try fixture("""
            owners:
              - id: ana
                availability: [{from: 2025-01-20, percent: 50}]
            tasks:
              - {id: a, duration: 2w, owner: ana}
            """)
        #expect(f.dates("a") == [0, 3, 0, 3, 0, 0])
        #expect(days(f, "a") == "2025-01-13..2025-01-31")
    }

    @Test func availabilityBackToFullTime() throws {
        // 60% in week 1 only: 1w of work = 0.6 in week 1, then 0.4 at full time: t = 1.4.
        let f = try fixture("""
            owners:
              - id: ana
                availability:
                  - {from: 2025-01-13, percent: 60%}
                  - {from: 2025-01-20, percent: 100}
            tasks:
              - {id: a, duration: 1w, owner: ana}
            """)
        #expect(f.dates("a")[0...1] == [0, 1.4])
    }

    @Test func lagsCountWorkingDaysOfTheSuccessorsCalendar() throws {
        // a ends Fri 17 (t = 1); FS+2d over the holiday Mon 20 is Tue 21 and Wed 22,
        // so b starts Thu 23 (t = 1.6), not Wed 22 (1.4, the lag on the plain axis).
        // A lag is a wait, not work: bo's 50% availability does not stretch it.
        let f = try fixture("""
            holidays: [2025-01-20]
            owners:
              - id: bo
                availability: [{from: 2025-01-13, percent: 50}]
            tasks:
              - {id: a, duration: 1w}
              - {id: b, duration: 1d, owner: bo, after: ["a FS+2d"]}
            """)
        // b: 1d of work at 50% = 2 axis days, Thu 23 and Fri 24: EF = 2.0.
        #expect(f.dates("b")[0...1] == [1.6, 2])
    }

    @Test func finishToFinishOnACalendar() throws {
        // a (1w) ends Mon 20 over the holiday Wed 15 (t = 1.2). b (2d) FF a: b must
        // end by then too, so its 2 days are Fri 17 and Mon 20: ES 0.8, EF 1.2.
        let f = try fixture("""
            holidays: [2025-01-15]
            tasks:
              - {id: a, duration: 1w}
              - {id: b, duration: 2d, after: ["a FF"]}
            """)
        #expect(f.dates("b")[0...1] == [0.8, 1.2])
        #expect(f.critical("b"))
    }

    @Test func levelingWithAvailability() throws {
        // One ana at 50% from the start: each 1w task takes 2 axis weeks, one at a time.
        // Least float first: both float 0 unleveled (F = 2), file order: a 0-2, b 2-4.
        let f = try fixture("""
            owners:
              - id: ana
                availability: [{from: 2025-01-13, percent: 50}]
            tasks:
              - {id: a, duration: 1w, owner: ana}
              - {id: b, duration: 1w, owner: ana}
            """)
        let leveled = try #require(CheckedPlan.load(text: Self.header + """
            owners:
              - id: ana
                availability: [{from: 2025-01-13, percent: 50}]
            tasks:
              - {id: a, duration: 1w, owner: ana}
              - {id: b, duration: 1w, owner: ana}
            """).leveled().schedule)
        #expect(f.schedule.finish == 2)
        #expect(leveled.finish == 4)
        #expect(leveled.timing.earlyStart[0] == 0 && leveled.timing.earlyFinish[0] == 2)
        #expect(leveled.timing.earlyStart[1] == 2 && leveled.timing.earlyFinish[1] == 4)
    }

    @Test func levelingMovesWorkPastAHoliday() throws {
        // Two 1w tasks of one owner, holiday Mon 20. Leveled: a Mon 13-Fri 17 (0-1),
        // b then starts Tue 21 (1.2) and ends Mon 27 (2.2).
        let leveled = try #require(CheckedPlan.load(text: Self.header + """
            holidays: [2025-01-20]
            owners: [{id: ana}]
            tasks:
              - {id: a, duration: 1w, owner: ana}
              - {id: b, duration: 1w, owner: ana}
            """).leveled().schedule)
        #expect(leveled.timing.earlyStart[1] == 1.2)
        #expect(abs(leveled.timing.earlyFinish[1] - 2.2) < 1e-9)
        #expect(abs(leveled.finish - 2.2) < 1e-9)
    }

    @Test func simulationShiftsEverySampleByTheHoliday() throws {
        // a (1-3w) -> b (1w-2w-4w): a holiday on Tue 14 lies before any finish, so
        // every iteration finishes exactly one day (0.2 weeks) later, same draws.
        let tasks = """
            tasks:
              - {id: a, duration: 1-3w}
              - {id: b, duration: 1w/2w/4w, after: [a]}
            """
        let plain = try fixture(tasks)
        let holiday = try fixture("holidays: [2025-01-14]\n" + tasks)
        let without = RiskSimulation.run(plan: plain.plan, schedule: plain.schedule, iterations: 500, seed: 7)
        let with = RiskSimulation.run(plan: holiday.plan, schedule: holiday.schedule, iterations: 500, seed: 7)
        #expect(without.finishes.count == 500 && with.finishes.count == 500)
        for (a, b) in zip(without.finishes, with.finishes) { #expect(abs(b - a - 0.2) < 1e-9) }
    }

    @Test func leveledSimulationHonoursAvailability() throws {
        // Fixed durations: every leveled iteration gives the leveled finish, 4 (see above).
        let checked = CheckedPlan.load(text: Self.header + """
            owners:
              - id: ana
                availability: [{from: 2025-01-13, percent: 50}]
            tasks:
              - {id: a, duration: 1w, owner: ana}
              - {id: b, duration: 1w, owner: ana}
            """).leveled()
        let result = RiskSimulation.run(plan: try #require(checked.plan), schedule: try #require(checked.schedule),
                                        settings: .init(iterations: 64, seed: 1, leveled: true))
        #expect(result.finishes.allSatisfy { $0 == 4 })
    }

    @Test func finishedWorkOverAHolidayKeepsItsActualDates() throws {
        // Actual Mon 13 to Tue 21 over the holiday Mon 20: the schedule keeps both.
        let f = try fixture("""
            status-date: 2025-01-24
            holidays: [2025-01-20]
            tasks:
              - {id: a, duration: 1w, actual-start: 2025-01-13, actual-finish: 2025-01-21}
              - {id: b, duration: 1d, after: [a]}
            """)
        #expect(f.dates("a")[0...1] == [0, 1.4])
        // b cannot start before the status date's end (Fri 24, t = 2): Mon 27, t = 2 to 2.2.
        #expect(f.dates("b")[0...1] == [2, 2.2])
    }

    @Test func startedWorkFinishesItsRemainingWorkAfterTheStatusDate() throws {
        // Started Mon 13, half of 2w done by the status date Fri 17 (t = 1) over the
        // holiday Wed 15: 1w remains, Mon 20 to Fri 24, finish t = 2 (not 2.2: the
        // holiday was before the status date, in the part already done).
        let f = try fixture("""
            status-date: 2025-01-17
            holidays: [2025-01-15]
            tasks:
              - {id: a, duration: 2w, actual-start: 2025-01-13, progress: 50}
            """)
        #expect(f.dates("a")[0...1] == [0, 2])
    }

    @Test func jsonListsTheHolidaysWithTheirSpanOfTheAxis() throws {
        // Mon 20 is t in [1.0, 1.2); a plan without holidays has no such key.
        let f = try fixture("holidays: [{date: 2025-01-20, name: MLK Day}]\ntasks:\n  - {id: a, duration: 1w}\n")
        let json = ScheduleJSON.render(plan: f.plan, schedule: f.schedule)
        #expect(json.contains(#""holidays": ["#))
        #expect(json.contains(#"{"name":"MLK Day","first":"2025-01-20","last":"2025-01-20","from":1,"to":1.2}"#))
        let plain = try fixture("tasks:\n  - {id: a, duration: 1w}\n")
        #expect(!ScheduleJSON.render(plan: plain.plan, schedule: plain.schedule).contains("holidays"))
    }

    @Test func aPlanWithoutACalendarHasNoCalendarsInItsNetwork() throws {
        let f = try fixture("tasks:\n  - {id: a, duration: 1w}\n")
        #expect(f.schedule.ordered.network.calendars == nil)
    }

    @Test func suspiciousDaysOffAreWarnedAtTheirLines() throws {
        let checked = CheckedPlan.load(text: Self.header + """
            holidays:
              - {from: 2025-12-24, to: 2025-12-26, name: Christmas}
              - {date: 2025-12-25, name: Christmas Day}
              - 2024-12-25
              - 2045-01-01
              - {from: 2025-07-01, to: 9999-12-31}
            owners:
              - id: ana
                availability:
                  - {from: 2025-03-03, percent: 60}
                  - {from: 2025-03-03, percent: 80}
            tasks:
              - {id: a, duration: 1w, owner: ana}
            """)
        #expect(!checked.diagnostics.hasErrors)
        let warnings = checked.diagnostics.warnings.map { "\($0.location!.line) \($0.id)" }
        // Lines: holidays at 3, so Christmas 4, Christmas Day 5, 2024 6, 2045 7, a range
        // from July that ends in 9999 8 (it sorts before Christmas, which overlaps it);
        // the second step 13.
        #expect(warnings == ["4 days-off-overlap", "5 days-off-overlap", "6 days-off-outside-plan", "7 days-off-outside-plan",
                             "8 days-off-outside-plan", "13 days-off-overlap"])
    }
}
