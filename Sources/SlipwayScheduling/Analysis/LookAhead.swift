import SlipwayEngine
import SlipwayCore

/// The look-ahead: for each owner, the work it starts, carries on with and must
/// finish in a window of the schedule — the tracker's "Next steps", and the
/// two-week look-ahead plan of construction scheduling (Ballard, "The Last
/// Planner System of Production Control", 2000).
public enum LookAhead {
    /// What an owner does with a task in the window.
    public enum Activity: String, Sendable, Equatable {
        case starts
        /// Started before the window and not finished in it.
        case continues
        /// Started before the window, due to finish in it.
        case finishes
        /// Starts and finishes inside the window (a milestone falls due in it).
        case startsAndFinishes
    }

    public struct Item: Sendable, Equatable {
        public var task: Int
        public var activity: Activity
        public var start: Double
        public var finish: Double
        public var totalFloat: Double
        public var critical: Bool
    }

    /// One owner's work in the window; `owner` nil gathers milestones, waits
    /// and work without an owner.
    public struct OwnerWork: Sendable, Equatable {
        public var owner: Int?
        public var items: [Item]
    }

    /// - Parameters:
    ///   - schedule: the schedule whose dates to read: the leveled one when owners
    ///     have capacities, so that each owner's list is what it can do.
    ///   - from: the window's start, the status date (or t = 0).
    ///   - weeks: the window's length.
    /// - Returns: owners in plan order with work in the window, then the work
    ///   without an owner; each list by start, finish, then plan order. Finished
    ///   work is left out.
    /// - Complexity: O(*T* log *T* + *D*) for *T* tasks and *D* owner demands.
    public static func compute(plan: Plan, schedule: Schedule, from: Double, weeks: Double = 2) -> [OwnerWork] {
        let tol = Timing.criticalTolerance
        let end = from + weeks
        var byOwner = [[Item]](repeating: [], count: plan.owners.count)
        var unowned: [Item] = []
        for (j, task) in plan.tasks.enumerated() {
            guard Forecast(task: task, statusDate: plan.statusDate).state != .finished else { continue }
            let row = schedule.row(j)
            let inWindow = task.isMilestone || row.finish - row.start <= tol
                ? row.finish >= from - tol && row.finish <= end + tol
                : row.start < end - tol && row.finish > from + tol
            guard inWindow else { continue }
            let starts = row.start >= from - tol, finishes = row.finish <= end + tol
            let activity: Activity = starts ? (finishes ? .startsAndFinishes : .starts) : (finishes ? .finishes : .continues)
            let item = Item(task: j, activity: activity, start: row.start, finish: row.finish, totalFloat: row.totalFloat,
                            critical: row.isCritical)
            let owners = task.isWait ? [] : task.demands.compactMap(\.ownerIndex)
            if owners.isEmpty { unowned.append(item) }
            for o in Set(owners) { byOwner[o].append(item) }
        }
        func ordered(_ items: [Item]) -> [Item] {
            items.sorted { ($0.start, $0.finish, $0.task) < ($1.start, $1.finish, $1.task) }
        }
        var result = byOwner.enumerated().compactMap { o, items in items.isEmpty ? nil : OwnerWork(owner: o, items: ordered(items)) }
        if !unowned.isEmpty { result.append(OwnerWork(owner: nil, items: ordered(unowned))) }
        return result
    }
}
