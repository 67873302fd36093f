import Testing
import SlipwayEngine
@testable import SlipwayCore

struct TimeSyntaxTests {
    let syntax = TimeSyntax(unit: .week, calendar: WorkCalendar(start: CivilDate(year: 2025, month: 1, day: 13)))

    @Test(arguments: [
        ("2w", 2.0), ("3d", 0.6), ("1.5w", 1.5), ("4", 4.0), ("-2d", -0.4), ("10 days", 2.0), ("1 week", 1.0), ("+1w", 1.0),
    ])
    func durationsReadAsWeeks(_ text: String, _ weeks: Double) throws {
        #expect(try syntax.duration(text).get() == weeks)
    }

    @Test(arguments: ["", "w", "2x", "two weeks", "2-3w"])
    func nonDurationsAreRefused(_ text: String) {
        #expect(throws: TimeSyntax.Failure.self) { try syntax.duration(text).get() }
    }

    @Test(arguments: [
        ("2-3w", 2.0, 2.5, 3.0), ("1w/2w/4w", 1.0, 2.0, 4.0), ("1/2/4w", 1.0, 2.0, 4.0), ("5d-10d", 1.0, 1.5, 2.0), ("2w", 2.0, 2.0, 2.0),
    ])
    func estimatesReadAsThreePoints(_ text: String, _ o: Double, _ m: Double, _ p: Double) throws {
        #expect(try syntax.estimate(text).get() == Estimate(optimistic: o, mostLikely: m, pessimistic: p))
    }

    @Test func pertMeanIsTheDeterministicDuration() {
        #expect(Estimate(optimistic: 1, mostLikely: 2, pessimistic: 9).mean == 3)
        #expect(Estimate(optimistic: 2, mostLikely: 2.5, pessimistic: 3).mean == 2.5)
        #expect(Estimate.fixed(4).mean == 4)
    }

    @Test func estimatesOutOfOrderOrNegativeAreRefused() {
        #expect(throws: TimeSyntax.Failure.self) { try syntax.estimate("3-2w").get() }
        #expect(throws: TimeSyntax.Failure.self) { try syntax.estimate("1w/5w/4w").get() }
        #expect(throws: TimeSyntax.Failure.self) { try syntax.estimate("-1w").get() }
    }

    @Test func weekPointsDependOnWhetherTheyStartOrEnd() throws {
        #expect(try syntax.point("week 3", as: .start).get() == 2)
        #expect(try syntax.point("week 3", as: .end).get() == 3)
        // Weeks count from 1: there is no week 0, as a start or as an end.
        #expect(throws: TimeSyntax.Failure.self) { try syntax.point("week 0", as: .end).get() }
        #expect(try syntax.point("2.5", as: .end).get() == 2.5)
        #expect(try syntax.point("12w", as: .end).get() == 12)
    }

    @Test func datePointsCountWorkingDays() throws {
        // Wednesday of week 2: two working days before it, three up to and including it.
        #expect(try syntax.point("2025-01-22", as: .start).get() == 1.4)
        #expect(try syntax.point("2025-01-22", as: .end).get() == 1.6)
        // A Saturday counts as the end of its week's working days.
        #expect(try syntax.point("2025-01-18", as: .start).get() == 1)
        #expect(try syntax.point("2025-01-18", as: .end).get() == 1)
        // The Monday of week 1 is t = 0 as a start.
        #expect(try syntax.point("2025-01-13", as: .start).get() == 0)
    }

    @Test func datesNeedAPlanStart() {
        let noStart = TimeSyntax()
        #expect(throws: TimeSyntax.Failure.self) { try noStart.point("2025-01-22", as: .start).get() }
    }
}

struct WorkCalendarTests {
    static let start = CivilDate(year: 2025, month: 1, day: 13)
    let calendar = WorkCalendar(start: start)

    @Test func weekBoundaryIsFridayAsAnEndAndMondayAsAStart() {
        #expect(calendar.date(at: 1, as: .end) == CivilDate(year: 2025, month: 1, day: 17))
        #expect(calendar.date(at: 1, as: .start) == CivilDate(year: 2025, month: 1, day: 20))
        #expect(calendar.date(at: 0, as: .start) == CivilDate(year: 2025, month: 1, day: 13))
        #expect(calendar.date(at: 12, as: .end) == CivilDate(year: 2025, month: 4, day: 4))
    }

    @Test func fractionalWeeksLandOnWorkingDays() {
        // t = 1.5 is 7.5 working days: as a start, the 8th day (Wednesday of week 2);
        // as an end, the 8th day too, since half of it has passed.
        #expect(calendar.date(at: 1.5, as: .start) == CivilDate(year: 2025, month: 1, day: 22))
        #expect(calendar.date(at: 1.5, as: .end) == CivilDate(year: 2025, month: 1, day: 22))
        #expect(calendar.date(at: 1.6, as: .end) == CivilDate(year: 2025, month: 1, day: 22))
        #expect(calendar.date(at: 1.4, as: .start) == CivilDate(year: 2025, month: 1, day: 22))
    }

    /// The calendar's first sixty days, split into working days, which round-trip
    /// through plan time, and weekend days, which count as the end of their week.
    static let firstDays = (0..<60).map { start.adding(days: $0) }
    static let firstWorkingDays = firstDays.filter { $0.weekdayFromMonday < 5 }
    static let firstWeekendDays = firstDays.filter { $0.weekdayFromMonday >= 5 }

