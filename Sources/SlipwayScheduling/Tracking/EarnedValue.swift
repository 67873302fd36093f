import SlipwayEngine
import SlipwayCore

/// Earned value management against a saved baseline, with earned schedule.
///
/// - Budgets: each task of the baseline costs what the plan's cost model gives it
///   at the baseline's duration (`CostModel.cost(of:in:duration:)`: fixed cost
///   plus rate x duration x units), spread linearly over the baseline's dates
///   (`PlannedValueCurve`). BAC is their sum.
/// - PV at time AT is the curve's value; EV is each budget times the share of the
///   task done as of AT (all of a finished task, its `progress` percent, or its
///   duration less what `remaining` says is left; nothing for a task not begun);
///   AC is the `spent` recorded on the tasks.
/// - SV = EV - PV, CV = EV - AC, SPI = EV / PV, CPI = EV / AC (PMI, *The Standard
///   for Earned Value Management*, 2019).
/// - EAC = BAC / CPI: the work left is done at the cost efficiency so far. Of the
///   standard formulas it is the one that assumes nothing the data do not show:
///   AC + (BAC - EV) assumes the overrun so far was a one-off, and
///   AC + (BAC - EV) / (CPI x SPI) charges schedule lateness to cost, which
///   Slipway's rates (money per week of work, not per calendar week) do not.
///   The cumulative CPI is also the most stable of the indices once a project is
///   about a fifth done (Christensen & Payne 1992, "Cost performance index
///   stability: fact or fiction?", *Journal of Parametrics* 12(1)).
///   ETC = EAC - AC, VAC = BAC - EAC, TCPI = (BAC - EV) / (BAC - AC) (to finish
///   on the budget at completion).
/// - Earned schedule (Lipke 2003, "Schedule is different", *The Measurable News*,
///   March and Summer 2003): ES is the latest time by which PV had not passed EV,
///   SV(t) = ES - AT, SPI(t) = ES / AT, and IEAC(t) = PD / SPI(t) with PD the
///   baseline's finish. Lipke interpolates PV linearly within each reporting
///   period (ES = C + (EV - PV_C) / (PV_C+1 - PV_C)); here PV is known exactly
///   between its breakpoints, so the same definition is solved on the curve
///   itself, which is Lipke's number whenever tasks start and end on period
///   boundaries. All times are weeks from t = 0.
public struct EarnedValue: Sendable {
    /// One task's part.
    public struct TaskValue: Sendable, Equatable {
        public var id: String
        /// The task's index in the plan.
        public var task: Int
        /// The budget at completion of the task, 0 for a task not in the baseline.
        public var budget: Double
        /// The baseline's dates, nil for a task added since.
        public var baselineStart: Double?
        public var baselineFinish: Double?
        public var plannedValue: Double
        /// 0 to 100.
        public var percentComplete: Double
        public var earnedValue: Double
        /// The `spent` recorded, nil when none is.
        public var actualCost: Double?
        public var costVariance: Double? { actualCost.map { earnedValue - $0 } }
    }

    /// PV, EV and AC at one time (a status date of the progress history).
    public struct Point: Sendable, Equatable {
        public var time: Double
        public var plannedValue: Double
        public var earnedValue: Double
        /// Nil when the plan records no spending at all.
        public var actualCost: Double?
    }

    /// Something to know before reading the figures.
    public enum Warning: Sendable, Equatable {
        /// The baseline was saved from a plan with another title.
        case titleDiffers(saved: String, current: String)
        /// Tasks added since the baseline: no budget, so they earn nothing; what
        /// they spent still counts in AC.
        case notInBaseline([String])
        /// Baseline tasks no longer in the plan: their budget cannot be priced, so
        /// BAC and PV leave them out.
        case removedSinceBaseline([String])
        /// Tasks that have earned value but no spending recorded: AC leaves them
        /// out, so CPI and EAC look better than they are.
        case workWithoutSpending([String])
        /// No spending recorded at all: AC, CV, CPI, EAC, ETC, VAC and TCPI are unknown.
        case noSpending
        /// The last progress known at AT is older than AT: EV and AC stand still
        /// since then while PV goes on.
        case progressOlderThanAsOf(lastUpdate: Double)
    }

