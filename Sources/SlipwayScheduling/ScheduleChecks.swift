import Foundation
import SlipwayEngine
import SlipwayCore

/// The checks a schedule is held to. They report lateness; they never change dates
/// or floats (section 3 of the contract).
public enum ScheduleChecks {
    /// Warnings, in this order: plan finish past the deadline; each task past its
    /// `due`; each constraint resolved after its `target`; each task that finishes
    /// after its phase window; total cost over the budget. At most 50 of each kind
    /// are listed, then one line with the count of the rest.
    ///
    /// - Complexity: O(*T* + *C*), where *T* is the number of tasks and *C* of constraints.
    public static func findings(plan: Plan, timing: Timing, resolutions: [Schedule.Resolution], cost: CostSummary) -> [Diagnostic] {
        let tolerance = Timing.criticalTolerance
        var result: [Diagnostic] = []
        if let deadline = plan.deadline, let late = Lateness(finish: timing.finish, due: deadline).lateBy {
            result.append(.warning(.deadlineMissed, at: plan.locations["deadline"],
                                   "the plan finishes at week \(timing.finish.readable), \(late.weeksPhrase) after the deadline (week \(deadline.compact))"))
        }
        for (i, task) in plan.tasks.enumerated() {
            if let due = task.due, let late = Lateness(finish: timing.earlyFinish[i], due: due).lateBy {
                result.append(.warning(.dueMissed, at: task.location(of: "due"),
                                       "'\(task.id)' finishes at week \(timing.earlyFinish[i].readable), \(late.weeksPhrase) after it is due (week \(due.compact))"))
            }
        }
        for r in resolutions {
            guard let late = r.lateBy, let target = r.target else { continue }
            let c = plan.constraints[r.constraint]
            result.append(.warning(.targetMissed, at: c.location(of: "target"),
                                   "constraint '\(c.id)' is resolved at week \(r.resolved.readable), \(late.weeksPhrase) after its target (week \(target.compact))"))
        }
        for (i, task) in plan.tasks.enumerated() {
            guard let p = task.phaseIndex, let end = plan.phases[p].windowEnd,
                  timing.earlyFinish[i] - end > tolerance else { continue }
            result.append(.warning(.phaseOverrun, at: task.location(of: "phase"),
                                   "'\(task.id)' finishes at week \(timing.earlyFinish[i].readable), \((timing.earlyFinish[i] - end).weeksPhrase) past the end of phase '\(plan.phases[p].id)' (weeks \(plan.phases[p].weeksText ?? ""))"))
        }
        if let budget = plan.budget, cost.isKnown, cost.total - budget > 1e-6 {
            let unit = plan.currency.map { " \($0)" } ?? ""
            result.append(.warning(.budgetExceeded, at: plan.locations["budget"],
                                   "the plan costs \(cost.total.money)\(unit), \((cost.total - budget).money)\(unit) over the budget of \(budget.money)\(unit)"))
        }
        return result.limitedPerID(50)
    }
}

extension Double {
    /// Whole currency units with thousands separators: `52,500`.
    public var money: String {
        // Sums of plan money stay far below 2^63; anything else (a computed
        // overflow) is written in scientific notation rather than trapping.
        guard isFinite, abs(self) < 9e18 else { return isFinite ? String(format: "%.3g", self) : "unknown" }
        let whole = Int64(self.rounded())
        var digits = String(abs(whole))
        var groups: [String] = []
        while digits.count > 3 {
            groups.insert(String(digits.suffix(3)), at: 0)
            digits = String(digits.dropLast(3))
        }
        groups.insert(digits, at: 0)
        return (whole < 0 ? "-" : "") + groups.joined(separator: ",")
    }
}

// The diagnostic codes raised here.
extension DiagnosticCode {
    public static let budgetExceeded = DiagnosticCode("budget-exceeded")
    public static let deadlineMissed = DiagnosticCode("deadline-missed")
    public static let dueMissed = DiagnosticCode("due-missed")
    public static let phaseOverrun = DiagnosticCode("phase-overrun")
    public static let targetMissed = DiagnosticCode("target-missed")
}
