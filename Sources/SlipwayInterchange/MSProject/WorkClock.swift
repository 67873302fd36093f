import SlipwayCore

/// Plan time in weeks <-> date-times on Microsoft Project's standard calendar:
/// working days Monday first, 08:00-12:00 and 13:00-17:00 (8 hours a day).
struct WorkClock {
    static let hoursPerDay = 8.0
    /// Week 1's Monday for plans without `start`: a fixed date keeps exports reproducible.
    static let defaultStart = CivilDate(year: 2025, month: 1, day: 6)

    var start: CivilDate
    var daysPerWeek: Double

    init(calendar: WorkCalendar) {
        start = calendar.start ?? Self.defaultStart
        daysPerWeek = calendar.daysPerWeek
    }

    var hoursPerWeek: Double { daysPerWeek * Self.hoursPerDay }

    /// `2025-01-13T08:00:00`. An end on a day boundary is 17:00 of the day before.
    func dateTime(_ t: Double, as edge: WorkCalendar.Edge) -> String {
        let hours = ((t * hoursPerWeek) * 1e6).rounded() / 1e6
        var day = Int((hours / Self.hoursPerDay).rounded(.down))
        var inDay = hours - Double(day) * Self.hoursPerDay
        if edge == .end && inDay == 0 && hours > 0 {
            day -= 1
            inDay = Self.hoursPerDay
        }
        let perWeek = Int(daysPerWeek)
        let week = day >= 0 ? day / perWeek : (day - perWeek + 1) / perWeek
        let date = start.adding(days: week * 7 + (day - week * perWeek))
        let clock = inDay < 4 || (edge == .end && inDay == 4) ? 8 + inDay : 9 + inDay
        return "\(date)T\(Self.clockText(clock))"
    }

    /// The plan time of a date-time written by `dateTime` (or by Project on the same calendar).
    func time(of text: String) -> Double? {
        let parts = text.split(separator: "T")
        guard let date = CivilDate(iso: String(parts[0])) else { return nil }
        var clock = 8.0
        if parts.count > 1 {
            let hms = parts[1].split(separator: ":").compactMap { Double($0) }
            guard !hms.isEmpty else { return nil }
            clock = hms[0] + (hms.count > 1 ? hms[1] / 60 : 0) + (hms.count > 2 ? hms[2] / 3600 : 0)
        }
        let inDay = clock <= 12 ? max(0, clock - 8) : min(8, max(4, clock - 9))
        let days = date.daysSinceEpoch - start.daysSinceEpoch
        let week = Int((Double(days) / 7).rounded(.down))
        let weekday = Double(days - week * 7)
        guard weekday < daysPerWeek else { return Double(week + 1) }
        return Double(week) + (weekday + inDay / Self.hoursPerDay) / daysPerWeek
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
        guard let m = text.wholeMatch(of: /(-)?P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?/) else { return nil }
        let days = m.2.flatMap { Double($0) } ?? 0
        let hours = (m.3.flatMap { Double($0) } ?? 0) + (m.4.flatMap { Double($0) } ?? 0) / 60 + (m.5.flatMap { Double($0) } ?? 0) / 3600
        let total = (days * Self.hoursPerDay + hours) / hoursPerWeek
        return m.1 == nil ? total : -total
    }

    static func clockText(_ hours: Double) -> String {
        let seconds = Int((hours * 3600).rounded())
        return "\(String(seconds / 3600).leftPadded(to: 2)):\(String((seconds % 3600) / 60).leftPadded(to: 2)):\(String(seconds % 60).leftPadded(to: 2))"
    }
}