    /// Why earned value cannot be computed.
    public enum Problem: Error, Equatable {
        case baseline(Baseline.Problem)
        /// No owner has a rate and no task a cost: there is nothing to earn.
        case noBudget
        /// No status date and no `--as-of`: the time to measure at is unknown.
        case noStatusDate
        /// AT is before the plan file's status date, as of which its own progress
        /// fields are known.
        case beforePlanFileProgress(asOf: Double, statusDate: Double)
    }

    public var baselineName: String
    public var savedAt: String
    /// The time measured at (AT), weeks from t = 0.
    public var asOf: Double
    /// The latest time progress was recorded for, at or before AT: the plan
    /// file's status date or a sidecar update's `as-of`; nil when none is.
    public var lastUpdate: Double?
    public var budgetAtCompletion: Double
    public var plannedValue: Double
    public var earnedValue: Double
    public var actualCost: Double?
    /// PD: the baseline's finish.
    public var plannedDuration: Double
    /// ES, weeks from t = 0.
    public var earnedSchedule: Double
    /// The baseline's tasks in its order, then tasks added since, in plan order.
    public var tasks: [TaskValue]
    /// PV, EV and AC at t = 0, at each status date of the progress history up to
    /// AT, and at AT.
    public var history: [Point]
    /// The planned value over time.
    public var curve: PlannedValueCurve
    public var warnings: [Warning]

    public var scheduleVariance: Double { earnedValue - plannedValue }
    public var costVariance: Double? { actualCost.map { earnedValue - $0 } }
    public var schedulePerformanceIndex: Double? { plannedValue > 0 ? earnedValue / plannedValue : nil }
    public var costPerformanceIndex: Double? { actualCost.flatMap { $0 > 0 ? earnedValue / $0 : nil } }
    /// BAC / CPI; nil while nothing has been earned for the money spent.
    public var estimateAtCompletion: Double? {
        costPerformanceIndex.flatMap { $0 > 0 ? budgetAtCompletion / $0 : nil }
    }
    public var estimateToComplete: Double? { estimateAtCompletion.flatMap { eac in actualCost.map { eac - $0 } } }
    public var varianceAtCompletion: Double? { estimateAtCompletion.map { budgetAtCompletion - $0 } }
    /// (BAC - EV) / (BAC - AC): the cost efficiency the remaining work needs to
    /// finish on the budget; nil once the budget is spent.
    public var toCompletePerformanceIndex: Double? {
        actualCost.flatMap { ac in budgetAtCompletion - ac > 0 ? (budgetAtCompletion - earnedValue) / (budgetAtCompletion - ac) : nil }
    }
    /// SV(t) = ES - AT, in weeks.
    public var scheduleVarianceTime: Double { earnedSchedule - asOf }
    /// SPI(t) = ES / AT.
    public var schedulePerformanceIndexTime: Double? { asOf > 0 ? earnedSchedule / asOf : nil }
    /// IEAC(t) = PD / SPI(t): the finish at the schedule efficiency so far, weeks from t = 0.
    public var independentEstimateAtCompletionTime: Double? {
        schedulePerformanceIndexTime.flatMap { $0 > 0 ? plannedDuration / $0 : nil }
    }

