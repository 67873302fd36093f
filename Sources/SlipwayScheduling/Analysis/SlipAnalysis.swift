import SlipwayEngine
import SlipwayCore

/// "What if this task slips?": the plan rescheduled with some tasks longer
/// (or shorter, for a negative slip) or starting later, compared with the
/// plan's own forecast. The plan is not changed.
public enum SlipAnalysis {
    /// One slip: a task, by how many weeks, and whether its start (rather than
    /// its duration) moves.
    public struct Slip: Sendable, Equatable {
        public var task: Int
        public var by: Double
        public var start: Bool

        public init(task: Int, by: Double, start: Bool = false) {
            self.task = task
            self.by = by
            self.start = start
        }
    }

    /// A task whose dates differ between the two schedules.
    public struct Move: Sendable, Equatable {
        public var task: Int
        public var startBefore: Double, startAfter: Double
        public var finishBefore: Double, finishAfter: Double
        public var startDelta: Double { startAfter - startBefore }
        public var finishDelta: Double { finishAfter - finishBefore }
    }

    public struct Outcome: Sendable {
        public var slips: [Slip]
        /// The network changes the slips became (durations, releases, pinned starts).
        public var changes: [WhatIf.Change]
        public var before: Outlook
        public var after: Outlook
        /// Tasks that move, in topological order.
        public var moves: [Move]
        /// Slips whose negative amount was cut short: a task cannot take less than no time.
        public var clamped: [Int]
        public var finishDelta: Double { after.finish - before.finish }
    }

    public enum Failure: Error, Equatable {
        /// A finished task keeps its actual dates; slipping it means nothing.
        case finished(task: Int)
    }

    /// How a slip changes the network.
    ///
    /// - A duration slip of task X by B: X's scheduled duration (its remaining
    ///   span when started) becomes max(0, d + B). A milestone has no duration,
    ///   so its slip moves its start.
    /// - A start slip by B: a task not started cannot start before its current
    ///   early start + B; for a started task it is a duration slip (its actual
    ///   start is history, the rest of its work moves). With a negative B
    ///   this lifts a `not-before` or phase hold, as far as the task's
    ///   predecessors allow, but never before the status date.
    ///
    /// - Complexity: O(*S*) for *S* slips.
    public static func changes(for slips: [Slip], whatIf: WhatIf, base: Timing) -> Result<([WhatIf.Change], [Int]), Failure> {
        let network = whatIf.network
        var duration: [Int: Double] = [:]
        var changes: [WhatIf.Change] = []
        var clamped: [Int] = []
        for slip in slips {
            let j = slip.task
            if Forecast(task: whatIf.plan.tasks[j], statusDate: whatIf.plan.statusDate).state == .finished {
                return .failure(.finished(task: j))
            }
            // A started task's start is history: slipping it delays the work left,
            // which is a longer remaining span, whichever kind of slip it is.
            let started = !network.pinnedStart[j].isNaN
            if (slip.start || whatIf.plan.tasks[j].isMilestone) && !started {
                // Earlier, as far as its predecessors allow -- but a task not started
                // cannot start before the status date: that is the past.
                let wanted = base.earlyStart[j] + slip.by
                let floor = whatIf.plan.statusDate ?? 0
                if wanted < floor - Timing.criticalTolerance { clamped.append(j) }
                changes.append(.release(node: j, at: max(floor, wanted)))
            } else {
                let current = duration[j] ?? network.duration[j]
                let next = current + slip.by
                if next < 0 { clamped.append(j) }
                duration[j] = max(0, next)
            }
        }
        for (j, d) in duration.sorted(by: { $0.key < $1.key }) { changes.append(.duration(node: j, weeks: d)) }
        return .success((changes, clamped))
    }

    /// Reschedules the plan with the slips and compares it with the forecast.
    ///
    /// - Complexity: O(*V* + *E*): one critical-path pass and one comparison.
    public static func analyze(_ slips: [Slip], whatIf: WhatIf, base: Timing) -> Result<Outcome, Failure> {
        switch changes(for: slips, whatIf: whatIf, base: base) {
        case .failure(let f): return .failure(f)
        case .success(let (changes, clamped)):
            let network = whatIf.network(with: changes)
            let after = CriticalPathMethod.schedule(network)
            return .success(Outcome(slips: slips, changes: changes, before: whatIf.outlook(base),
                                   after: whatIf.outlook(after, network: network),
                                   moves: moves(from: base, to: after, whatIf: whatIf), clamped: clamped))
        }
    }

    /// Tasks whose start or finish differ by more than the critical tolerance.
    ///
    /// - Complexity: O(*V*).
    public static func moves(from a: Timing, to b: Timing, whatIf: WhatIf) -> [Move] {
        let tol = Timing.criticalTolerance
        let tasks = whatIf.ordered.order.lazy.map(Int.init).filter { $0 < whatIf.taskCount }
        return tasks.compactMap { (i: Int) -> Move? in
            guard abs(a.earlyStart[i] - b.earlyStart[i]) > tol || abs(a.earlyFinish[i] - b.earlyFinish[i]) > tol else { return nil }
            return Move(task: i, startBefore: a.earlyStart[i], startAfter: b.earlyStart[i],
                        finishBefore: a.earlyFinish[i], finishAfter: b.earlyFinish[i])
        }
    }
}
