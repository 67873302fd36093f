import Testing
import SlipwayEngine
import SlipwayCore
import SlipwayReports

struct TimeFormatTests {
    let format = TimeFormat(calendar: WorkCalendar(start: CivilDate(year: 2025, month: 1, day: 13)))

    @Test func spansNameTheWeeksATaskTouches() {
        #expect(format.weekSpan(start: 0, finish: 2, milestone: false) == "W1-W2")
        #expect(format.weekSpan(start: 2, finish: 3, milestone: false) == "W3")
        #expect(format.weekSpan(start: 1.5, finish: 4, milestone: false) == "W2-W4")
    }

    @Test func momentsSayWhereInTheWeekTheyFall() {
        #expect(format.weekSpan(start: 0, finish: 0, milestone: true) == "start W1")
        #expect(format.weekSpan(start: 8, finish: 8, milestone: true) == "end W8")
        // t = 7.5 is the middle of week 8 (Wednesday 2025-03-05).
        #expect(format.weekSpan(start: 7.5, finish: 7.5, milestone: true) == "in W8")
        #expect(format.dateSpan(start: 7.5, finish: 7.5, milestone: true) == "2025-03-05")
        // A task of no duration after a 1-week task is a moment at the end of week 1,
        // not the reversed span 2025-01-20..2025-01-17.
        #expect(format.weekSpan(start: 1, finish: 1, milestone: false) == "end W1")
        #expect(format.dateSpan(start: 1, finish: 1, milestone: false) == "2025-01-17")
        #expect(format.dateSpan(start: 0, finish: 0, milestone: true) == "2025-01-13")
    }
}
