import SlipwayEngine
import SlipwayCore

/// Reads a Mermaid gantt chart (mermaid.js.org/syntax/gantt.html) into a plan:
/// `title`, `dateFormat YYYY-MM-DD`, `excludes weekends` (and excluded dates, as
/// holidays), a phase per `section`,
/// and each task line `Title :[done|active|crit|milestone,] [id,] start, end|duration`
/// where the start is a date or `after id ...` and the end a date or a duration
/// (`5d`, `2w`, `8h`). Starts given as dates become `not-before` dates, `after`
/// links finish-to-start links; `done` and `active` become progress at their
/// dates; `crit` is what the schedule computes, so it is not read. A file of
/// Markdown is searched for its ```` ```mermaid ```` block.
///
/// Slipway's own Mermaid export reads back to the same schedule: every task at
/// its date, with its duration.
public enum MermaidImport {
    public struct Result: Sendable {
        public var plan: Plan
        public var warnings: [Diagnostic]
    }

    public enum Outcome: Sendable {
        case imported(Result)
        case failed(Diagnostic)
    }

    /// - Complexity: O(*n*) in the lines, with O(1) expected per id.
    public static func run(text: String) -> Outcome {
        // CRLF, CR and a BOM as any Markdown (MarkdownLines): "\r\n" is one Character in Swift.
        var lines = MarkdownLines.split(text)
        var offset = 0
        // In Markdown, the first mermaid block that holds a gantt chart.
        if let open = lines.firstIndex(where: { $0.trimmed.hasPrefix("```mermaid") }) {
            let close = lines[(open + 1)...].firstIndex { $0.trimmed.hasPrefix("```") } ?? lines.count
            offset = open + 1
            lines = Array(lines[(open + 1)..<close])
        }
        guard let ganttLine = lines.firstIndex(where: { $0.trimmed == "gantt" }) else {
            return .failed(.error(.notMermaidGantt, at: SourceLocation(line: 1, column: 1),
                                  "no Mermaid gantt chart here: a chart starts with a line 'gantt' (in Markdown, inside a ```mermaid block)"))
        }
        var warnings: [Diagnostic] = []
        func at(_ k: Int) -> SourceLocation { SourceLocation(line: offset + k + 1, column: 1) }
        var title = "Imported gantt chart", weekends = false
        var excludedDays: [(date: CivilDate, line: Int)] = []
        var phases: [(name: String, line: Int)] = []
        struct Row { var title: String; var tags: Set<String>; var id: String?; var start: String?; var end: String?; var phase: Int?; var line: Int }
        var rows: [Row] = []
        for k in (ganttLine + 1)..<lines.count {
            let line = lines[k].trimmed
            if line.isEmpty || line.hasPrefix("%%") { continue }
            let lower = line.lowercased()
            if lower.hasPrefix("title ") { title = String(line.dropFirst(6)).trimmed; continue }
            if lower.hasPrefix("dateformat ") {
                let format = String(line.dropFirst(11)).trimmed
                if format != "YYYY-MM-DD" && format != "YYYY-MM-DD HH:mm" {
                    return .failed(.error(.unsupportedMermaid, at: at(k), "dateFormat '\(format)' is not read; Slipway reads dates written YYYY-MM-DD (with HH:mm or not)"))
                }
                continue
            }
            if lower.hasPrefix("excludes ") {
                // `excludes weekends, 2025-01-20`: dates are days no one works.
                let items = lower.dropFirst(9).split { $0 == "," || $0 == " " }.map(String.init)
                weekends = weekends || items.contains("weekends")
                excludedDays += items.compactMap { CivilDate(iso: $0).map { ($0, k) } }
                continue
            }
            if lower.hasPrefix("axisformat") || lower.hasPrefix("tickinterval") || lower.hasPrefix("todaymarker")
                || lower.hasPrefix("weekday") || lower.hasPrefix("includes") || lower.hasPrefix("inclusiveenddates") { continue }
            if lower.hasPrefix("section ") { phases.append((String(line.dropFirst(8)).trimmed, k)); continue }
            guard let colon = line.firstIndex(of: ":") else {
                warnings.append(.warning(.notImported, at: at(k), "'\(line)' is not a task line ('Title :data'); it was not imported"))
                continue
            }
            let name = String(line[..<colon]).trimmed
            var items = line[line.index(after: colon)...].split(separator: ",").map { String($0).trimmed }
            var tags = Set<String>()
            while let first = items.first, ["done", "active", "crit", "milestone"].contains(first.lowercased()) {
                tags.insert(first.lowercased())
                items.removeFirst()
            }
            var row = Row(title: name, tags: tags, id: nil, start: nil, end: nil, phase: phases.isEmpty ? nil : phases.count - 1, line: k)
            switch items.count {
            case 1: row.end = items[0]
            case 2: row.start = items[0]; row.end = items[1]
            case 3: row.id = items[0]; row.start = items[1]; row.end = items[2]
            default:
                warnings.append(.warning(.notImported, at: at(k), "task '\(name)' has \(items.count) data items; a task takes at most an id, a start and an end or duration"))
                continue
            }
            rows.append(row)
        }
        guard !rows.isEmpty else {
            return .failed(.error(.notMermaidGantt, at: at(ganttLine), "the gantt chart has no task lines ('Title :id, 2025-01-13, 5d')"))
        }
        // The plan starts on the Monday of the earliest date.
        let dates = rows.compactMap { $0.start.flatMap(dateAndTime)?.0 }
        let first = dates.min { $0.daysSinceEpoch < $1.daysSinceEpoch } ?? WorkClock.defaultStart
        let start = first.adding(days: -first.weekdayFromMonday)
        var plan = Plan(title: title)
        plan.calendar = WorkCalendar(start: start, daysPerWeek: weekends ? 5 : 7)
        plan.holidays = excludedDays.map { DaysOff(first: $0.date, location: at($0.line)) }
        let calendar = plan.calendar
        // Durations between two dates are the working time between them: holidays are not work.
        let holidays = plan.holidays.isEmpty ? nil : PlanCalendars(plan: plan).plan
        plan.phases = phases.enumerated().map { p, section in
            Phase(id: "section-\(p + 1)", name: section.name, location: at(section.line))
        }
        var ids = Set<String>()
        func unique(_ base: String) -> String {
            var id = base.isEmpty ? "task" : base, n = 2
            while ids.contains(id) { id = "\(base)-\(n)"; n += 1 }
            ids.insert(id)
            return id
        }
        var finishOf: [String: CivilDate] = [:]
        var previous: Int?
        for row in rows {
            let id = unique(row.id.map(kebab) ?? kebab(row.title))
            var task = PlanTask(id: id, title: row.title, estimate: .zero, location: at(row.line))
            task.phase = row.phase.map { plan.phases[$0].id }
            task.isMilestone = row.tags.contains("milestone")
            var startDate: CivilDate?
            if let s = row.start {
                if s.lowercased().hasPrefix("after ") {
                    for predecessor in s.dropFirst(6).split(separator: " ") {
                        task.after.append(Dependency(id: kebab(String(predecessor)), location: at(row.line)))
                    }
                } else if let (date, dayShare) = dateAndTime(s) {
                    startDate = date
                    // A time of day is the share of that working day gone.
                    task.notBefore = calendar.time(of: date, as: .start).map { $0 + dayShare / calendar.daysPerWeek }
                } else {
                    warnings.append(.warning(.notImported, at: at(row.line), "start '\(s)' of '\(row.title)' is neither a date YYYY-MM-DD nor 'after id'; it starts after the task above"))
                }
            } else if let previous {
                // One item: the task follows the one above it.
                task.after.append(Dependency(id: plan.tasks[previous].id, location: at(row.line)))
            }
            let weeks = row.end.flatMap { duration($0, from: startDate, calendar: calendar, holidays: holidays) }
            if let weeks { task.estimate = .fixed(task.isMilestone ? 0 : weeks) } else if !task.isMilestone {
                warnings.append(.warning(.defaultEstimate, at: at(row.line), "'\(row.end ?? "")' of '\(row.title)' is not a duration or an end date; it is given 1 day"))
                task.estimate = .fixed(1 / calendar.daysPerWeek)
            }
            if task.isMilestone { task.estimate = .zero }
            if let startDate {
                let end = calendar.date(at: (task.notBefore ?? 0) + task.duration, as: .end) ?? startDate
                finishOf[id] = end
                // Done and active work happened at its dates; the status date is after the last of them.
                if row.tags.contains("done") {
                    task.progress.actualStart = task.notBefore
                    task.progress.actualFinish = (task.notBefore ?? 0) + task.duration
                    plan.statusDate = max(plan.statusDate ?? 0, task.progress.actualFinish ?? 0)
                } else if row.tags.contains("active") {
                    task.progress.actualStart = task.notBefore
                    plan.statusDate = max(plan.statusDate ?? 0, task.notBefore ?? 0)
                    warnings.append(.warning(.notImported, at: at(row.line), "'\(row.title)' is active but Mermaid gives no share done; it is taken as started, with all its work ahead"))
                }
            } else if row.tags.contains("done") || row.tags.contains("active") {
                warnings.append(.warning(.notImported, at: at(row.line), "'\(row.title)' is \(row.tags.contains("done") ? "done" : "active") but has no start date to place it; its progress was not imported"))
            }
            previous = plan.tasks.count
            plan.tasks.append(task)
        }
        return .imported(Result(plan: plan, warnings: warnings))
    }

