import Testing
import SlipwayEngine
import SlipwayCore
import SlipwayScheduling
@testable import SlipwayInterchange

/// What 143 real MS Project files (the MSPDI files of MPXJ's test corpus, saved by
/// Project 2002-2019; `Scripts/mspdi-real-files.py`) showed the importer got wrong:
/// work placed before the project's start date, a Text1 field that holds text
/// rather than one of our ids, and a duration of seconds written in exponent
/// notation. The fixtures are written here, in the shape of those files.
struct MSPDICorpusFindingsTests {
    let helper = MSPDIRealFileTests()

    /// The project's start (Thursday 2018-10-18) is after its work: a manually
    /// scheduled task on Monday 2016-01-04 for 10 days, a start-no-earlier-than
    /// task on the same Monday, and an automatic task without predecessors. The
    /// plan starts on 2016-01-04; the first two keep their dates (2016-01-04 to
    /// Friday 2016-01-15: 10 working days), the automatic one starts where Project
    /// starts it, at the project's start, and ends 2 working days later (Friday
    /// 2018-10-19).
    @Test func workBeforeTheProjectStartMovesThePlanStart() throws {
        let tasks = [
            helper.task(1, "Manual", duration: "PT80H0M0S",
                        "<Manual>1</Manual><Start>2016-01-04T08:00:00</Start><Finish>2016-01-15T17:00:00</Finish>"),
            helper.task(2, "Pinned", duration: "PT80H0M0S",
                        "<Start>2016-01-04T08:00:00</Start><ConstraintType>4</ConstraintType><ConstraintDate>2016-01-04T08:00:00</ConstraintDate>"),
            helper.task(3, "Automatic", duration: "PT16H0M0S", "<Start>2018-10-18T08:00:00</Start>"),
        ].joined(separator: "\n")
        let (plan, schedule, warnings) = try helper.imported(helper.project(start: "2018-10-18T08:00:00", tasks: tasks))
        #expect(plan.calendar.start?.description == "2016-01-04")
        #expect(helper.dates(plan, schedule, 0) == ("2016-01-04", "2016-01-15"))
        #expect(helper.dates(plan, schedule, 1) == ("2016-01-04", "2016-01-15"))
        #expect(helper.dates(plan, schedule, 2) == ("2018-10-18", "2018-10-19"))
        #expect(warnings.contains { $0.message.contains("before the project's start 2018-10-18; the plan starts on 2016-01-04") })
    }

    /// Work started before the project's start (an actual start two weeks earlier)
    /// is progress, not an error: the plan starts with it.
    @Test func anActualStartBeforeTheProjectStartIsKept() throws {
        let tasks = helper.task(1, "Started", duration: "PT40H0M0S",
                                "<Start>2025-01-06T08:00:00</Start><ActualStart>2025-01-06T08:00:00</ActualStart><PercentComplete>50</PercentComplete>")
        let (plan, _, _) = try helper.imported(helper.project(start: "2025-01-20T08:00:00", tasks: tasks))
        #expect(plan.calendar.start?.description == "2025-01-06")
        #expect(plan.tasks[0].progress.actualStart == 0)
    }

    /// Text1 is ours when it holds an id; a file from elsewhere uses it for any text.
    @Test func aText1ThatIsNotAnIdFallsBackToTheName() throws {
        let attribute = "<ExtendedAttribute><FieldID>\(MSPDIExport.taskIDField)</FieldID><Value>Task Text One</Value></ExtendedAttribute>"
        let (plan, _, _) = try helper.imported(helper.project(tasks: helper.task(1, "Pour the slab", duration: "PT8H0M0S", attribute)))
        #expect(plan.tasks[0].id == "pour-the-slab")
    }

    /// 14 seconds of a 40-hour week is 14 / 144,000 = 0.000097222 weeks: written
    /// without an exponent, so that the plan file reads back.
    @Test func aDurationOfSecondsReadsBack() throws {
        let (plan, _, _) = try helper.imported(helper.project(tasks: helper.task(1, "Blink", duration: "PT0H0M14S")))
        #expect(abs(plan.tasks[0].estimate.mean - 14.0 / 144_000) < 1e-9)
        #expect((14.0 / 144_000).compact == "0.000097222")
        #expect((-2.5e-7).compact == "-0.00000025")
        #expect(1.5.compact == "1.5" && 3.0.compact == "3")
    }

    /// A file whose "day" is 450 minutes while its calendar works 8 hours a day
    /// (08:00-12:00, 13:00-17:00): Project places PT125H on the calendar's hours,
    /// 125 / 8 = 15.625 days, so from Thursday 2008-11-20 the 16th working day is
    /// Thursday 2008-12-11 (20, 21; 24-28; 1-5; 8, 9, 10, 11 December), where
    /// Project put it; at 7.5-hour days it would be 16.7 days and end a day later.
    @Test func durationsArePlacedOnTheCalendarsHours() throws {
        let day = "<DayWorking>1</DayWorking><WorkingTimes><WorkingTime><FromTime>08:00:00</FromTime><ToTime>12:00:00</ToTime></WorkingTime><WorkingTime><FromTime>13:00:00</FromTime><ToTime>17:00:00</ToTime></WorkingTime></WorkingTimes>"
        let weekDays = (1...7).map { d in
            "<WeekDay><DayType>\(d)</DayType>\(d == 1 || d == 7 ? "<DayWorking>0</DayWorking>" : day)</WeekDay>"
        }.joined()
        let extra = """
            <CalendarUID>1</CalendarUID><MinutesPerDay>450</MinutesPerDay><MinutesPerWeek>2250</MinutesPerWeek>
            <Calendars><Calendar><UID>1</UID><Name>Standard</Name><IsBaseCalendar>1</IsBaseCalendar><WeekDays>\(weekDays)</WeekDays></Calendar></Calendars>
            """
        let (plan, schedule, warnings) = try helper.imported(helper.project(start: "2008-11-20T08:00:00", extra: extra,
                                                                            tasks: helper.task(1, "Long", duration: "PT125H0M0S")))
        #expect(helper.dates(plan, schedule, 0) == ("2008-11-20", "2008-12-11"))
        #expect(warnings.contains { $0.message.contains("its calendar works 8 hours a day") })
    }
}
