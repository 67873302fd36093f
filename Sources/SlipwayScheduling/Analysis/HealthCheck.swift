import SlipwayEngine
import SlipwayCore

/// The schedule health check: the DCMA 14-point assessment (US Defense Contract
/// Management Agency, 2009; as described in Winter, "DCMA 14-Point Schedule
/// Assessment", 2011), adapted to a plan's weeks and to what a plan file holds.
/// Each check counts what fails it, against a threshold, and names the tasks.
///
/// The adaptations: "44 working days" is 44 / `days-per-week` weeks; Slipway has
/// no hard date constraints (a `not-before` is a start-no-earlier-than, which DCMA
/// counts as soft), so check 5 counts none; a resource is an owner (or `needs`),
/// and milestones and waits need none. Missed tasks, CPLI and BEI need a status
/// date, a deadline or a baseline, and say so when they cannot be computed.
public enum HealthCheck {
    public enum Check: Int, CaseIterable, Sendable, Codable {
        case logic = 1, leads, lags, relationshipTypes, hardConstraints, highFloat, negativeFloat, highDuration,
             invalidDates, resources, missedTasks, criticalPathTest, criticalPathLengthIndex, baselineExecutionIndex

        public var name: String {
            switch self {
            case .logic: return "Logic"
            case .leads: return "Leads"
            case .lags: return "Lags"
            case .relationshipTypes: return "Relationship types"
            case .hardConstraints: return "Hard constraints"
            case .highFloat: return "High float"
            case .negativeFloat: return "Negative float"
            case .highDuration: return "High duration"
            case .invalidDates: return "Invalid dates"
            case .resources: return "Resources"
            case .missedTasks: return "Missed tasks"
            case .criticalPathTest: return "Critical path test"
            case .criticalPathLengthIndex: return "Critical path length index"
            case .baselineExecutionIndex: return "Baseline execution index"
            }
        }

        /// What is counted, in words.
        public var rule: String {
            switch self {
            case .logic: return "unfinished tasks missing a predecessor or a successor (the first and last milestones excepted)"
            case .leads: return "links with a negative lag"
            case .lags: return "links with a positive lag"
            case .relationshipTypes: return "links that are finish-to-start"
            case .hardConstraints: return "tasks with a hard date constraint (Slipway has none: not-before is soft)"
            case .highFloat: return "unfinished tasks with total float over 44 working days"
            case .negativeFloat: return "tasks with negative total float"
            case .highDuration: return "unfinished tasks longer than 44 working days"
            case .invalidDates: return "forecasts before the status date, actual dates after it"
            case .resources: return "unfinished tasks with a duration and no owner"
            case .missedTasks: return "tasks the baseline finished by the status date that have not finished by their baseline date"
            case .criticalPathTest: return "a long delay on a critical task moves the finish by as much"
            case .criticalPathLengthIndex: return "(critical path length + float to the deadline) / critical path length"
            case .baselineExecutionIndex: return "tasks finished / tasks the baseline finished by the status date"
            }
        }

        /// The threshold, in words.
        public var threshold: String {
            switch self {
            case .logic, .lags, .hardConstraints, .highFloat, .highDuration, .missedTasks: return "<= 5%"
            case .leads, .negativeFloat, .invalidDates, .resources: return "0"
            case .relationshipTypes: return ">= 90%"
            case .criticalPathTest: return "pass"
            case .criticalPathLengthIndex, .baselineExecutionIndex: return ">= 0.95"
            }
        }
    }

    public struct Result: Sendable {
        public var check: Check
        /// How many failed (or, for an index, nil).
        public var count: Int?
        /// Out of how many.
        public var total: Int?
        /// An index's value (CPLI, BEI), or the share for a percentage check.
        public var value: Double?
        /// Nil when it cannot be computed here.
        public var passed: Bool?
        /// The tasks (or links' successors) that fail it, in plan order.
        public var tasks: [Int]
        /// Why it could not be computed, or what was measured.
        public var note: String?
    }