    /// `2025-03-31` or `2025-03-31 12:00` (the share of a 24-hour day: 0.5).
    static func dateAndTime(_ text: String) -> (CivilDate, Double)? {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        guard let first = parts.first, let date = CivilDate(iso: String(first)) else { return nil }
        guard parts.count == 2 else { return parts.count == 1 ? (date, 0) : nil }
        let clock = parts[1].split(separator: ":")
        guard clock.count == 2, let h = Int(clock[0]), let m = Int(clock[1]), (0..<24).contains(h), (0..<60).contains(m) else { return nil }
        return (date, Double(h * 60 + m) / 1440)
    }

    /// `5d`, `2w`, `8h` (a working day of 8 hours), `1.5d`, or an end date.
    static func duration(_ text: String, from start: CivilDate?, calendar: WorkCalendar, holidays: WorkingTime? = nil) -> Double? {
        let t = text.lowercased()
        if let (date, _) = dateAndTime(text), let start, let a = calendar.time(of: start, as: .start), let b = calendar.time(of: date, as: .end) {
            return max(0, holidays.map { $0.work(from: a, to: b) } ?? (b - a))
        }
        guard let unit = t.last, let value = Double(t.dropLast()), value >= 0, value.isFinite else { return nil }
        switch unit {
        case "d": return value / calendar.daysPerWeek
        case "w": return value
        case "h": return value / 8 / calendar.daysPerWeek
        default: return nil
        }
    }

    /// Ids as a plan writes them: lower case, `_` and spaces as `-`.
    static func kebab(_ text: String) -> String { TrackerNames.kebab(text.replacingOccurrences(of: "_", with: "-")) }
}

// The diagnostic codes raised here.
extension DiagnosticCode {
    public static let notMermaidGantt = DiagnosticCode("not-mermaid-gantt")
    public static let unsupportedMermaid = DiagnosticCode("unsupported-mermaid")
}

private extension StringProtocol {
    /// Without the spaces and tabs at either end.
    var trimmed: String {
        var s = Substring(self)
        while let c = s.first, c == " " || c == "\t" { s.removeFirst() }
        while let c = s.last, c == " " || c == "\t" { s.removeLast() }
        return String(s)
    }
}
