import SlipwayEngine
import SlipwayCore

/// The forecast against a baseline: how far each task's start and finish moved,
/// how far the plan finish moved, the deadline, the constraint targets that are
/// now missed, and the tasks that joined or left the critical path.
///
/// Variance is forecast minus baseline: positive is later than planned.
public struct Variance: Sendable {
    public struct TaskVariance: Sendable, Equatable {
        public enum Status: String, Sendable { case unchanged, moved, added, removed }
        public var id: String
        /// The task's index in the plan, nil for a task that is only in the baseline.
        public var task: Int?
        public var baselineStart: Double?, baselineFinish: Double?
        public var start: Double?, finish: Double?
        public var baselineCritical: Bool?, critical: Bool?
        public var status: Status
        public var startVariance: Double? { start.flatMap { s in baselineStart.map { s - $0 } } }
        public var finishVariance: Double? { finish.flatMap { f in baselineFinish.map { f - $0 } } }
    }

    public struct TargetStatus: Sendable, Equatable {
        public var id: String
        public var target: Double
        public var resolved: Double
        public var baselineResolved: Double?
        public var lateness: Lateness { Lateness(finish: resolved, due: target) }
        /// Weeks late against the target, or nil when on time.
        public var lateBy: Double? { lateness.lateBy }
        public var late: Bool { lateness.late }
        /// Late now, but on time (or absent) in the baseline.
        public var newlyMissed: Bool {
            guard late else { return false }
            guard let b = baselineResolved else { return true }
            return b - target <= Timing.criticalTolerance
        }
    }

    public var baselineName: String
    public var savedAt: String
    /// False when the plan file's bytes differ from those the baseline was saved from.
    public var planUnchanged: Bool
    /// Whether the progress sidecar is as it was when the baseline was saved.
    public var progressUnchanged: Bool
    public var tasks: [TaskVariance]
    public var baselineFinish: Double
    public var finish: Double
    public var finishVariance: Double { finish - baselineFinish }
    public var deadline: Double?
    public var lateBy: Double? { Lateness(finish: finish, due: deadline).lateBy }
    public var baselineLateBy: Double? { Lateness(finish: baselineFinish, due: deadline).lateBy }
    /// Every constraint with a target, in plan order.
    public var targets: [TargetStatus]
    public var missedTargets: [TargetStatus] { targets.filter(\.late) }
    public var becameCritical: [String]
    public var leftCritical: [String]
    public var baselineCriticalPath: [String]
    public var criticalPath: [String]
    /// Problems with the pairing, such as a baseline saved from a plan of another title.
    public var warnings: [Warning]

    /// Something to know before reading the comparison.
    public enum Warning: Sendable, Equatable {
        /// The baseline was saved from a plan with another title.
        case titleDiffers(saved: String, current: String)
    }

    /// Compares a schedule with a baseline by task id.
    ///
    /// - Returns: the variance, or a problem when the baseline shares no task
    ///   with the plan (it belongs to another plan).
    /// - Complexity: O(*T* + *B* + *C*) expected, in tasks, baseline tasks and constraints.
    public static func compute(plan: Plan, schedule: Schedule, baseline: Baseline, path: String,
                               planHash: String?, progressHash: String? = nil) -> Result<Variance, Baseline.Problem> {
        let tol = Timing.criticalTolerance
        let saved = baseline.tasksByID
        let t = schedule.timing
        if !plan.tasks.isEmpty, !baseline.tasks.isEmpty, !plan.tasks.contains(where: { saved[$0.id] != nil }) {
            return .failure(Baseline.Problem(path: path, kind: .noSharedTask(plan: baseline.plan, planFile: baseline.planFile, current: plan.title)))
        }
        var warnings: [Warning] = []
        if baseline.plan != plan.title {
            warnings.append(.titleDiffers(saved: baseline.plan, current: plan.title))
        }
        var rows: [TaskVariance] = []
        var present = Set<String>()
        for i in schedule.taskOrder {
            let id = plan.tasks[i].id
            present.insert(id)
            let start = t.earlyStart[i], finish = t.earlyFinish[i]
            if let b = saved[id] {
                let moved = abs(start - b.earlyStart) > tol || abs(finish - b.earlyFinish) > tol
                rows.append(TaskVariance(id: id, task: i, baselineStart: b.earlyStart, baselineFinish: b.earlyFinish,
                                         start: start, finish: finish, baselineCritical: b.critical, critical: t.isCritical(i),
                                         status: moved ? .moved : .unchanged))
            } else {
                rows.append(TaskVariance(id: id, task: i, start: start, finish: finish, critical: t.isCritical(i), status: .added))
            }
        }
        for b in baseline.tasks where !present.contains(b.id) {
            rows.append(TaskVariance(id: b.id, baselineStart: b.earlyStart, baselineFinish: b.earlyFinish,
                                     baselineCritical: b.critical, status: .removed))
        }
        let savedResolution = Dictionary(baseline.constraints.map { ($0.id, $0.resolved) }, uniquingKeysWith: { a, _ in a })
        let targets = schedule.resolutions.compactMap { r -> TargetStatus? in
            guard let target = r.target else { return nil }
            let id = plan.constraints[r.constraint].id
            return TargetStatus(id: id, target: target, resolved: r.resolved, baselineResolved: savedResolution[id])
        }
        let became = rows.filter { $0.critical == true && $0.baselineCritical == false }.map(\.id)
        let left = rows.filter { $0.critical == false && $0.baselineCritical == true }.map(\.id)
        return .success(Variance(
            baselineName: baseline.name, savedAt: baseline.savedAt,
            planUnchanged: planHash == baseline.planHash, progressUnchanged: progressHash == baseline.progressHash, tasks: rows,
            baselineFinish: baseline.finish, finish: schedule.finish, deadline: plan.deadline,
            targets: targets, becameCritical: became, leftCritical: left,
            baselineCriticalPath: baseline.criticalPath, criticalPath: schedule.criticalPath.map { plan.tasks[$0].id },
            warnings: warnings))
    }
}