    /// - Parameters:
    ///   - baseline: a saved baseline, for missed tasks and BEI.
    /// - Complexity: O(*V* + *E*) for the counts, plus one rescheduling for the
    ///   critical path test.
    public static func run(plan: Plan, schedule: Schedule, baseline: Baseline? = nil) -> [Result] {
        let tol = Timing.criticalTolerance
        let t = plan.tasks.count
        let weeks44 = 44 / plan.calendar.daysPerWeek
        let forecast = plan.tasks.map { Forecast(task: $0, statusDate: plan.statusDate) }
        let unfinished = plan.tasks.indices.filter { forecast[$0].state != .finished }
        let work = unfinished.filter { !plan.tasks[$0].isMilestone }
        var results: [Result] = []
        func share(_ failing: [Int], of total: Int, limit: Double, _ check: Check, note: String? = nil) -> Result {
            let value = total == 0 ? 0 : Double(failing.count) / Double(total)
            return Result(check: check, count: failing.count, total: total, value: value, passed: value <= limit + 1e-12, tasks: failing, note: note)
        }
        // Links between tasks, each resolution expanded to its mitigations, as DCMA counts them.
        let (predecessors, _) = schedule.taskPredecessors(in: plan)
        var successorCount = [Int](repeating: 0, count: t)
        for list in predecessors { for link in list { successorCount[link.from] += 1 } }
        // Tasks blocked by a constraint have a predecessor through it.
        let order = schedule.taskOrder
        let first = order.first, last = order.last
        let logic = unfinished.filter { j in
            (predecessors[j].isEmpty && j != first) || (successorCount[j] == 0 && j != last)
        }
        results.append(share(logic, of: unfinished.count, limit: 0.05, .logic))
        let links = predecessors.enumerated().flatMap { j, list in list.map { (to: j, link: $0) } }
        let leads = links.filter { $0.link.lag < -tol }
        results.append(Result(check: .leads, count: leads.count, total: links.count, value: nil, passed: leads.isEmpty,
                              tasks: Array(Set(leads.map(\.to))).sorted(), note: nil))
        let lags = links.filter { $0.link.lag > tol }
        var lagResult = share(Array(Set(lags.map(\.to))).sorted(), of: links.count, limit: 0.05, .lags)
        lagResult.count = lags.count
        lagResult.value = links.isEmpty ? 0 : Double(lags.count) / Double(links.count)
        lagResult.passed = (lagResult.value ?? 0) <= 0.05 + 1e-12
        results.append(lagResult)
        let notFS = links.filter { $0.link.type != .finishToStart }
        let fsShare = links.isEmpty ? 1 : Double(links.count - notFS.count) / Double(links.count)
        results.append(Result(check: .relationshipTypes, count: notFS.count, total: links.count, value: fsShare, passed: fsShare >= 0.9 - 1e-12,
                              tasks: Array(Set(notFS.map(\.to))).sorted(), note: nil))
        results.append(Result(check: .hardConstraints, count: 0, total: t, value: 0, passed: true, tasks: [],
                              note: "\(plan.tasks.filter { $0.notBefore != nil }.count) soft not-before dates"))
        let highFloat = work.filter { schedule.timing.totalFloat[$0] > weeks44 + tol }
        results.append(share(highFloat, of: work.count, limit: 0.05, .highFloat))
        let negative = plan.tasks.indices.filter { schedule.timing.totalFloat[$0] < -tol }
        results.append(Result(check: .negativeFloat, count: negative.count, total: t, value: nil, passed: negative.isEmpty, tasks: negative, note: nil))
        let long = work.filter { schedule.duration($0) > weeks44 + tol }
        results.append(share(long, of: work.count, limit: 0.05, .highDuration))
        if let s = plan.statusDate {
            let invalid = plan.tasks.indices.filter { j in
                let p = plan.tasks[j].progress
                let actualLate = (p.actualStart.map { $0 > s + tol } ?? false) || (p.actualFinish.map { $0 > s + tol } ?? false)
                let forecastEarly = forecast[j].state == .notStarted && schedule.start(j) < s - tol
                return actualLate || forecastEarly
            }
            results.append(Result(check: .invalidDates, count: invalid.count, total: t, value: nil, passed: invalid.isEmpty, tasks: invalid, note: nil))
        } else {
            results.append(Result(check: .invalidDates, count: nil, total: nil, value: nil, passed: nil, tasks: [],
                                  note: "needs a status date"))
        }
        let unowned = work.filter { !plan.tasks[$0].isWait && plan.tasks[$0].demands.isEmpty && schedule.duration($0) > tol }
        results.append(Result(check: .resources, count: unowned.count, total: work.count, value: nil, passed: unowned.isEmpty, tasks: unowned, note: nil))
        // Baseline checks.
        let due: [(task: Int, finish: Double)]
        if let baseline, let s = plan.statusDate {
            let saved = baseline.tasksByID
            due = plan.tasks.indices.compactMap { j in saved[plan.tasks[j].id].flatMap { $0.earlyFinish <= s + tol ? (j, $0.earlyFinish) : nil } }
            let missed = due.filter { item in
                guard let actual = plan.tasks[item.task].progress.actualFinish ?? (forecast[item.task].state == .finished ? schedule.finish(item.task) : nil) else { return true }
                return actual > item.finish + tol
            }.map(\.task)
            results.append(share(missed, of: due.count, limit: 0.05, .missedTasks))
        } else {
            due = []
            results.append(Result(check: .missedTasks, count: nil, total: nil, value: nil, passed: nil, tasks: [],
                                  note: baseline == nil ? "needs a saved baseline and a status date" : "needs a status date"))
        }
        results.append(criticalPathTest(plan: plan, schedule: schedule))
        if let deadline = plan.deadline {
            let start = plan.statusDate ?? 0
            let length = schedule.finish - start
            if length > tol {
                let cpli = (length + (deadline - schedule.finish)) / length
                results.append(Result(check: .criticalPathLengthIndex, count: nil, total: nil, value: cpli, passed: cpli >= 0.95 - 1e-12,
                                      tasks: [], note: "critical path \(length.readable) weeks from \(plan.statusDate == nil ? "the start" : "the status date"), \((deadline - schedule.finish).readable) weeks to the deadline"))
            } else {
                results.append(Result(check: .criticalPathLengthIndex, count: nil, total: nil, value: nil, passed: nil, tasks: [], note: "no work left"))
            }
        } else {
            results.append(Result(check: .criticalPathLengthIndex, count: nil, total: nil, value: nil, passed: nil, tasks: [], note: "needs a deadline"))
        }
        if baseline != nil, plan.statusDate != nil {
            if due.isEmpty {
                results.append(Result(check: .baselineExecutionIndex, count: 0, total: 0, value: nil, passed: nil, tasks: [],
                                      note: "the baseline finishes nothing by the status date"))
            } else {
                let done = due.filter { forecast[$0.task].state == .finished }.count
                let bei = Double(done) / Double(due.count)
                results.append(Result(check: .baselineExecutionIndex, count: done, total: due.count, value: bei, passed: bei >= 0.95 - 1e-12,
                                      tasks: due.filter { forecast[$0.task].state != .finished }.map(\.task), note: nil))
            }
        } else {
            results.append(Result(check: .baselineExecutionIndex, count: nil, total: nil, value: nil, passed: nil, tasks: [],
                                  note: baseline == nil ? "needs a saved baseline and a status date" : "needs a status date"))
        }
        return results
    }

