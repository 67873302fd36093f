import Foundation
import Testing
import SlipwayEngine
import SlipwayCore
import SlipwayScheduling
@testable import SlipwayInterchange

/// Holidays and leave through MS Project XML, TaskJuggler and iCalendar.
/// (TaskJuggler's own schedule of the exported holidays is checked in
/// `TaskJugglerTests` with the fixture `calendar.yaml`.)
struct CalendarInterchangeTests {
    /// Days off without their source locations, to compare a plan with its round trip.
    func days(_ list: [DaysOff]) -> [String] { list.map { "\($0.first)..\($0.last) \($0.name ?? "-")" } }

    @Test func mspdiRoundTripKeepsHolidaysAndLeave() throws {
        let (plan, schedule) = try Fixture.scheduled("calendar.yaml")
        let xml = try #require(MSPDIExport.render(plan: plan, schedule: schedule).text)
        // Bo's calendar is based on the standard one and is his resource's calendar.
        #expect(xml.contains("<UID>3</UID>\n      <Name>Bo</Name>\n      <IsBaseCalendar>0</IsBaseCalendar>\n      <BaseCalendarUID>1</BaseCalendarUID>"))
        #expect(xml.contains("<FromDate>2025-02-17T00:00:00</FromDate>\n            <ToDate>2025-02-18T23:59:00</ToDate>"))
        let imported = Interchange.importMSPDI(text: xml, source: "x.xml")
        let (back, _) = try Fixture.scheduled(text: try #require(imported.yaml))
        #expect(days(back.holidays) == ["2025-01-20..2025-01-20 Martin Luther King Jr. Day", "2025-02-17..2025-02-18 Long weekend"])
        #expect(days(back.owners[0].leave) == [])
        #expect(days(back.owners[1].leave) == ["2025-01-29..2025-01-31 Ski trip"])
    }

    /// A file as Project writes it: the project's calendar with a holiday in the
    /// 2007 form, a resource calendar with leave in the older WeekDay form, and
    /// exceptions a plan cannot hold.
    static let projectFile = """
        <?xml version="1.0" encoding="UTF-8"?>
        <Project xmlns="http://schemas.microsoft.com/project">
          <Title>Holidays</Title>
          <StartDate>2025-01-13T08:00:00</StartDate>
          <CalendarUID>1</CalendarUID>
          <Calendars>
            <Calendar><UID>1</UID><Name>Standard</Name><IsBaseCalendar>1</IsBaseCalendar>
              <Exceptions>
                <Exception><TimePeriod><FromDate>2025-01-20T00:00:00</FromDate><ToDate>2025-01-20T23:59:00</ToDate></TimePeriod>
                  <Occurrences>1</Occurrences><Name>MLK Day</Name><Type>1</Type><DayWorking>0</DayWorking></Exception>
                <Exception><TimePeriod><FromDate>2025-01-25T00:00:00</FromDate><ToDate>2025-01-25T23:59:00</ToDate></TimePeriod>
                  <Name>Saturday shift</Name><Type>1</Type><DayWorking>1</DayWorking></Exception>
                <Exception><TimePeriod><FromDate>2025-12-25T00:00:00</FromDate><ToDate>2030-12-25T23:59:00</ToDate></TimePeriod>
                  <Occurrences>6</Occurrences><Name>Christmas</Name><Type>5</Type><DayWorking>0</DayWorking></Exception>
                <Exception><TimePeriod><FromDate>2019-01-01T00:00:00</FromDate><ToDate>2019-01-01T23:59:00</ToDate></TimePeriod>
                  <Name>Old</Name><Type>1</Type><DayWorking>0</DayWorking></Exception>
              </Exceptions>
            </Calendar>
            <Calendar><UID>7</UID><Name>Bo</Name><IsBaseCalendar>0</IsBaseCalendar><BaseCalendarUID>1</BaseCalendarUID>
              <WeekDays>
                <WeekDay><DayType>0</DayType><DayWorking>0</DayWorking>
                  <TimePeriod><FromDate>2025-01-22T00:00:00</FromDate><ToDate>2025-01-24T23:59:00</ToDate></TimePeriod></WeekDay>
                <WeekDay><DayType>0</DayType><DayWorking>0</DayWorking>
                  <TimePeriod><FromDate>2025-01-20T00:00:00</FromDate><ToDate>2025-01-20T23:59:00</ToDate></TimePeriod></WeekDay>
              </WeekDays>
            </Calendar>
          </Calendars>
          <Tasks>
            <Task><UID>1</UID><Name>Plan</Name><OutlineLevel>1</OutlineLevel><Duration>PT40H0M0S</Duration></Task>
            <Task><UID>2</UID><Name>Build</Name><OutlineLevel>1</OutlineLevel><Duration>PT24H0M0S</Duration>
              <PredecessorLink><PredecessorUID>1</PredecessorUID><Type>1</Type></PredecessorLink></Task>
            <Task><UID>3</UID><Name>Write</Name><OutlineLevel>1</OutlineLevel><Duration>PT24H0M0S</Duration>
              <PredecessorLink><PredecessorUID>1</PredecessorUID><Type>1</Type></PredecessorLink></Task>
          </Tasks>
          <Resources>
            <Resource><UID>1</UID><Name>Ana</Name><CalendarUID>1</CalendarUID></Resource>
            <Resource><UID>2</UID><Name>Bo</Name><CalendarUID>7</CalendarUID></Resource>
          </Resources>
          <Assignments>
            <Assignment><UID>1</UID><TaskUID>1</TaskUID><ResourceUID>1</ResourceUID><Units>1</Units></Assignment>
            <Assignment><UID>2</UID><TaskUID>2</TaskUID><ResourceUID>2</ResourceUID><Units>1</Units></Assignment>
            <Assignment><UID>3</UID><TaskUID>3</TaskUID><ResourceUID>1</ResourceUID><Units>1</Units></Assignment>
          </Assignments>
        </Project>
        """

    @Test func mspdiImportTurnsCalendarExceptionsIntoHolidaysAndLeave() throws {
        let imported = Interchange.importMSPDI(text: Self.projectFile, source: "holidays.xml")
        let (plan, schedule) = try Fixture.scheduled(text: try #require(imported.yaml))
        #expect(days(plan.holidays) == ["2025-01-20..2025-01-20 MLK Day"])
        // Bo's calendar repeats the holiday: only the days it adds are his leave.
        #expect(days(plan.owners[1].leave) == ["2025-01-22..2025-01-24 -"])
        let warnings = imported.diagnostics.map(\.message)
        #expect(warnings.contains { $0.contains("makes 2025-01-25 working time") })
        #expect(warnings.contains { $0.contains("recurring exception (type 5) from 2025-12-25") })
        #expect(warnings.contains { $0.contains("1 calendar exceptions more than ten years") })
        // Plan (Ana): Mon 13 to Fri 17. Build (Bo, 3d): Mon 20 is a holiday, Tue 21,
        // then his leave Wed 22 to Fri 24, then Mon 27 and Tue 28.
        // Write (Ana, 3d): Tue 21, Wed 22, Thu 23.
        func dates(_ id: String) -> String {
            let i = plan.taskIndex(of: id)!
            return "\(plan.calendar.date(at: schedule.timing.earlyStart[i], as: .start)!)..\(plan.calendar.date(at: schedule.timing.earlyFinish[i], as: .end)!)"
        }
        #expect(dates("plan") == "2025-01-13..2025-01-17")
        #expect(dates("build") == "2025-01-21..2025-01-28")
        #expect(dates("write") == "2025-01-21..2025-01-23")
    }

    @Test func taskJugglerExportWritesHolidaysAndLeave() throws {
        let (plan, schedule) = try Fixture.scheduled("calendar.yaml")
        let text = try #require(TJPExport.render(plan: plan, schedule: schedule).text)
        #expect(text.contains("leaves holiday \"Martin Luther King Jr. Day\" 2025-01-20\n"))
        // TaskJuggler's interval ends before its end date: the 17th and 18th.
        #expect(text.contains("leaves holiday \"Long weekend\" 2025-02-17 - 2025-02-19\n"))
        #expect(text.contains("resource bo \"Bo\" {\n  leaves annual 2025-01-29 - 2025-02-01\n}\n"))
        // Bo's work is effort (his days); Ana's keeps length.
        #expect(text.contains("task build \"Build\" {\n  effort 10d\n"))
        #expect(text.contains("task design \"Design\" {\n  length 5d\n"))
    }

    @Test func iCalendarMarksHolidaysAsAllDayEvents() throws {
        let (plan, schedule) = try Fixture.scheduled("calendar.yaml")
        let text = try #require(ICSExport.render(plan: plan, schedule: schedule).text)
        #expect(text.contains("DTSTART;VALUE=DATE:20250217\r\nDTEND;VALUE=DATE:20250219\r\nSUMMARY:Holiday: Long weekend\r\n"))
        #expect(text.contains("SUMMARY:Holiday: Martin Luther King Jr. Day\r\n"))
        // Leave is not a holiday: it is not in the team's calendar.
        #expect(!text.contains("Ski trip"))
    }

    /// Mermaid skips the holidays (`excludes`), and a bar's length counts the plan
    /// calendar's working days from its start to its finish, so Mermaid draws
    /// Slipway's dates: Build (Tue 21 to Thu Feb 6, Bo's 3 days of leave inside) is 13 days.
    @Test func mermaidExcludesHolidaysAndImportsThemBack() throws {
        let (plan, schedule) = try Fixture.scheduled("calendar.yaml")
        let text = try #require(MermaidExport.render(plan: plan, schedule: schedule).text)
        #expect(text.contains("    excludes weekends, 2025-01-20, 2025-02-17, 2025-02-18\n"))
        #expect(text.contains("    Build :crit, build, 2025-01-21 00:00, 13d\n"))
        let imported = Interchange.importMermaid(text: text, source: "gantt.md")
        let (back, backSchedule) = try Fixture.scheduled(text: try #require(imported.yaml))
        #expect(days(back.holidays) == ["2025-01-20..2025-01-20 -", "2025-02-17..2025-02-17 -", "2025-02-18..2025-02-18 -"])
        for (i, task) in plan.tasks.enumerated() {
            let j = try #require(back.taskIndex(of: task.id))
            #expect(abs(backSchedule.timing.earlyFinish[j] - schedule.timing.earlyFinish[i]) < 1e-6, "\(task.id)")
        }
    }
}
