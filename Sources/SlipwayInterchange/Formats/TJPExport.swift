import SlipwayCore
import SlipwayScheduling

/// A TaskJuggler 3 project (taskjuggler.org/tj3/manual) with the plan's tasks,
/// dependencies and allocations, so that `tj3` can schedule it.
///
/// Durations are `length` in working days (8 hours each), so that TaskJuggler
/// counts working time as Slipway does. Phases are container tasks. A start
/// no earlier than (a phase window, `not-before`) becomes a dependency on a
/// milestone fixed at that date. Finish-to-start and start-to-start links with
/// non-negative lags map exactly (`gaplength`, `onstart`); finish-to-finish and
/// start-to-finish links, which TaskJuggler lacks, become the start-to-start
/// links they equal for fixed lengths. Negative gaps, which TaskJuggler lacks
/// too, are taken as 0 or left out, with a warning. Holidays are global
/// `leaves holiday`, an owner's leave `leaves annual` in its resource (and the
/// work of an owner with leave is `effort`, which TaskJuggler schedules on the
/// resource's days).
public enum TJPExport {
    /// - Complexity: O(*T* + *L*).
    public static func render(plan: Plan, schedule: Schedule) -> Interchange.Exported {
        let clock = WorkClock(calendar: plan.calendar)
        var diagnostics: [Diagnostic] = []
        let horizon = Int((schedule.finish * 7 / 5).rounded(.up)) * 2 + 8
        var out = ["project slipway \(quote(plan.title)) \(clock.start) +\(horizon)w {",
                   "  timezone \"UTC\"", "  timeformat \"%Y-%m-%d\""]
        if let c = plan.currency { out.append("  currency \(quote(c))") }
        out.append("}")
        out.append("")
        // Holidays for everyone, as global leaves; each owner's leave in its resource.
        for off in plan.holidays { out.append("leaves holiday \(quote(off.name ?? "Holiday")) \(interval(off))") }
        if !plan.holidays.isEmpty { out.append("") }
        for owner in plan.owners {
            let header = "resource \(tjID(owner.id)) \(quote(owner.name))"
            guard !owner.leave.isEmpty else { out.append(header); continue }
            out.append(header + " {")
            for off in owner.leave { out.append("  leaves annual \(interval(off))") }
            out.append("}")
        }
        if !plan.owners.isEmpty { out.append("") }
        let partTime = plan.owners.filter { !$0.availability.isEmpty }.map { "'\($0.id)'" }
        if !partTime.isEmpty {
            diagnostics.append(.warning(.notExported, at: nil, "TaskJuggler gets no availability for \(partTime.joined(separator: ", ")); their work is written at full time"))
        }

        // Fixed dates that tasks may not start before, as milestones.
        var releases: [Double] = []
        var seen = Set<Double>()
        func release(of i: Int) -> Double {
            max(plan.tasks[i].notBefore ?? 0, plan.phase(of: plan.tasks[i])?.windowStart ?? 0)
        }
        for i in plan.tasks.indices where release(of: i) > 0 && seen.insert(release(of: i)).inserted { releases.append(release(of: i)) }
        releases.sort()
        func releaseID(_ t: Double) -> String { "start_" + t.compact.replacingOccurrences(of: ".", with: "_") }
        for t in releases {
            let day = plan.calendar.start.map { WorkCalendar(start: $0, daysPerWeek: plan.calendar.daysPerWeek) } ?? WorkCalendar(start: clock.start, daysPerWeek: plan.calendar.daysPerWeek)
            out.append("task \(releaseID(t)) \(quote("No earlier than week \(Int(t) + 1)")) { start \(day.date(at: t, as: .start)!) milestone }")
        }
        if !releases.isEmpty { out.append("") }

        let predecessors = MSPDIExport.taskLinks(plan: plan, schedule: schedule, diagnostics: &diagnostics)
        var path = [String](repeating: "", count: plan.tasks.count)
        for (i, task) in plan.tasks.enumerated() {
            path[i] = plan.phase(of: task).map { tjID($0.id) + "." } .map { $0 + tjID(task.id) } ?? tjID(task.id)
        }
        func body(_ i: Int, indent: String) -> [String] {
            let task = plan.tasks[i]
            var lines = ["\(indent)task \(tjID(task.id)) \(quote(task.title)) {"]
            let weeks = schedule.duration(i)
            if task.isMilestone || weeks == 0 { lines.append("\(indent)  milestone") } else {
                let days = weeks * clock.daysPerWeek
                // Work of an owner with leave is effort: TaskJuggler's length counts
                // only the global calendar, effort the resource's own days.
                let onLeave = task.demands.count == 1 && task.demands[0].units == 1
                    && task.demands[0].ownerIndex.map { !plan.owners[$0].leave.isEmpty } == true
                lines.append("\(indent)  \(onLeave ? "effort" : "length") " + (days == days.rounded() ? "\(days.compact)d" : "\((days * WorkClock.hoursPerDay).compact)h"))
            }
            let r = release(of: i)
            if r > 0 { lines.append("\(indent)  depends \(releaseID(r))") }
            for original in predecessors[i] {
                var link = original
                let from = plan.tasks[link.from].id
                // TaskJuggler has no FF or SF links for tasks scheduled as soon as
                // possible, but with fixed lengths they are start-to-start links:
                // FF+L is SS + (d_from + L - d_to), SF+L is SS + (L - d_to).
                if link.type == .finishToFinish || link.type == .startToFinish {
                    let dFrom = schedule.duration(link.from)
                    let lag = (link.type == .finishToFinish ? dFrom : 0) + link.lag - weeks
                    guard lag >= -1e-9 else {
                        diagnostics.append(.warning(.notExported, at: task.location, "TaskJuggler has no \(link.type.rawValue) links, and '\(task.id)' after '\(from)' would be a start-to-start link with a negative gap (\(lag.compact)w); it is left out"))
                        continue
                    }
                    link.type = .startToStart
                    link.lag = max(0, lag)
                }
                guard link.type == .finishToStart || link.type == .startToStart else { continue }
                var attributes: [String] = []
                if link.type == .startToStart { attributes.append("onstart") }
                if link.lag < 0 {
                    diagnostics.append(.warning(.notExported, at: task.location, "TaskJuggler has no negative gaps; the lag of '\(task.id)' after '\(from)' is taken as 0"))
                } else if link.lag > 0 {
                    attributes.append("gaplength \((link.lag * clock.daysPerWeek * WorkClock.hoursPerDay).compact)h")
                }
                lines.append("\(indent)  depends \(path[link.from])" + (attributes.isEmpty ? "" : " { \(attributes.joined(separator: " ")) }"))
            }
            for demand in task.demands where demand.ownerIndex != nil {
                lines.append("\(indent)  allocate \(tjID(demand.owner))")
            }
            if task.owner != nil || !task.needs.isEmpty, task.demands.contains(where: { $0.units != 1 }) {
                diagnostics.append(.warning(.notExported, at: task.location, "'\(task.id)' needs fractional or several units; TaskJuggler allocates whole resources"))
            }
            lines.append("\(indent)}")
            return lines
        }
        let tasksByPhase = plan.tasksByPhase()
        for (p, phase) in plan.phases.enumerated() {
            let tasks = tasksByPhase[p]
            guard !tasks.isEmpty else { continue }
            out.append("task \(tjID(phase.id)) \(quote(phase.name)) {")
            for i in tasks { out += body(i, indent: "  ") }
            out.append("}")
        }
        for i in plan.tasks.indices where plan.phase(of: plan.tasks[i]) == nil { out += body(i, indent: "") }
        return Interchange.Exported(text: out.joined(separator: "\n") + "\n", diagnostics: diagnostics)
    }

    /// A day (`2025-01-20`) or a range of days; TaskJuggler's interval excludes
    /// its end date, so a range ends the day after its last day.
    static func interval(_ off: DaysOff) -> String {
        off.first == off.last ? "\(off.first)" : "\(off.first) - \(off.last.adding(days: 1))"
    }

    /// TaskJuggler ids are `[a-zA-Z_][a-zA-Z0-9_]*`.
    static func tjID(_ id: String) -> String {
        let body = String(id.map { $0.isLetter || $0.isNumber ? $0 : "_" })
        return body.first?.isNumber == true ? "t_" + body : body
    }

    static func quote(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\n", with: " ") + "\""
    }
}

// The diagnostic codes raised here.
extension DiagnosticCode {
    public static let notExported = DiagnosticCode("not-exported")
}
