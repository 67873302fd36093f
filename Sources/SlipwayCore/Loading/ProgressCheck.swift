/// Checks that the progress a plan records (section 5 of the contract) tells one
/// consistent story: a task does not finish before it starts, nothing happened
/// after the status date, a finished task is 100% done, and a task that is 100%
/// done can be placed in time. Progress on a task whose predecessors have not
/// started is possible (the plan's links may be too strict) and only a warning.
struct ProgressCheck {
    let reader: NodeReader

    /// Times closer than this are the same instant (float noise of week fractions).
    static let tolerance = 1e-9

    /// - Complexity: O(*T* + *L*), where *T* is the number of tasks and *L* the
    ///   number of `after` links.
    func check(_ plan: Plan) {
        let tol = ProgressCheck.tolerance
        let s = plan.statusDate

        for task in plan.tasks where !task.progress.isEmpty {
            let p = task.progress
            let id = task.id
            if task.isMilestone, (p.percent.map { $0 > 0 && $0 < 100 } ?? false) || (p.remaining.map { $0 > tol } ?? false) {
                reader.error(.progressMilestone, at: task.location(of: p.percent != nil ? "progress" : "remaining"),
                             "'\(id)' is a milestone: it is reached or not, so it has no percentage or remaining work; record 'actual-finish' (slipway progress --done) when it is reached")
            }
            if s == nil, p.actualStart == nil, p.actualFinish == nil, let percent = p.percent, percent > 0, percent < 100 {
                reader.warning(.progressUndated, at: task.location(of: "progress"),
                               "'\(id)' is \(percent.compact)% done, but without 'actual-start' or a 'status-date' the schedule cannot place the work done, so it is ignored; add 'status-date: week N'")
            }
            if let start = p.actualStart, let finish = p.actualFinish, finish < start - tol {
                reader.error(.progressFinishBeforeStart, at: task.location(of: "actual-finish"),
                             "'\(id)' finishes (actual-finish, t = \(finish.compact)) before it starts (actual-start, t = \(start.compact)); correct one of the two dates")
            }
            if let s {
                if let start = p.actualStart, start > s + tol {
                    reader.error(.progressAfterStatusDate, at: task.location(of: "actual-start"),
                                 "'\(id)' has actual-start t = \(start.compact), after the status date (t = \(s.compact)); what has not happened yet is not progress: remove it or move 'status-date' later")
                }
                if let finish = p.actualFinish, finish > s + tol {
                    reader.error(.progressAfterStatusDate, at: task.location(of: "actual-finish"),
                                 "'\(id)' has actual-finish t = \(finish.compact), after the status date (t = \(s.compact)); what has not happened yet is not progress: remove it or move 'status-date' later")
                }
            }
            if let percent = p.percent {
                if percent >= 100, p.actualFinish == nil, s == nil {
                    reader.error(.progressDoneUndated, at: task.location(of: "progress"),
                                 "'\(id)' is 100% done but has no 'actual-finish' and the plan has no 'status-date', so its finish cannot be placed; add 'actual-finish: week N' or a 'status-date'")
                }
                if percent < 100, p.actualFinish != nil {
                    reader.error(.progressFinishedIncomplete, at: task.location(of: "progress"),
                                 "'\(id)' has an 'actual-finish' but is only \(percent.compact)% done; a finished task is 100% done: remove 'actual-finish' or set 'progress: 100'")
                }
            }
            if let remaining = p.remaining, remaining > tol {
                if p.actualFinish != nil {
                    reader.error(.progressFinishedRemaining, at: task.location(of: "remaining"),
                                 "'\(id)' has an 'actual-finish' but \(remaining.compact) weeks 'remaining'; a finished task has nothing left: remove one of them")
                } else if let percent = p.percent, percent >= 100 {
                    reader.error(.progressFinishedRemaining, at: task.location(of: "remaining"),
                                 "'\(id)' is 100% done but has \(remaining.compact) weeks 'remaining'; remove one of them")
                }
                if s == nil, p.actualFinish == nil {
                    reader.warning(.progressRemainingUndated, at: task.location(of: "remaining"),
                                   "'\(id)' has 'remaining' work but the plan has no 'status-date' to count it from, so it is ignored; add 'status-date: week N'")
                }
            }
            // The links say the predecessors come first; progress here says otherwise.
            for dependency in task.after where ProgressCheck.hasStarted(task) {
                var unstarted: [Int] = []
                switch dependency.predecessor {
                case .task(let j)?:
                    if !ProgressCheck.hasStarted(plan.tasks[j]) { unstarted.append(j) }
                case .constraint(let c)?:
                    unstarted = plan.constraints[c].mitigations.filter { !ProgressCheck.hasStarted(plan.tasks[$0]) }
                default:
                    break
                }
                guard !unstarted.isEmpty else { continue }
                let names = unstarted.map { "'\(plan.tasks[$0].id)'" }.joined(separator: ", ")
                let via = dependency.predecessor?.task == nil ? " (a mitigation of '\(dependency.id)')" : ""
                reader.warning(.progressBeforePredecessor, at: dependency.location,
                               "'\(id)' has progress but its predecessor \(names)\(via) has not started; record the predecessor's progress, or loosen the link if the work really overlaps")
            }
        }
    }

    /// Whether a task has begun: an actual date, some percent done, or less work
    /// remaining than its duration.
    static func hasStarted(_ task: PlanTask) -> Bool {
        let p = task.progress
        if p.actualStart != nil || p.actualFinish != nil { return true }
        if let percent = p.percent, percent > 0 { return true }
        if let remaining = p.remaining, remaining < task.duration - tolerance { return true }
        return false
    }
}

// The diagnostic codes raised here.
extension DiagnosticCode {
    public static let progressAfterStatusDate = DiagnosticCode("progress-after-status-date")
    public static let progressBeforePredecessor = DiagnosticCode("progress-before-predecessor")
    public static let progressDoneUndated = DiagnosticCode("progress-done-undated")
    public static let progressFinishBeforeStart = DiagnosticCode("progress-finish-before-start")
    public static let progressFinishedIncomplete = DiagnosticCode("progress-finished-incomplete")
    public static let progressFinishedRemaining = DiagnosticCode("progress-finished-remaining")
    public static let progressMilestone = DiagnosticCode("progress-milestone")
    public static let progressRemainingUndated = DiagnosticCode("progress-remaining-undated")
    public static let progressUndated = DiagnosticCode("progress-undated")
}

extension DiagnosticCode {
    /// The checks of recorded progress, which `slipway progress` shows after an update.
    public static let progressChecks: Set<DiagnosticCode> = [
        .progressAfterStatusDate, .progressBeforePredecessor, .progressDoneUndated, .progressFinishBeforeStart,
        .progressFinishedIncomplete, .progressFinishedRemaining, .progressMilestone, .progressRemainingUndated, .progressUndated,
    ]
}
