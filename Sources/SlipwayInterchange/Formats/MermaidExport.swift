import Foundation
import SlipwayCore
import SlipwayScheduling

/// A Mermaid `gantt` block (mermaid.js.org/syntax/gantt.html) that GitHub renders
/// inside Markdown: a section per phase, then the constraints' mitigations and
/// other tasks; critical tasks tagged `crit`, finished ones `done`, started ones `active`.
///
/// Dates are working days with weekends excluded, as in the plan's calendar; a
/// task that starts within a day is drawn from the start of that day.
public enum MermaidExport {
    /// - Parameter shown: the tasks to draw, as a mask over `plan.tasks` (all when nil).
    /// - Complexity: O(*T* *P*) for *T* tasks and *P* phases.
    public static func render(plan: Plan, schedule: Schedule, shown: [Bool]? = nil) -> Interchange.Exported {
        let calendar = WorkCalendar(start: plan.calendar.start ?? WorkClock.defaultStart, daysPerWeek: plan.calendar.daysPerWeek)
        let timing = schedule.timing
        // Starts within a day (t = 11.5 is noon of a working day) need the hour, or
        // an import would move them to the start of the day.
        let dayParts = plan.tasks.indices.contains { i in
            let days = timing.earlyStart[i] * calendar.daysPerWeek
            return abs(days - days.rounded()) > 1e-6
        }
        // Every task needs a date: a start beyond the calendar's million weeks (only
        // sums of plan times near their limit reach one) is refused, not drawn.
        if let far = plan.tasks.indices.first(where: { (shown?[$0] ?? true) && calendar.date(at: timing.earlyStart[$0], as: .start) == nil }) {
            return Interchange.Exported(text: nil, diagnostics: [.error(.noDate, at: plan.tasks[far].location,
                "'\(plan.tasks[far].id)' starts at week \(timing.earlyStart[far].compact), beyond the dates a Mermaid chart can show (a million weeks from the start)")])
        }
        var out = ["```mermaid", "gantt", "    title \(clean(plan.title))", "    dateFormat \(dayParts ? "YYYY-MM-DD HH:mm" : "YYYY-MM-DD")", "    axisFormat %d %b"]
        // Holidays are days Mermaid skips too; an owner's leave it cannot know, so a
        // bar's length is the plan calendar's working days from its start to its
        // finish (leave inside it included), and Mermaid draws Slipway's dates.
        let holidays = PlanCalendars.declared(in: plan) ? PlanCalendars(plan: plan).plan : nil
        var excluded = calendar.daysPerWeek == 5 ? ["weekends"] : []
        for off in plan.holidays {
            var day = off.first
            while !(off.last < day) {
                if day.weekdayFromMonday < Int(calendar.daysPerWeek) { excluded.append(day.description) }
                day = day.adding(days: 1)
            }
        }
        if !excluded.isEmpty { out.append("    excludes " + excluded.joined(separator: ", ")) }
        let tasksByPhase = plan.tasksByPhase().map { tasks in tasks.filter { shown?[$0] ?? true } }
        var sections: [(String, [Int])] = plan.phases.indices.map { p in (plan.phases[p].name, tasksByPhase[p]) }
        let loose = plan.tasks.indices.filter { plan.phase(of: plan.tasks[$0]) == nil && (shown?[$0] ?? true) }
        sections.append(("Constraint mitigations", loose.filter { plan.tasks[$0].constraint != nil }))
        sections.append(("Other tasks", loose.filter { plan.tasks[$0].constraint == nil }))
        for (name, tasks) in sections where !tasks.isEmpty {
            out.append("    section \(clean(name))")
            for i in tasks {
                let task = plan.tasks[i]
                var tags: [String] = []
                if task.isMilestone { tags.append("milestone") }
                if timing.isCritical(i) { tags.append("crit") }
                if task.progress.actualFinish != nil || task.progress.percent == 100 { tags.append("done") } else if task.progress.actualStart != nil || (task.progress.percent ?? 0) > 0 { tags.append("active") }
                let id = task.id.map { $0 == "-" || $0 == "." ? "_" : $0 }
                let t = timing.earlyStart[i]
                var when = calendar.date(at: t, as: .start)?.description ?? ""
                if dayParts {
                    // The share of the working day gone, as the hour of a 24-hour day.
                    let days = (t * calendar.daysPerWeek * 1e6).rounded() / 1e6
                    let minutes = Int(((days - days.rounded(.down)) * 24 * 60).rounded())
                    when += " " + String(format: "%02d:%02d", minutes / 60, minutes % 60)
                }
                let weeks = holidays.map { $0.lag.reading(at: timing.earlyFinish[i]) - $0.lag.reading(at: t) } ?? schedule.duration(i)
                let days = weeks * calendar.daysPerWeek
                tags += [String(id), when, "\(((days * 1e6).rounded() / 1e6).compact)d"]
                out.append("    \(clean(task.title)) :\(tags.joined(separator: ", "))")
            }
        }
        out.append("```")
        return Interchange.Exported(text: out.joined(separator: "\n") + "\n", diagnostics: [])
    }

    /// Mermaid reads `:` as the start of task data and `#`, `;` as syntax; and
    /// where it is configured to draw labels as HTML (its `loose` security level),
    /// `<` and `>` would start tags: they become the single angle quotes ‹ ›.
    static func clean(_ text: String) -> String {
        text.replacingOccurrences(of: ":", with: " -").replacingOccurrences(of: ";", with: ",")
            .replacingOccurrences(of: "#", with: "no. ").replacingOccurrences(of: "\n", with: " ")
            .replacingOccurrences(of: "<", with: "‹").replacingOccurrences(of: ">", with: "›")
    }
}

extension DiagnosticCode {
    /// A time an export must write as a date lies beyond the calendar's dates.
    public static let noDate = DiagnosticCode("no-date")
}