    @Test(arguments: firstWorkingDays)
    func datesAndTimesRoundTripOnWorkingDays(_ date: CivilDate) throws {
        let start = try #require(calendar.time(of: date, as: .start))
        let end = try #require(calendar.time(of: date, as: .end))
        #expect(calendar.date(at: start, as: .start) == date)
        #expect(calendar.date(at: end, as: .end) == date)
        #expect(abs(end - start - 0.2) < 1e-12, "a working day is a fifth of a week")
    }

    @Test(arguments: firstWeekendDays)
    func weekendDatesCountAsTheEndOfTheirWeeksWorkingDays(_ date: CivilDate) throws {
        let friday = date.adding(days: 4 - date.weekdayFromMonday)
        let endOfWeek = try #require(calendar.time(of: friday, as: .end))
        #expect(calendar.time(of: date, as: .start) == endOfWeek)
        #expect(calendar.time(of: date, as: .end) == endOfWeek)
    }

    @Test func civilDatesKnowTheirWeekday() {
        #expect(CivilDate(year: 2025, month: 1, day: 13).weekdayFromMonday == 0)
        #expect(CivilDate(year: 2024, month: 2, day: 29).weekdayFromMonday == 3)
        #expect(CivilDate(iso: "2025-02-29") == nil)
        #expect(CivilDate(iso: "2024-02-29")?.description == "2024-02-29")
    }
}

struct SuggestionTests {
    @Test func nearestKeyIsSuggestedForTypos() {
        #expect(Suggestion.nearest(to: "duraton", in: ["duration", "due", "owner"]) == "duration")
        #expect(Suggestion.nearest(to: "dependson", in: ["after", "due"]) == nil)
        #expect(Suggestion.nearest(to: "x", in: ["a", "b"]) == nil)
    }

    @Test func editDistanceCountsSingleEdits() {
        #expect(Suggestion.editDistance("kitten", "sitting") == 3)
        #expect(Suggestion.editDistance("", "abc") == 3)
        #expect(Suggestion.editDistance("same", "same") == 0)
    }
}

/// The byte fast path of `TimeSyntax` must read what the general path reads, the
/// same way, or leave the text to it.
struct TimeSyntaxFastPathTests {
    static let syntaxes = [
        TimeSyntax(unit: .week, calendar: WorkCalendar(start: CivilDate(year: 2025, month: 1, day: 13))),
        TimeSyntax(unit: .day, calendar: WorkCalendar(start: nil, daysPerWeek: 4)),
    ]

    /// Texts made of the pieces durations, estimates and weeks are written with,
    /// and of pieces that look like them.
    static var texts: [String] {
        let numbers = ["0", "1", "2", "3", "10", "1.5", "0.25", "-2", "+1", "-0", "007", "1.", ".5", "1.2.3", "1e2", "0x10",
                       "12345678901234567", "0.1234567890123456", "999999999999999"]
        let units = ["", "w", "W", "d", "D", " w", "wk", "wks", "week", "weeks", "Weeks", "day", "days", "DAYS", "x", "ww", "w ", "\t", " d "]
        var texts: [String] = []
        var rng = SplitMix64(seed: 11)
        func pick<T>(_ a: [T]) -> T { a[Int(rng.next() % UInt64(a.count))] }
        for n in numbers { for u in units { texts.append(n + u) } }
        for _ in 0..<4_000 {
            let one = pick(numbers) + pick(units)
            switch rng.next() % 6 {
            case 0: texts.append(one + pick(["-", " - ", "--", "-+"]) + pick(numbers) + pick(units))
            case 1: texts.append([0, 1, 2].map { _ in pick(numbers) + pick(units) }.joined(separator: pick(["/", " / ", "//"])))
            case 2: texts.append(pick(["week ", "Week ", "WEEK", "week  ", " week ", "weeks ", "wk "]) + pick(numbers) + pick(["", " ", "w", " x"]))
            case 3: texts.append(pick(["", " ", "  ", "\t"]) + one + pick(["", " ", "\t"]))
            case 4: texts.append(pick(["+", "-", ""]) + one + pick(["", "/", "-"]))
            default: texts.append(one)
            }
        }
        return texts
    }

    @Test func fastDurationsAreTheGeneralOnes() {
        for syntax in Self.syntaxes {
            var read = 0
            for text in Self.texts {
                guard let fast = text.utf8.withContiguousStorageIfAvailable({ syntax.duration(ascii: $0) }) ?? nil else { continue }
                read += 1
                #expect(syntax.generalDuration(text) == .success(fast), "'\(text)'")
            }
            #expect(read > 200)
        }
    }

    @Test func fastEstimatesAreTheGeneralOnes() {
        for syntax in Self.syntaxes {
            var read = 0
            for text in Self.texts {
                guard let fast = text.utf8.withContiguousStorageIfAvailable({ syntax.estimate(ascii: $0) }) ?? nil else { continue }
                read += 1
                #expect(syntax.generalEstimate(text) == .success(fast), "'\(text)'")
            }
            #expect(read > 200)
        }
    }

    @Test func fastWeeksAreTheGeneralOnes() {
        for syntax in Self.syntaxes {
            var read = 0
            for text in Self.texts {
                for edge in [WorkCalendar.Edge.start, .end] {
                    guard let fast = text.utf8.withContiguousStorageIfAvailable({ syntax.week(ascii: $0, as: edge) }) ?? nil else { continue }
                    read += 1
                    #expect(syntax.generalPoint(text, as: edge) == .success(fast), "'\(text)'")
                }
            }
            #expect(read > 50)
        }
    }
}