    /// DCMA check 12: delay the first unfinished critical task by a long time
    /// (600 working days) and see whether the project's end moves by as much — the
    /// last milestone when the plan ends with one, else the finish. A chain that
    /// does not carry its tasks' lengths to the end (an end that follows a task's
    /// start, a pinned successor) does not.
    static func criticalPathTest(plan: Plan, schedule: Schedule) -> Result {
        let whatIf = WhatIf(plan: plan, schedule: schedule)
        guard let j = schedule.criticalPath.first(where: { Forecast(task: plan.tasks[$0], statusDate: plan.statusDate).state == .notStarted }) else {
            return Result(check: .criticalPathTest, count: nil, total: nil, value: nil, passed: nil, tasks: [], note: "no critical work left to delay")
        }
        let end = schedule.taskOrder.last.flatMap { plan.tasks[$0].isMilestone && $0 != j ? $0 : nil }
        let delay = 600 / plan.calendar.daysPerWeek
        let after = whatIf.timing(with: [.duration(node: j, weeks: schedule.duration(j) + delay)])
        let moved = end.map { after.earlyFinish[$0] - schedule.finish($0) } ?? (after.finish - schedule.finish)
        let passed = abs(moved - delay) <= 1e-6
        let target = end.map { "'\(plan.tasks[$0].id)'" } ?? "the finish"
        return Result(check: .criticalPathTest, count: nil, total: nil, value: moved, passed: passed, tasks: passed ? [] : [j],
                      note: "'\(plan.tasks[j].id)' \(delay.readable) weeks longer moves \(target) \(moved.readable) weeks")
    }
}
