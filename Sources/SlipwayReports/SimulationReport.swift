import SlipwayCore
import SlipwayScheduling

/// The risk simulation for people (table) and programs (JSON, section 4 of the contract).
public enum SimulationReport {
    /// `{"iterations", "seed", "finish": {mean, stdev, p10 ... p95}, "deadline",
    /// "probabilityOnTime", "criticality": {task id: share}}`, tasks in schedule order.
    public static func renderJSON(plan: Plan, schedule: Schedule, result r: RiskSimulation.Result) -> String {
        JSONOutput.encode(SimulationDocument(plan: plan, schedule: schedule, result: r))
    }

    /// The finish distribution as percentiles and a text histogram, the chance of
    /// meeting the deadline, and the tasks most often critical.
    public static func render(plan: Plan, schedule: Schedule, result r: RiskSimulation.Result, top: Int = 12) -> String {
        let f = TimeFormat(calendar: plan.calendar)
        func week(_ t: Double) -> String {
            let rounded = (t * 100).rounded() / 100
            return "week \(rounded.compact)" + (plan.calendar.date(at: t, as: .end).map { " (\($0))" } ?? "")
        }
        var out = "Risk of \(plan.title): \(r.iterations) iterations, seed \(r.seed)\n\n"
        out += "Deterministic finish (PERT means): \(week(schedule.finish))\n"
        out += "Simulated finish: mean \(week(r.mean)), standard deviation \(f.weeks(r.stdev)) weeks\n"
        var table = TextTable(headers: ["Chance", "Finish by"], alignments: [.right, .left])
        for (p, finish) in r.quantiles { table.add(["\(Int((p * 100).rounded()))%", week(finish)]) }
        out += "\n" + table.render()
        if let deadline = plan.deadline, let on = r.probabilityOnTime {
            out += "\nDeadline \(week(deadline)): \(percent(on)) chance to finish on time\n"
        }
        out += "\n" + histogram(r.finishes)
        let ranked = schedule.taskOrder.filter { r.criticality[$0] > 0 }
            .sorted { (-r.criticality[$0], $0) < (-r.criticality[$1], $1) }
        var critical = TextTable(headers: ["Critical in", "ID", "Title"], alignments: [.right, .left, .left])
        for i in ranked.prefix(top) {
            critical.add([percent(r.criticality[i]), plan.tasks[i].id, ScheduleTable.truncated(plan.tasks[i].title, 48)])
        }
        out += "\nMost often critical (\(ranked.count) tasks ever are):\n\n" + critical.render()
        return out
    }

    static func percent(_ share: Double) -> String { "\((share * 1000).rounded() / 10)%".replacingOccurrences(of: ".0%", with: "%") }

    /// Ten equal bins from the least to the greatest finish, as rows of '#'.
    static func histogram(_ sorted: [Double], bins: Int = 10, width: Int = 40) -> String {
        guard let low = sorted.first, let high = sorted.last, high - low > 1e-9 else { return "" }
        var counts = [Int](repeating: 0, count: bins)
        for t in sorted { counts[min(bins - 1, Int((t - low) / (high - low) * Double(bins)))] += 1 }
        let most = counts.max() ?? 1
        var out = "Finish distribution (weeks):\n"
        for (b, count) in counts.enumerated() {
            let from = low + (high - low) * Double(b) / Double(bins)
            let label = ((from * 100).rounded() / 100).compact
            out += String(repeating: " ", count: max(0, 7 - label.count)) + label + " | "
                + String(repeating: "#", count: Int((Double(count) / Double(most) * Double(width)).rounded())) + " \(count)\n"
        }
        return out
    }
}
