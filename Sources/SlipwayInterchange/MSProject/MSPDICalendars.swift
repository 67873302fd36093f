import SlipwayCore

/// The non-working exceptions of an MSPDI file's calendars: the project's
/// calendar gives the plan's holidays, a resource's own calendar that
/// resource's leave (the exceptions it adds to the project's).
///
/// Two forms are read: `<Exceptions><Exception>` (Project 2007 and later) and,
/// when a calendar has none, the older `<WeekDay>` entries of `DayType` 0 with
/// a `TimePeriod`. Exceptions that make a day working, recurring exceptions
/// other than a plain range of days, and days outside ten years from the start
/// are left out with a warning each (the far ones counted in one).
struct MSPDICalendars {
    /// The plan's holidays.
    var holidays: [DaysOff] = []
    /// Per resource calendar UID, the days off it adds to the project's.
    var leave: [String: [DaysOff]] = [:]

    /// - Complexity: O(*c* + *e*) in calendars and exceptions.
    init(project: XMLTree.Element, start: CivilDate?, warn: (String, XMLTree.Element) -> Void) {
        let calendars = project.children("Calendars", "Calendar")
        guard !calendars.isEmpty else { return }
        let projectUID = project.value("CalendarUID") ?? calendars.first { $0.value("IsBaseCalendar") == "1" }?.value("UID")
        var far = 0
        let window = start.map { ($0, $0.adding(days: 366 * 10)) }
        func read(_ calendar: XMLTree.Element) -> [DaysOff] {
            var days: [DaysOff] = []
            let exceptions = calendar.children("Exceptions", "Exception")
            let entries = exceptions.isEmpty ? calendar.children("WeekDays", "WeekDay").filter { $0.value("DayType") == "0" } : exceptions
            let name = calendar.value("Name") ?? "calendar \(calendar.value("UID") ?? "?")"
            for entry in entries {
                guard let period = entry.elements(forName: "TimePeriod").first,
                      let first = period.value("FromDate").flatMap({ CivilDate(iso: String($0.prefix(10))) }),
                      let last = period.value("ToDate").flatMap({ CivilDate(iso: String($0.prefix(10))) }), !(last < first) else {
                    warn("an exception of calendar '\(name)' has no readable dates; it is left out", entry)
                    continue
                }
                if entry.value("DayWorking") == "1" {
                    warn("calendar '\(name)' makes \(first)\(first == last ? "" : " to \(last)") working time; a plan has only days off, so it is left out", entry)
                    continue
                }
                // Type 1 is a daily recurrence: every day of the period.
                if let type = entry.value("Type"), type != "1" {
                    warn("calendar '\(name)' has a recurring exception (type \(type)) from \(first); only plain ranges of days are imported, so it is left out", entry)
                    continue
                }
                if let (from, to) = window, last < from || to < first {
                    far += 1
                    continue
                }
                let label = entry.value("Name").flatMap { $0.isEmpty ? nil : $0 }
                let off = DaysOff(name: label, first: first, last: last, location: SourceLocation(line: entry.line, column: entry.column))
                if !days.contains(where: { $0.first == off.first && $0.last == off.last }) { days.append(off) }
            }
            return days
        }
        for calendar in calendars {
            guard let uid = calendar.value("UID") else { continue }
            if uid == projectUID {
                holidays = read(calendar)
            } else if calendar.value("IsBaseCalendar") != "1" {
                leave[uid] = read(calendar)
            }
        }
        // A resource calendar may repeat the project's holidays: they are not leave.
        for (uid, days) in leave {
            leave[uid] = days.filter { off in !holidays.contains { $0.first == off.first && $0.last == off.last } }
        }
        if far > 0 {
            warn("\(far) calendar exceptions more than ten years from the project's start or before it are left out", project)
        }
    }

    /// The hours a working day of the project's calendar holds, when every working
    /// weekday holds the same (08:00-12:00 and 13:00-17:00: 8). Project places a
    /// duration's hours on these, whatever `MinutesPerDay` says a "day" is.
    ///
    /// - Complexity: O(*w*) in the calendar's week days and working times.
    static func workingHoursPerDay(project: XMLTree.Element) -> Double? {
        let calendars = project.children("Calendars", "Calendar")
        let uid = project.value("CalendarUID") ?? calendars.first { $0.value("IsBaseCalendar") == "1" }?.value("UID")
        guard let calendar = calendars.first(where: { $0.value("UID") == uid }) else { return nil }
        func hours(_ clock: String) -> Double? {
            let parts = clock.split(separator: ":").compactMap { Double($0) }
            guard parts.count >= 2 else { return nil }
            return parts[0] + parts[1] / 60 + (parts.count > 2 ? parts[2] / 3600 : 0)
        }
        var perDay: Set<Double> = []
        for day in calendar.children("WeekDays", "WeekDay") {
            guard let type = day.value("DayType").flatMap(Int.init), (1...7).contains(type), day.value("DayWorking") == "1" else { continue }
            var total = 0.0
            for time in day.children("WorkingTimes", "WorkingTime") {
                guard let from = time.value("FromTime").flatMap(hours), var to = time.value("ToTime").flatMap(hours) else { return nil }
                if to <= from { to += 24 }  // 00:00 as an end is midnight
                total += to - from
            }
            guard total > 0 else { return nil }
            perDay.insert((total * 1e6).rounded() / 1e6)
        }
        return perDay.count == 1 ? perDay.first : nil
    }
}
