import SlipwayCore

/// How a task's progress shapes its place in the schedule (section 5 of the contract).
///
/// - finished (`actual-finish`, or `progress: 100`): keeps its actual dates;
/// - started (`actual-start`, or progress above 0): keeps its start, and with a
///   status date S finishes at S + remaining, where remaining defaults to
///   d x (1 - progress/100);
/// - not started: cannot start before S; a `remaining` of at least its
///   duration replaces the duration (a re-estimate of work not begun).
///
/// A task 100% done without `actual-finish` finished at the earlier of S and its
/// actual start plus its duration; without `actual-start` a finished task is
/// taken to have started its duration before its finish, and a started one
/// its done part (d x progress, or d - remaining) before S, and never after S.
/// Without a status date `remaining` is ignored.
public struct Forecast: Sendable, Equatable {
    /// A start fixed by what has happened, or nil when the scheduler chooses it.
    public var pinnedStart: Double?
    /// The duration the scheduler uses: the remaining span for a started task.
    public var duration: Double
    /// The earliest start that the status date allows.
    public var notBefore: Double

    public enum State: Sendable, Equatable { case notStarted, started, finished }
    public var state: State

    /// - Complexity: O(1).
    public init(task: PlanTask, statusDate: Double?) {
        let d = task.duration
        let progress = task.progress
        let percent = progress.percent ?? 0
        if let finish = progress.actualFinish ?? (percent >= 100 ? statusDate.map { s in min(s, (progress.actualStart ?? s - d) + d) } : nil) {
            let start = progress.actualStart ?? max(0, finish - d)
            state = .finished
            pinnedStart = start
            duration = max(0, finish - start)
            notBefore = 0
            return
        }
        // `remaining` counts from the status date: without one it is ignored
        // (ProgressCheck warns), as the contract gives it no other meaning.
        let remainingWork = statusDate == nil ? nil : progress.remaining
        let started = progress.actualStart != nil || percent > 0 || (remainingWork.map { $0 < d } ?? false)
        guard started else {
            state = .notStarted
            pinnedStart = nil
            // `remaining` on an unstarted task (no less than its duration) is a
            // new estimate of all its work.
            duration = remainingWork ?? d
            notBefore = statusDate ?? 0
            return
        }
        state = .started
        notBefore = 0
        let remaining = remainingWork ?? d * (1 - percent / 100)
        if let s = statusDate {
            // Without an actual start, the task began as long before S as the work
            // done: its percent of the duration, or the duration less what remains.
            // Never after S: a task with progress has begun by then.
            let done = percent > 0 ? d * percent / 100 : max(0, d - remaining)
            let start = progress.actualStart ?? max(0, s - done)
            pinnedStart = start
            duration = max(0, s + remaining - start)
        } else {
            pinnedStart = progress.actualStart
            duration = d
        }
    }
}