    /// Measures a plan's progress against a baseline at time `asOf`.
    ///
    /// - Parameters:
    ///   - plan: the plan as loaded, with its progress history.
    ///   - baseline: the performance measurement baseline.
    ///   - asOf: AT; the plan's status date when nil. Progress recorded for later
    ///     times is left out (`ProgressHistory.plan(_:asOf:)`).
    /// - Complexity: O(*B* log *B*) for the curve of *B* baseline tasks, O(*T* + *U*)
    ///   for the plan as known at AT, and O(*K* (*T* + *U*)) for the history at *K*
    ///   status dates, with *T* tasks and *U* sidecar updates.
    public static func compute(plan: Plan, baseline: Baseline, path: String, asOf: Double? = nil) -> Result<EarnedValue, Problem> {
        guard let at = asOf ?? plan.statusDate else { return .failure(.noStatusDate) }
        let history = plan.progressHistory
        let fileRecordsProgress = history.planFileRecordsProgress(plan)
        if fileRecordsProgress, let declared = history.declaredStatusDate, at < declared - Timing.criticalTolerance {
            return .failure(.beforePlanFileProgress(asOf: at, statusDate: declared))
        }
        let saved = baseline.tasksByID
        if !plan.tasks.isEmpty, !baseline.tasks.isEmpty, !plan.tasks.contains(where: { saved[$0.id] != nil }) {
            return .failure(.baseline(Baseline.Problem(path: path, kind: .noSharedTask(plan: baseline.plan, planFile: baseline.planFile, current: plan.title))))
        }
        var warnings: [Warning] = []
        if baseline.plan != plan.title { warnings.append(.titleDiffers(saved: baseline.plan, current: plan.title)) }

        // Budgets at the baseline's durations, in the baseline's order, then tasks added since.
        var rows: [TaskValue] = []
        var removed: [String] = []
        var inBaseline = [Bool](repeating: false, count: plan.tasks.count)
        for b in baseline.tasks {
            guard let j = plan.taskIndex(of: b.id) else { removed.append(b.id); continue }
            inBaseline[j] = true
            rows.append(TaskValue(id: b.id, task: j, budget: CostModel.cost(of: plan.tasks[j], in: plan, duration: b.duration),
                                  baselineStart: b.earlyStart, baselineFinish: b.earlyFinish,
                                  plannedValue: 0, percentComplete: 0, earnedValue: 0))
        }
        let added = plan.tasks.indices.filter { !inBaseline[$0] }
        for j in added {
            rows.append(TaskValue(id: plan.tasks[j].id, task: j, budget: 0, plannedValue: 0, percentComplete: 0, earnedValue: 0))
        }
        // Planned value accrues with the work each task's calendar lets it do (its
        // owner's, as the plan stands): nothing over holidays and leave.
        let calendars = PlanCalendars.declared(in: plan) ? PlanCalendars(plan: plan) : nil
        func calendar(_ r: TaskValue) -> WorkingTime? { calendars?.calendar(of: plan.tasks[r.task]) }
        let curve = PlannedValueCurve(spans: rows.flatMap { r -> [PlannedValueCurve.Span] in
            guard let start = r.baselineStart else { return [] }
            let finish = r.baselineFinish ?? start
            guard let calendar = calendar(r) else { return [.init(start: start, finish: finish, budget: r.budget)] }
            return PlannedValueCurve.Span.working(start: start, finish: finish, budget: r.budget, on: calendar)
        })
        guard curve.total > 0 else { return .failure(.noBudget) }
        if !added.isEmpty { warnings.append(.notInBaseline(added.map { plan.tasks[$0].id })) }
        if !removed.isEmpty { warnings.append(.removedSinceBaseline(removed)) }

        // The plan as known at AT.
        let known = history.plan(plan, asOf: at)
        for k in rows.indices {
            let task = known.tasks[rows[k].task]
            let done = fractionDone(task, statusDate: at)
            rows[k].percentComplete = done * 100
            rows[k].earnedValue = rows[k].budget * done
            rows[k].actualCost = task.progress.spent
            if let start = rows[k].baselineStart, let finish = rows[k].baselineFinish {
                rows[k].plannedValue = rows[k].budget * share(of: start, finish, at: at, on: calendar(rows[k]))
            }
        }
        let spending = rows.compactMap(\.actualCost)
        let actualCost = spending.isEmpty ? nil : spending.reduce(0, +)
        if actualCost == nil {
            warnings.append(.noSpending)
        } else {
            let unpaid = rows.filter { $0.earnedValue > 0 && $0.actualCost == nil }.map(\.id)
            if !unpaid.isEmpty { warnings.append(.workWithoutSpending(unpaid)) }
        }
        let earned = rows.reduce(0) { $0 + $1.earnedValue }

        // Status dates known by AT: the plan file's (when it records progress), each
        // update's; then AT itself.
        // Before the plan file's status date its own progress is not yet true.
        let earliest = fileRecordsProgress ? (history.declaredStatusDate ?? 0) : 0
        var times = history.times.filter { $0 <= at + Timing.criticalTolerance && $0 >= earliest - Timing.criticalTolerance }
        if fileRecordsProgress, let declared = history.declaredStatusDate { times.append(declared) }
        let lastUpdate = times.max()
        if let last = lastUpdate, last < at - Timing.criticalTolerance { warnings.append(.progressOlderThanAsOf(lastUpdate: last)) }
        let tracksSpending = plan.tasks.contains { $0.progress.spent != nil }
        var points: [Point] = []
        for time in Set(times + [0]).sorted() where time < at - Timing.criticalTolerance {
            let then = history.plan(plan, asOf: time)
            var ev = 0.0, ac = 0.0
            for r in rows {
                ev += r.budget * fractionDone(then.tasks[r.task], statusDate: time)
                ac += then.tasks[r.task].progress.spent ?? 0
            }
            // Nothing is done before the start, whatever the plan file says.
            if time <= 0 { ev = 0; ac = 0 }
            points.append(Point(time: time, plannedValue: curve.value(at: time), earnedValue: ev, actualCost: tracksSpending ? ac : nil))
        }
        points.append(Point(time: at, plannedValue: curve.value(at: at), earnedValue: earned,
                            actualCost: tracksSpending ? (actualCost ?? 0) : nil))

        let plannedDuration = baseline.finish
        let earnedSchedule = min(plannedDuration, curve.latestTime(notExceeding: earned) ?? plannedDuration)
        return .success(EarnedValue(
            baselineName: baseline.name, savedAt: baseline.savedAt, asOf: at, lastUpdate: lastUpdate,
            budgetAtCompletion: curve.total, plannedValue: curve.value(at: at), earnedValue: earned, actualCost: actualCost,
            plannedDuration: plannedDuration, earnedSchedule: earnedSchedule, tasks: rows, history: points, curve: curve,
            warnings: warnings))
    }

