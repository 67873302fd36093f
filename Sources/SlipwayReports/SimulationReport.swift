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
        var out = "Risk of \(plan.title): \(r.iterations) iterations, seed \(r.seed)\(r.leveled ? ", every iteration leveled by owner capacity" : "")\n\n"
        out += "Deterministic finish (PERT means\(schedule.leveling != nil ? ", leveled" : "")): \(week(schedule.finish))\n"
        out += "Simulated finish: mean \(week(r.mean)), standard deviation \(f.weeks(r.stdev)) weeks\n"
        var table = TextTable(headers: ["Chance", "Finish by"], alignments: [.right, .left])
        for (p, finish) in r.quantiles { table.add(["\(Int((p * 100).rounded()))%", week(finish)]) }
        out += "\n" + table.render()
        if let deadline = plan.deadline, let on = r.probabilityOnTime {
            out += "\nDeadline \(week(deadline)): \(percent(on)) chance to finish on time\n"
        }
        out += "\n" + histogram(r.finishes)
        if !plan.risks.isEmpty {
            var risks = TextTable(headers: ["Risk", "Probability", "Occurred", "Adds when it occurs", "Cruciality", "On"],
                                  alignments: [.left, .right, .right, .right, .right, .left])
            for outcome in r.risks {
                let risk = plan.risks[outcome.risk]
                guard outcome.included else {
                    risks.add([risk.id, percent(risk.probability), "left out", "-", "-", risk.on.map(\.id).joined(separator: ", ")])
                    continue
                }
                risks.add([risk.id, percent(risk.probability), percent(outcome.occurrence),
                           outcome.meanContribution.map { "\(f.weeks($0))w" } ?? "-",
                           outcome.cruciality.map { ((($0 * 100).rounded()) / 100).compact } ?? "-",
                           risk.on.map(\.id).joined(separator: ", ")])
            }
            out += "\nRisk events (what a risk adds: the mean finish when it occurs less the mean when it does not):\n\n" + risks.render()
        }
        let drivers = driverRows(plan: plan, result: r)
        if !drivers.isEmpty {
            var table = TextTable(headers: ["Driver", "Kind", "Cruciality", "SSI", "Critical in"], alignments: [.left, .left, .right, .right, .right])
            for d in drivers {
                table.add([d.name, d.isRisk ? "risk" : "task", d.cruciality.map { ((($0 * 100).rounded()) / 100).compact } ?? "-",
                           (((d.sensitivity * 100).rounded()) / 100).compact, percent(d.criticality)])
            }
            out += "\nTop drivers of the finish (cruciality: correlation of the draw with the finish; SSI: criticality x sd(task) / sd(finish)):\n\n" + table.render()
        }
        let ranked = schedule.taskOrder.filter { r.criticality[$0] > 0 }
            .sorted { (-r.criticality[$0], $0) < (-r.criticality[$1], $1) }
        var critical = TextTable(headers: ["Critical in", "ID", "Title"], alignments: [.right, .left, .left])
        for i in ranked.prefix(top) {
            critical.add([percent(r.criticality[i]), plan.tasks[i].id, ScheduleTable.truncated(plan.tasks[i].title, 48)])
        }
        out += "\nMost often critical (\(ranked.count) tasks ever are):\n\n" + critical.render()
        return out
    }

    static func percent(_ share: Double) -> String { HeadlineText.percent(share) }
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

    /// One row of the drivers: a task or a risk.
    public struct Driver: Sendable, Equatable {
        public var name: String
        public var isRisk: Bool
        public var cruciality: Double?
        public var sensitivity: Double
        /// For a task, the share of iterations it was critical; for a risk, how often it occurred.
        public var criticality: Double
    }

    /// The top drivers of a simulation: tasks and risks by cruciality (the
    /// correlation of their draw with the finish), then schedule sensitivity
    /// index, then plan order; only those that move the finish.
    ///
    /// Why cruciality first: the sensitivity index counts a task as critical even
    /// when its duration cannot move the finish (a task whose finish is set by a
    /// finish-to-finish link is critical through its start); the correlation sees
    /// only what moves the finish when it varies.
    ///
    /// - Complexity: O(*T* log *T* + *R*).
    public static func driverRows(plan: Plan, result: RiskSimulation.Result, limit: Int = 10) -> [Driver] {
        var rows: [(Driver, Int)] = []
        for j in plan.tasks.indices where (result.cruciality[j] ?? 0) > 0.005 {
            rows.append((Driver(name: plan.tasks[j].id, isRisk: false, cruciality: result.cruciality[j],
                                sensitivity: result.sensitivity[j], criticality: result.criticality[j]), j))
        }
        for outcome in result.risks where outcome.included && (outcome.cruciality ?? 0) > 0.005 {
            rows.append((Driver(name: plan.risks[outcome.risk].id, isRisk: true, cruciality: outcome.cruciality,
                                sensitivity: outcome.sensitivity, criticality: outcome.occurrence), plan.tasks.count + outcome.risk))
        }
        rows.sort { a, b in
            (-(a.0.cruciality ?? 0), -a.0.sensitivity, a.1) < (-(b.0.cruciality ?? 0), -b.0.sensitivity, b.1)
        }
        return rows.prefix(limit).map(\.0)
    }
}
