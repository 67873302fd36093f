/// What the progress sidecar recorded and when, kept after loading so that a
/// report can look back: the plan as it was known at an earlier time (earned
/// value week by week, a buffer's fever chart). The plan file's own progress
/// fields are as of its `status-date`; each sidecar update is as of its `as-of`.
///
/// Only the tasks the sidecar touches are remembered as the plan file declared
/// them, so a plan without a sidecar carries an empty history.
public struct ProgressHistory: Sendable {
    /// The plan file's own `status-date`, before the sidecar moved it.
    public var declaredStatusDate: Double?
    /// The plan file's progress of each task the sidecar updates.
    private var declared: [Int: Progress] = [:]
    /// The sidecar's updates that applied, in file order.
    private var entries: [Entry] = []

    struct Entry: Sendable {
        var task: Int
        var update: ProgressLog.Update
    }

    public init(declaredStatusDate: Double? = nil) {
        self.declaredStatusDate = declaredStatusDate
    }

    /// Notes an update before it is merged into `declared`, the task's progress
    /// so far; only the first note of a task keeps its progress, which is then the
    /// plan file's.
    mutating func record(_ update: ProgressLog.Update, task: Int, declared progress: Progress) {
        if declared[task] == nil { declared[task] = progress }
        entries.append(Entry(task: task, update: update))
    }

    /// Whether the sidecar recorded anything.
    public var isEmpty: Bool { entries.isEmpty }

    /// Every `as-of` of the sidecar, ascending, each once.
    ///
    /// - Complexity: O(*U* log *U*) for *U* updates.
    public var times: [Double] {
        var seen = Set<Double>()
        return entries.map(\.update.asOf).filter { seen.insert($0).inserted }.sorted()
    }

    /// Whether the plan file itself (not the sidecar) records progress on some task.
    ///
    /// - Complexity: O(*T*) for *T* tasks.
    public func planFileRecordsProgress(_ plan: Plan) -> Bool {
        plan.tasks.indices.contains { !(declared[$0] ?? plan.tasks[$0].progress).isEmpty }
    }

    /// The plan as it was known at time `t`: the plan file's progress with the
    /// sidecar's updates of `as-of` at most `t` merged in file order (as loading
    /// merges them all), and `t` as the status date.
    ///
    /// Before the plan file's `status-date` its own progress is not known to be
    /// true; the caller decides whether to ask (`planFileRecordsProgress`).
    ///
    /// - Parameter plan: the plan as loaded, with every update applied.
    /// - Complexity: O(*T* + *U*) for *T* tasks and *U* updates.
    public func plan(_ plan: Plan, asOf t: Double) -> Plan {
        var past = plan
        for (task, progress) in declared { past.tasks[task].progress = progress }
        for entry in entries where entry.update.asOf <= t + 1e-9 {
            ProgressLog.merge(entry.update, into: &past.tasks[entry.task], locations: [:])
        }
        past.statusDate = t
        return past
    }
}
