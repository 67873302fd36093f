import SlipwayCore
import SlipwayScheduling

/// The answer to "what if these tasks slip?": finish, deadline, the tasks that
/// move, the targets and phase windows that now fail, and the critical path.
public enum SlipReport {
    /// `+1w`, `-0.5w`, `0w`.
    public static func signed(_ weeks: Double) -> String {
        let r = (weeks * 100).rounded() / 100
        return (r > 0 ? "+" : "") + r.compact + "w"
    }

    /// `x takes 1w longer`, `x takes 0.4w less`, `x starts 1w later`, `x starts 2w
    /// earlier`; a started task's start is history, so a start slip moves its
    /// remaining work, and says so.
    static func describe(_ slip: SlipAnalysis.Slip, plan: Plan) -> String {
        let task = plan.tasks[slip.task]
        let amount = abs(slip.by).compact + "w"
        let started = Forecast(task: task, statusDate: plan.statusDate).state == .started
        if (slip.start || task.isMilestone) && !started {
            return "\(task.id) starts \(amount) \(slip.by >= 0 ? "later" : "earlier")"
        }
        let change = "\(amount) \(slip.by >= 0 ? "longer" : "less")"
        return started ? "\(task.id) (started) takes \(change) to finish" : "\(task.id) takes \(change)"
    }

    static func clampNote(_ j: Int, plan: Plan, slips: [SlipAnalysis.Slip]) -> String {
        let task = plan.tasks[j]
        let started = Forecast(task: task, statusDate: plan.statusDate).state == .started
        if let s = plan.statusDate, slips.contains(where: { $0.task == j && ($0.start || task.isMilestone) }), !started {
            return "Note: '\(task.id)' has not started and cannot start before the status date (week \(s.compact)); its start stops there.\n"
        }
        return "Note: '\(task.id)' cannot take less than no time; its slip stops at 0 weeks.\n"
    }

    public static func render(plan: Plan, result r: SlipAnalysis.Outcome) -> String {
        let f = TimeFormat(calendar: plan.calendar)
        var out = "What if " + r.slips.map { describe($0, plan: plan) }.joined(separator: ", ") + "?\n\n"
        out += "Finish: week \(f.weeks(r.before.finish)) -> week \(f.weeks(r.after.finish)) (\(signed(r.finishDelta)))"
        if let date = plan.calendar.date(at: r.after.finish, as: .end) { out += ", \(date)" }
        out += "\n"
        if let deadline = plan.deadline {
            out += "Deadline week \(f.weeks(deadline)): " + status(before: r.before.lateBy, after: r.after.lateBy) + "\n"
        }
        for j in r.clamped { out += clampNote(j, plan: plan, slips: r.slips) }

        out += "\nTasks that move (\(r.moves.count)):\n"
        if r.moves.isEmpty {
            out += "  none\n"
        } else {
            var table = TextTable(headers: ["ID", "Start", "Finish", "Moves"], alignments: [.left, .right, .right, .right])
            for m in r.moves {
                table.add([plan.tasks[m.task].id, span(m.startBefore, m.startAfter, f), span(m.finishBefore, m.finishAfter, f),
                           moveText(m)])
            }
            out += table.render()
        }

        let targets = r.after.resolutions.filter { $0.target != nil }
        if !targets.isEmpty {
            out += "\nConstraint targets:\n"
            var table = TextTable(headers: ["Constraint", "Target", "Resolved", "Status"], alignments: [.left, .right, .right, .left])
            for (b, a) in zip(r.before.resolutions, r.after.resolutions) where a.target != nil {
                table.add([plan.constraints[a.constraint].id, "week \(f.weeks(a.target!))", span(b.resolved, a.resolved, f),
                           status(before: b.lateBy, after: a.lateBy)])
            }
            out += table.render()
        }

        let phaseChanges = plan.tasks.indices.filter { r.after.phaseOverrun[$0] != nil && r.before.phaseOverrun[$0] == nil }
        out += "\nPhase windows now overrun: " + (phaseChanges.isEmpty ? "none\n" : "\n")
        for i in phaseChanges {
            let phase = plan.phase(of: plan.tasks[i])!
            out += "  \(plan.tasks[i].id) finishes week \(f.weeks(r.after.timing.earlyFinish[i])), \(f.weeks(r.after.phaseOverrun[i]!))w past '\(phase.id)' (weeks \(phase.weeksText ?? ""))\n"
        }
        let dueChanges = plan.tasks.indices.filter { r.after.dueLate[$0] != nil && r.before.dueLate[$0] == nil }
        if !dueChanges.isEmpty {
            out += "Due dates now missed:\n"
            for i in dueChanges { out += "  \(plan.tasks[i].id) \(f.weeks(r.after.dueLate[i]!))w late (due week \(f.weeks(plan.tasks[i].due!)))\n" }
        }

        out += "\nCritical path: " + r.after.criticalPath.map { plan.tasks[$0].id }.joined(separator: " -> ") + "\n"
        let became = plan.tasks.indices.filter { r.after.isCritical(task: $0) && !r.before.isCritical(task: $0) }
        let left = plan.tasks.indices.filter { !r.after.isCritical(task: $0) && r.before.isCritical(task: $0) }
        out += "Became critical: " + (became.isEmpty ? "none" : became.map { plan.tasks[$0].id }.joined(separator: ", ")) + "\n"
        out += "No longer critical: " + (left.isEmpty ? "none" : left.map { plan.tasks[$0].id }.joined(separator: ", ")) + "\n"
        return out
    }

    static func moveText(_ m: SlipAnalysis.Move) -> String {
        if abs(m.startDelta - m.finishDelta) < 1e-9 { return signed(m.finishDelta) }
        if abs(m.startDelta) < 1e-9 { return "finish \(signed(m.finishDelta))" }
        if abs(m.finishDelta) < 1e-9 { return "start \(signed(m.startDelta))" }
        return "start \(signed(m.startDelta)), finish \(signed(m.finishDelta))"
    }

    static func span(_ a: Double, _ b: Double, _ f: TimeFormat) -> String {
        abs(a - b) <= 1e-9 ? f.weeks(a) : "\(f.weeks(a)) -> \(f.weeks(b))"
    }

    static func status(before: Double?, after: Double?) -> String {
        switch (before, after) {
        case (nil, nil): return "holds"
        case (nil, let a?): return "NOW MISSED by \(a.compact)w"
        case (_?, nil): return "now met"
        case (let b?, let a?):
            if abs(a - b) <= 1e-9 { return "still missed by \(a.compact)w" }
            return "still missed, by \(a.compact)w (was \(b.compact)w)"
        }
    }

    public static func renderJSON(plan: Plan, result r: SlipAnalysis.Outcome) -> String {
        JSONOutput.encode(SlipDocument(plan: plan, result: r))
    }
}
