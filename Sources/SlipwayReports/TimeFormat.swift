import SlipwayCore

/// How reports write plan times for people: weeks, week numbers and dates.
public struct TimeFormat: Sendable {
    public var calendar: WorkCalendar

    public init(calendar: WorkCalendar) { self.calendar = calendar }

    /// `1.5`, `12`: weeks from t = 0.
    public func weeks(_ t: Double) -> String { (t * 100).rounded() / 100 == t ? t.compact : ((t * 100).rounded() / 100).compact }

    /// The week a start falls in: t = 0 is week 1, t = 1.5 week 2.
    public func startWeek(_ t: Double) -> Int { Int(clamped(t + 1e-9).rounded(.down)) + 1 }

    /// The week an end falls in: t = 2 is the end of week 2, t = 1.5 is in week 2.
    public func endWeek(_ t: Double) -> Int { max(1, Int(clamped(t - 1e-9).rounded(.up))) }

    /// Week numbers of any time a schedule can hold: plan times are limited to
    /// 10,000 years, but sums of them are not, and an `Int` conversion must not trap.
    private func clamped(_ t: Double) -> Double { t.isFinite ? min(max(t, -1e15), 1e15) : 0 }

    /// `W1-W2` for a span, `W3` when it starts and ends in the same week.
    /// A moment in words: `end of week 8` at a week boundary, `week 7.5` (in the
    /// middle of week 8) otherwise, `the start` at t = 0.
    public func moment(_ t: Double) -> String {
        if t < 1e-9 { return "the start" }
        return abs(t - t.rounded()) < 1e-9 ? "end of week \(endWeek(t))" : "week \(weeks(t))"
    }

    /// A moment (a milestone, or a task of no duration) is `start W1` at t = 0,
    /// `end W8` at a week boundary, and `in W8` in the middle of a week.
    public func weekSpan(start: Double, finish: Double, milestone: Bool) -> String {
        if milestone || finish - start < 1e-9 {
            if finish < 1e-9 { return "start W1" }
            let whole = abs(finish - finish.rounded()) < 1e-9
            return whole ? "end W\(endWeek(finish))" : "in W\(startWeek(finish))"
        }
        let a = startWeek(start), b = max(a, endWeek(finish))
        return a == b ? "W\(a)" : "W\(a)-W\(b)"
    }

    /// Dates when the plan has a `start`: `2025-01-13..2025-01-24`.
    public func dateSpan(start: Double, finish: Double, milestone: Bool) -> String? {
        guard calendar.start != nil else { return nil }
        if milestone || finish - start < 1e-9 { return calendar.date(at: finish, as: finish < 1e-9 ? .start : .end)?.description }
        guard let a = calendar.date(at: start, as: .start), let b = calendar.date(at: finish, as: .end) else { return nil }
        return "\(a)..\(b)"
    }
}
