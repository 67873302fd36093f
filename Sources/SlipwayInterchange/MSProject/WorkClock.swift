import SlipwayCore

/// Plan time in weeks <-> date-times on Microsoft Project's standard calendar:
/// working days Monday first, 08:00-12:00 and 13:00-17:00 (8 hours a day).
/// Days are counted from the Monday of the start's week, so a project that starts
/// mid-week keeps its real weekdays (`WorkCalendar` does the same for dates).
struct WorkClock {
    /// Project's default working day; a file may declare another (`MinutesPerDay`).
    static let hoursPerDay = 8.0
    /// The working hours of a day on this clock (7.5 or 24 in some files).
    var hoursPerDay = Self.hoursPerDay
    /// Week 1's Monday for plans without `start`: a fixed date keeps exports reproducible.
    static let defaultStart = CivilDate(year: 2025, month: 1, day: 6)

    var start: CivilDate
    var daysPerWeek: Double
    /// The Monday of the start's week, and the working days of that week before the start.
    let monday: CivilDate
    let leadDays: Double

    init(calendar: WorkCalendar) {
        start = calendar.start ?? Self.defaultStart
        daysPerWeek = calendar.daysPerWeek
        let weekday = start.weekdayFromMonday
        monday = start.adding(days: -weekday)
        leadDays = min(Double(weekday), daysPerWeek)
    }

    var hoursPerWeek: Double { daysPerWeek * hoursPerDay }

    /// `2025-01-13T08:00:00`. An end on a day boundary is 17:00 of the day before.
    func dateTime(_ t: Double, as edge: WorkCalendar.Edge) -> String {
        let hours = ((t * daysPerWeek + leadDays) * Self.hoursPerDay * 1e6).rounded() / 1e6
        // Written on Project's standard 8-hour day: only import reads other day lengths.
        var day = Int((hours / Self.hoursPerDay).rounded(.down))
        var inDay = hours - Double(day) * Self.hoursPerDay
        if edge == .end && inDay == 0 && hours > 0 {
            day -= 1
            inDay = Self.hoursPerDay
        }
        let perWeek = Int(daysPerWeek)
        let week = day >= 0 ? day / perWeek : (day - perWeek + 1) / perWeek
        let date = monday.adding(days: week * 7 + (day - week * perWeek))
        let clock = inDay < 4 || (edge == .end && inDay == 4) ? 8 + inDay : 9 + inDay
        return "\(date)T\(Self.clockText(clock))"
    }

    /// The plan time of a date-time written by `dateTime` (or by Project on the same calendar).
    func time(of text: String) -> Double? {
        let parts = text.split(separator: "T")
        guard let first = parts.first, let date = CivilDate(iso: String(first)) else { return nil }
        var clock = 8.0
        if parts.count > 1 {
            let hms = parts[1].split(separator: ":").compactMap { Double($0) }
            guard !hms.isEmpty else { return nil }
            clock = hms[0] + (hms.count > 1 ? hms[1] / 60 : 0) + (hms.count > 2 ? hms[2] / 3600 : 0)
        }
        // The share of the working day gone: on the standard day 08:00-12:00 and
        // 13:00-17:00; a 24-hour day is all working time.
        let inDay = hoursPerDay >= 24 ? clock / 24 * Self.hoursPerDay
            : clock <= 12 ? max(0, clock - 8) : min(8, max(4, clock - 9))
        let days = date.daysSinceEpoch - monday.daysSinceEpoch
        let week = Int((Double(days) / 7).rounded(.down))
        let weekday = Double(days - week * 7)
        let lead = leadDays / daysPerWeek
        guard weekday < daysPerWeek else { return Double(week + 1) - lead }
        return Double(week) + (weekday + inDay / Self.hoursPerDay) / daysPerWeek - lead
    }

    /// `PT100H0M0S` for weeks of working time.
    func duration(_ weeks: Double) -> String {
        let seconds = Int64((weeks * hoursPerWeek * 3600).rounded())
        let sign = seconds < 0 ? "-" : ""
        let s = abs(seconds)
        return "\(sign)PT\(s / 3600)H\((s % 3600) / 60)M\(s % 60)S"
    }

    /// Weeks of working time in an ISO 8601 duration such as `PT100H0M0S` or `P2DT4H`.
    func weeks(ofDuration text: String) -> Double? {
        hours(ofDuration: text, hoursPerDay: hoursPerDay).map { $0 / hoursPerWeek }
    }

    /// Weeks of plan time in an elapsed duration (Project's `ed`, `eh` formats): a
    /// calendar week of 168 hours is a week of the plan, whatever its working days.
    func weeks(ofElapsedDuration text: String) -> Double? {
        hours(ofDuration: text, hoursPerDay: 24).map { $0 / (24 * 7) }
    }

    private func hours(ofDuration text: String, hoursPerDay: Double) -> Double? {
        guard let m = text.wholeMatch(of: Self.isoDuration) else { return nil }
        let days = m.2.flatMap { Double($0) } ?? 0
        let hours = (m.3.flatMap { Double($0) } ?? 0) + (m.4.flatMap { Double($0) } ?? 0) / 60 + (m.5.flatMap { Double($0) } ?? 0) / 3600
        let total = days * hoursPerDay + hours
        return m.1 == nil ? total : -total
    }

    static func clockText(_ hours: Double) -> String {
        let seconds = Int((hours * 3600).rounded())
        return "\(String(seconds / 3600).leftPadded(to: 2)):\(String((seconds % 3600) / 60).leftPadded(to: 2)):\(String(seconds % 60).leftPadded(to: 2))"
    }
}

// Swift parses a regex literal each time it is evaluated: built once here (see
// MarkdownPlanReader's patterns). A `Regex` is immutable once built.
extension WorkClock {
    nonisolated(unsafe) static let isoDuration = /(-)?P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?/
}