    /// The share of a task done by the status date: all of a finished one; its
    /// percent; else its duration less the work `remaining` (as the forecast
    /// reads them, `Forecast`); nothing for a task not begun.
    ///
    /// - Complexity: O(1).
    public static func fractionDone(_ task: PlanTask, statusDate: Double?) -> Double {
        switch Forecast(task: task, statusDate: statusDate).state {
        case .notStarted: return 0
        case .finished: return 1
        case .started:
            let d = task.duration
            if let percent = task.progress.percent, percent > 0 { return min(1, percent / 100) }
            if statusDate != nil, let remaining = task.progress.remaining, d > 0 { return min(1, max(0, (d - remaining) / d)) }
            return 0
        }
    }

    /// The share of a span's budget planned by time `t`: the share of its time,
    /// or on a working calendar the share of its work.
    static func share(of start: Double, _ finish: Double, at t: Double, on calendar: WorkingTime? = nil) -> Double {
        if finish - start <= PlannedValueCurve.instant { return t >= finish ? 1 : 0 }
        if let calendar {
            let total = calendar.work(from: start, to: finish)
            if total > PlannedValueCurve.instant {
                return min(1, max(0, calendar.work(from: start, to: min(max(t, start), finish)) / total))
            }
        }
        return min(1, max(0, (t - start) / (finish - start)))
    }
}
