import SlipwayEngine
import SlipwayCore
import SlipwayReports
import SlipwayScheduling

/// An iCalendar file (RFC 5545) with the plan's milestones, constraint targets,
/// deadline and holidays as all-day events, so that they appear in people's calendars.
///
/// Text values are escaped (section 3.3.11: `\\`, `\;`, `\,`, `\n`), lines end in
/// CRLF and are folded at 75 octets without splitting a UTF-8 character
/// (section 3.1). `DTSTAMP` is the plan's start, so the same plan gives the same file.
public enum ICSExport {
    /// - Complexity: O(*T* + *C*).
    public static func render(plan: Plan, schedule: Schedule) -> Interchange.Exported {
        guard let start = plan.calendar.start else {
            return Interchange.Exported(text: nil, diagnostics: [.error(.noStart, at: nil, "the iCalendar export needs dates; add 'start: YYYY-MM-DD' (the Monday of week 1) to the plan")])
        }
        let stamp = "\(compact(start))T000000Z"
        let weeks = TimeFormat(calendar: plan.calendar)
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Slipway//slipway export//EN", "CALSCALE:GREGORIAN",
                     "X-WR-CALNAME:" + escape(plan.title)]
        func event(uid: String, at t: Double, summary: String, description: String) {
            let day = plan.calendar.date(at: t, as: .end) ?? start
            lines += ["BEGIN:VEVENT", "UID:\(uid)@slipway", "DTSTAMP:\(stamp)",
                      "DTSTART;VALUE=DATE:\(compact(day))", "DTEND;VALUE=DATE:\(compact(day.adding(days: 1)))",
                      "SUMMARY:" + escape(summary), "DESCRIPTION:" + escape(description), "TRANSP:TRANSPARENT", "END:VEVENT"]
        }
        for (i, task) in plan.tasks.enumerated() where task.isMilestone {
            let t = schedule.timing.earlyFinish[i]
            var text = "\(task.id): forecast \(weeks.moment(t))"
            if schedule.timing.isCritical(i) { text += ", on the critical path" }
            if let late = schedule.lateness(task: i, in: plan).lateBy { text += ", \(weeks.weeks(late)) weeks after it is due" }
            event(uid: "milestone-\(task.id)", at: t, summary: "Milestone: \(task.title)", description: text)
        }
        for r in schedule.resolutions {
            guard let target = r.target else { continue }
            let c = plan.constraints[r.constraint]
            var text = "\(c.id): \(c.title)\nTarget: \(weeks.moment(target)). Forecast resolution: \(weeks.moment(r.resolved))"
            text += r.lateBy.map { ", \(weeks.weeks($0)) weeks late." } ?? ", on time."
            let severity = c.severity.map { " (\($0.rawValue))" } ?? ""
            event(uid: "target-\(c.id)", at: target, summary: "Target: \(c.name ?? c.title)\(severity)", description: text)
        }
        // Holidays span their days (DTEND is the day after the last, RFC 5545 3.6.1)
        // and are free time: no one works on them. Owners' leave is their own business.
        for (h, off) in plan.holidays.enumerated() {
            lines += ["BEGIN:VEVENT", "UID:holiday-\(h + 1)-\(compact(off.first))@slipway", "DTSTAMP:\(stamp)",
                      "DTSTART;VALUE=DATE:\(compact(off.first))", "DTEND;VALUE=DATE:\(compact(off.last.adding(days: 1)))",
                      "SUMMARY:" + escape("Holiday: \(off.name ?? "no work")"),
                      "DESCRIPTION:" + escape("No one works on \(plan.title) \(off.first == off.last ? "this day" : "these days"); the schedule skips \(off.first == off.last ? "it" : "them")."),
                      "CATEGORIES:HOLIDAY", "TRANSP:TRANSPARENT", "END:VEVENT"]
        }
        if let deadline = plan.deadline {
            let late = schedule.lateness(in: plan).lateBy
            event(uid: "deadline", at: deadline, summary: "Deadline: \(plan.title)",
                  description: "Forecast finish: \(weeks.moment(schedule.finish))" + (late.map { ", \(weeks.weeks($0)) weeks late." } ?? ", on time."))
        }
        lines.append("END:VCALENDAR")
        return Interchange.Exported(text: lines.map(fold).joined(separator: "\r\n") + "\r\n", diagnostics: [])
    }

    /// `20250113`
    static func compact(_ d: CivilDate) -> String { d.description.replacingOccurrences(of: "-", with: "") }

    /// TEXT value escaping (RFC 5545, section 3.3.11).
    public static func escape(_ text: String) -> String {
        var out = ""
        for ch in text {
            switch ch {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n", "\r\n": out += "\\n"
            default: out.append(ch)
            }
        }
        return out
    }

    /// Folds a content line into lines of at most 75 octets, continuation lines
    /// starting with one space (RFC 5545, section 3.1).
    public static func fold(_ line: String) -> String {
        var result = ""
        var current = 0
        var limit = 75
        for ch in line {
            let size = String(ch).utf8.count
            if current + size > limit {
                result += "\r\n "
                current = 0
                limit = 74  // the leading space counts
            }
            result.append(ch)
            current += size
        }
        return result
    }
}

// The diagnostic codes raised here.
extension DiagnosticCode {
    public static let noStart = DiagnosticCode("no-start")
}
