import SlipwayEngine
import SlipwayCore

/// How the forecast finish moved from one update to the next: the plan
/// rescheduled as it stood at each status date recorded in its progress
/// sidecar, and the finish of every saved baseline.
public enum SlipTrend {
    public struct Point: Sendable, Equatable {
        /// The status date of that forecast (t = 0 before any progress).
        public var statusDate: Double
        public var finish: Double
        /// Leveled by owner capacity, when owners do the work.
        public var leveledFinish: Double?

        public init(statusDate: Double, finish: Double, leveledFinish: Double?) {
            self.statusDate = statusDate
            self.finish = finish
            self.leveledFinish = leveledFinish
        }
    }

    /// A saved baseline's finish, placed at the status date it was saved with:
    /// the plan time it describes (t = 0 without one). The wall-clock time it was
    /// saved at is a label, not a position: a plan is often baselined before or
    /// long after the dates it plans.
    public struct BaselinePoint: Sendable, Equatable {
        public var name: String
        public var savedAt: String
        public var statusDate: Double
        public var finish: Double
    }

    /// The forecast at each status date of the progress history, earliest first:
    /// first the plan with none of the sidecar's updates, then with the updates up
    /// to each recorded `as-of` in turn. The last point is the current forecast,
    /// given by the caller rather than computed again. Two cut-offs that give the
    /// same status date (the plan's own `status-date` is later) keep the later.
    ///
    /// - Parameters:
    ///   - text: the plan file's text, loaded again for every earlier status date.
    ///   - plan: the plan as loaded with all its progress; `finish` and
    ///     `leveledFinish` are its current forecast.
    /// - Complexity: for *u* distinct `as-of` times, *u* loads and schedules of
    ///   the plan (and levelings when `leveledFinish` is given).
    public static func history(text: String, sidecar: ProgressLog.Source?, plan: Plan, finish: Double,
                               leveledFinish: Double?) -> [Point] {
        let now = Point(statusDate: plan.statusDate ?? 0, finish: finish, leveledFinish: leveledFinish)
        guard let sidecar, !plan.recordedAsOf.isEmpty else { return [now] }
        let cutOffs = [-1.0] + Array(Set(plan.recordedAsOf)).sorted().dropLast()
        var points: [Point] = []
        for cut in cutOffs {
            let checked = CheckedPlan.from(PlanLoader.load(text: text, sidecar: sidecar, variant: .init(progressUpTo: cut)))
            guard let earlier = checked.plan, let schedule = checked.schedule else { continue }
            let leveled = leveledFinish == nil ? nil : Scheduler.level(earlier, schedule: schedule).finish
            let point = Point(statusDate: earlier.statusDate ?? 0, finish: schedule.finish, leveledFinish: leveled)
            if let last = points.last, abs(last.statusDate - point.statusDate) <= Timing.criticalTolerance { points.removeLast() }
            points.append(point)
        }
        if let last = points.last, abs(last.statusDate - now.statusDate) <= Timing.criticalTolerance { points.removeLast() }
        return points + [now]
    }

    /// The saved baselines as points, by status date then save time.
    ///
    /// - Complexity: O(*b* log *b*).
    public static func baselinePoints(_ baselines: [Baseline]) -> [BaselinePoint] {
        baselines.map { BaselinePoint(name: $0.name, savedAt: $0.savedAt, statusDate: $0.statusDate ?? 0, finish: $0.finish) }
            .sorted { ($0.statusDate, $0.savedAt, $0.name) < ($1.statusDate, $1.savedAt, $1.name) }
    }
}
