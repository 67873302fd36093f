/// Converts between plan time (weeks from t = 0, the start of week 1) and calendar
/// dates, in working time (section 5 of the plan-format contract).
///
/// Only working days count: a week has `daysPerWeek` of them, Monday first. A time
/// t maps to a date differently for a start (the morning of a day) and for an end
/// (the evening of a day): t = 1.0 is the Monday of week 2 as a start and the
/// Friday of week 1 as an end, for a plan that starts on a Monday.
///
/// `start` may be any working day (a project imported from another tool often
/// starts mid-week): working days are still the real weekdays, counted from the
/// Monday of the start's week, and t = 0 is the morning of `start`. From a
/// Wednesday start, a 5-day task ends on the Tuesday after, never on a Sunday.
public struct WorkCalendar: Hashable, Sendable {
    /// The first working day of week 1 (usually a Monday), when the plan has one.
    public var start: CivilDate?
    public var daysPerWeek: Double

    public init(start: CivilDate?, daysPerWeek: Double = 5) {
        self.start = start
        self.daysPerWeek = daysPerWeek
    }

    /// Whether a time is the start of something (a task's start, `not-before`) or its end.
    public enum Edge: Sendable { case start, end }

    /// The plan time of a date: whole weeks from the Monday of week 1 to the date's
    /// week, plus the working days of that week before the date (a start) or up to
    /// and including it (an end). A weekend date counts as the end of its week's
    /// working days.
    public func time(of date: CivilDate, as edge: Edge) -> Double? {
        guard let (monday, lead) = anchor else { return nil }
        let days = date.daysSinceEpoch - monday.daysSinceEpoch
        let weeks = Int((Double(days) / 7).rounded(.down))
        let weekday = days - weeks * 7
        let workingDays = Double(weekday + (edge == .end ? 1 : 0))
        return Double(weeks) + (min(workingDays, daysPerWeek) - lead) / daysPerWeek
    }

    /// The Monday of the start's week and the working days of that week before the
    /// start: all date arithmetic is done from that Monday, so weekdays stay real.
    var anchor: (monday: CivilDate, lead: Double)? {
        guard let start else { return nil }
        let weekday = start.weekdayFromMonday
        return (start.adding(days: -weekday), min(Double(weekday), daysPerWeek))
    }

    /// The calendar date of a plan time, or nil when the plan has no `start`.
    /// Beyond a million weeks (about 19,000 years) there is no date to print: such
    /// a time comes only from sums of plan times near their limit.
    public func date(at t: Double, as edge: Edge) -> CivilDate? {
        guard let (monday, lead) = anchor, t.isFinite, abs(t) < 1_000_000 else { return nil }
        // Round away float noise so that 0.6 * 5 counts as 3 whole days.
        let totalDays = ((t * daysPerWeek + lead) * 1e6).rounded() / 1e6
        var week = Int((totalDays / daysPerWeek).rounded(.down))
        var day = totalDays - Double(week) * daysPerWeek
        if edge == .end {
            // An end at a week boundary is the last working day of the week before.
            if day == 0 && totalDays > 0 {
                week -= 1
                day = daysPerWeek
            }
            let index = max(0, Int(day.rounded(.up)) - 1)
            return monday.adding(days: week * 7 + index)
        }
        return monday.adding(days: week * 7 + Int(day.rounded(.down)))
    }
}
