import Testing
import SlipwayEngine
import SlipwayCore
import SlipwayScheduling
@testable import SlipwayInterchange

/// What real MS Project files hold and the first importer got wrong (issue 15): a
/// start that is not a Monday, elapsed durations, percentage lags, progress without
/// a status date, dates before the start, other day lengths, links to summary
/// tasks, manual scheduling. Every expected date is counted by hand on a calendar.
struct MSPDIRealFileTests {
    /// A project file around the given tasks (and extra project-level elements).
    func project(start: String = "2025-01-15T08:00:00", extra: String = "", tasks: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <Project xmlns="http://schemas.microsoft.com/project">
          <Title>Real</Title>
          <StartDate>\(start)</StartDate>
          \(extra)
          <Tasks>
        \(tasks)
          </Tasks>
        </Project>
        """
    }

    func task(_ uid: Int, _ name: String, duration: String, _ more: String = "") -> String {
        "<Task><UID>\(uid)</UID><Name>\(name)</Name><OutlineLevel>1</OutlineLevel><Duration>\(duration)</Duration>\(more)</Task>"
    }

    func imported(_ xml: String) throws -> (Plan, Schedule, [Diagnostic]) {
        let result = Interchange.importMSPDI(text: xml, source: "real.xml")
        let yaml = try #require(result.yaml, "\(result.diagnostics.map { $0.rendered(path: "real.xml") }) \(result.planDiagnostics.map { $0.rendered(path: "plan") })")
        let (plan, schedule) = try Fixture.scheduled(text: yaml)
        return (plan, schedule, result.diagnostics)
    }

    func dates(_ plan: Plan, _ schedule: Schedule, _ i: Int) -> (String, String) {
        (plan.calendar.date(at: schedule.start(i), as: .start)!.description,
         plan.calendar.date(at: schedule.finish(i), as: .end)!.description)
    }

    /// 2025-01-15 is a Wednesday: five working days are Wed, Thu, Fri, Mon, Tue.
    @Test func aWednesdayStartKeepsRealWeekdays() throws {
        let (plan, schedule, _) = try imported(project(tasks: task(1, "Five days", duration: "PT40H0M0S")))
        #expect(dates(plan, schedule, 0) == ("2025-01-15", "2025-01-21"))
        // The export carries the same working days, never a weekend.
        let exported = try #require(MSPDIExport.render(plan: plan, schedule: schedule).text)
        #expect(exported.contains("<Finish>2025-01-21T17:00:00</Finish>"))
        #expect(!exported.contains("2025-01-19"))
    }

    /// PT24H with format 8 (elapsed days) is a calendar day, a seventh of a week,
    /// not three 8-hour working days.
    @Test func anElapsedDayIsASeventhOfAWeek() throws {
        let (plan, _, warnings) = try imported(project(tasks: task(1, "Cure", duration: "PT24H0M0S", "<DurationFormat>8</DurationFormat>")))
        // The plan file writes durations to nine decimals.
        #expect(abs(plan.tasks[0].estimate.mean - 1.0 / 7) < 1e-9)
        #expect(warnings.contains { $0.message.contains("elapsed duration") })
    }

    /// FS-75% of a 4-day predecessor: the successor starts 3 days before it ends,
    /// on its second day (Thursday 16th from a Wednesday start).
    @Test func aPercentageLagIsAShareOfThePredecessor() throws {
        let tasks = task(1, "A", duration: "PT32H0M0S") + "\n"
            + task(2, "B", duration: "PT8H0M0S", "<PredecessorLink><PredecessorUID>1</PredecessorUID><Type>1</Type><LinkLag>-75</LinkLag><LagFormat>19</LagFormat></PredecessorLink>")
        let (plan, schedule, _) = try imported(project(tasks: tasks))
        #expect(abs(plan.tasks[1].after[0].lag - (-0.6)) < 1e-12)
        #expect(dates(plan, schedule, 1).0 == "2025-01-16")
    }

    /// Finished work without a status date imports as progress with its dates.
    @Test func finishedWorkNeedsNoStatusDate() throws {
        let tasks = task(1, "Done", duration: "PT16H0M0S", "<PercentComplete>100</PercentComplete><Start>2025-01-15T08:00:00</Start><Finish>2025-01-16T17:00:00</Finish>") + "\n"
            + task(2, "Reached", duration: "PT0H0M0S", "<Milestone>1</Milestone><PercentComplete>100</PercentComplete><Finish>2025-01-16T17:00:00</Finish>") + "\n"
            + task(3, "Half a milestone", duration: "PT0H0M0S", "<Milestone>1</Milestone><PercentComplete>50</PercentComplete>")
        let (plan, _, warnings) = try imported(project(tasks: tasks))
        #expect(plan.statusDate == nil)
        #expect(plan.tasks[0].progress.percent == 100)
        #expect(plan.tasks[0].progress.actualStart == 0)
        #expect(abs(plan.tasks[0].progress.actualFinish! - 0.4) < 1e-12)
        #expect(abs(plan.tasks[1].progress.actualFinish! - 0.4) < 1e-12)
        #expect(plan.tasks[2].progress.isEmpty)
        #expect(warnings.contains { $0.message.contains("taken as not reached") })
    }

    /// A status date on Friday 17th: unstarted work planned after it stays where it was.
    @Test func aStatusDateDoesNotMoveLaterWork() throws {
        let tasks = task(1, "Done", duration: "PT24H0M0S", "<PercentComplete>100</PercentComplete><ActualStart>2025-01-15T08:00:00</ActualStart><ActualFinish>2025-01-17T17:00:00</ActualFinish>") + "\n"
            + task(2, "Next", duration: "PT40H0M0S", "<PredecessorLink><PredecessorUID>1</PredecessorUID><Type>1</Type></PredecessorLink>")
        let (plan, schedule, _) = try imported(project(extra: "<StatusDate>2025-01-17T17:00:00</StatusDate>", tasks: tasks))
        #expect(dates(plan, schedule, 1) == ("2025-01-20", "2025-01-24"))
    }

    @Test func datesBeforeTheStartAreWarningsNotAborts() throws {
        let tasks = task(1, "A", duration: "PT8H0M0S", "<Deadline>2024-12-20T17:00:00</Deadline><ConstraintType>4</ConstraintType><ConstraintDate>2024-12-02T08:00:00</ConstraintDate>")
        let (plan, _, warnings) = try imported(project(extra: "<StatusDate>2024-12-31T17:00:00</StatusDate>", tasks: tasks))
        #expect(plan.statusDate == nil && plan.tasks[0].due == nil && plan.tasks[0].notBefore == nil)
        #expect(warnings.filter { $0.message.contains("before the project's start") }.count == 3)
    }

    /// 450 minutes a day: PT7H30M is one day, PT37H30M a week.
    @Test func aShorterWorkingDayIsTheDay() throws {
        let tasks = task(1, "Day", duration: "PT7H30M0S") + "\n" + task(2, "Week", duration: "PT37H30M0S")
        let (plan, _, _) = try imported(project(start: "2025-01-13T08:00:00", extra: "<MinutesPerDay>450</MinutesPerDay><MinutesPerWeek>2250</MinutesPerWeek>", tasks: tasks))
        #expect(plan.calendar.daysPerWeek == 5)
        #expect(abs(plan.tasks[0].estimate.mean - 0.2) < 1e-12 && abs(plan.tasks[1].estimate.mean - 1) < 1e-12)
    }

    /// A link from a summary task is a link from each task under it; a manually
    /// scheduled task keeps its start as not-before.
    @Test func summaryLinksExpandAndManualStartsStay() throws {
        let tasks = """
            <Task><UID>1</UID><Name>Build</Name><OutlineLevel>1</OutlineLevel><Summary>1</Summary></Task>
            <Task><UID>2</UID><Name>Front</Name><OutlineLevel>2</OutlineLevel><Duration>PT16H0M0S</Duration></Task>
            <Task><UID>3</UID><Name>Back</Name><OutlineLevel>2</OutlineLevel><Duration>PT24H0M0S</Duration></Task>
            <Task><UID>4</UID><Name>Ship</Name><OutlineLevel>1</OutlineLevel><Duration>PT8H0M0S</Duration><PredecessorLink><PredecessorUID>1</PredecessorUID><Type>1</Type></PredecessorLink></Task>
            <Task><UID>5</UID><Name>Party</Name><OutlineLevel>1</OutlineLevel><Duration>PT8H0M0S</Duration><Manual>1</Manual><Start>2025-01-27T08:00:00</Start></Task>
            """
        let (plan, schedule, warnings) = try imported(project(start: "2025-01-13T08:00:00", tasks: tasks))
        #expect(plan.tasks[2].after.map(\.id) == ["front", "back"])
        #expect(dates(plan, schedule, 2).0 == "2025-01-16")
        #expect(plan.tasks[3].notBefore == 2)
        #expect(warnings.contains { $0.message.contains("summary task") } && warnings.contains { $0.message.contains("scheduled manually") })
    }

    /// The plan-level mapping (contract section 5) from a Wednesday: t = 0 is that
    /// morning, a week later is the next Wednesday, weekends are never dates.
    @Test func workCalendarFromAWednesday() {
        let calendar = WorkCalendar(start: CivilDate(year: 2025, month: 1, day: 15))
        #expect(calendar.date(at: 0, as: .start)?.description == "2025-01-15")
        #expect(calendar.date(at: 0.6, as: .start)?.description == "2025-01-20")
        #expect(calendar.date(at: 0.6, as: .end)?.description == "2025-01-17")
        #expect(calendar.date(at: 1, as: .start)?.description == "2025-01-22")
        #expect(calendar.time(of: CivilDate(year: 2025, month: 1, day: 20), as: .start) == 0.6)
        #expect(calendar.time(of: CivilDate(year: 2025, month: 1, day: 18), as: .end) == 0.6)
        #expect(calendar.time(of: CivilDate(year: 2025, month: 1, day: 15), as: .start) == 0)
    }
}
