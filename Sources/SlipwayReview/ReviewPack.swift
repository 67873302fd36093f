import SlipwayEngine
import SlipwayCore
import SlipwayScheduling
import SlipwayReports

/// Everything a review shows, computed once by the library's own analyses and
/// then written as HTML (`ReviewHTML`) or Markdown (`ReviewMarkdown`): the
/// headline, the decisions, the constraint register, the critical path and the
/// risk, the critical chain buffers, the changes since the baseline or the last
/// update, the next two weeks by owner and the schedule's health; earned value
/// in the headline when a baseline is saved and progress recorded.
///
/// Nothing here is derived anew: each part is the result of the code the other
/// commands use (`Headline`, `RiskSimulation`, `Comparison`, `Variance`,
/// `CriticalReport`, `HealthCheck`, `Scheduler.level`, `EarnedValue`,
/// `CriticalChainBuffers`), so that the pack and the commands cannot disagree.
public struct ReviewPack: Sendable {
    public struct Settings: Sendable {
        /// Simulation iterations, for the plan and for each alternative compared.
        public var iterations: Int
        public var seed: UInt64
        /// Total float up to which a task is near-critical, in weeks.
        public var nearCritical: Double
        /// The look-ahead window, in weeks.
        public var lookAheadWeeks: Double

        /// The iterations a caller would have got before they were reduced for the
        /// plan's size (`defaultIterations(for:)`), so that the pack can say so.
        public var reducedFrom: Int?

        public init(iterations: Int = defaultIterations, seed: UInt64 = 1, nearCritical: Double = 1, lookAheadWeeks: Double = 2,
                    reducedFrom: Int? = nil) {
            self.iterations = iterations
            self.seed = seed
            self.nearCritical = nearCritical
            self.lookAheadWeeks = lookAheadWeeks
            self.reducedFrom = reducedFrom
        }

        public static let defaultIterations = 10_000
        /// Node-iterations a leveled simulation spends by default: every iteration
        /// levels the whole plan, about 2 ms for 5,000 tasks on this machine, so
        /// 25,000,000 is about 5 s on two cores (10 s of processor time).
        public static let nodeIterationBudget = 25_000_000

        /// The settings when the caller does not choose the iterations: 10,000, or
        /// for a plan leveled by owner capacity as many as `nodeIterationBudget`
        /// allows (at least 1,000): 4,990 for a 5,000-task plan with 10 constraints.
        ///
        /// - Complexity: O(*T*).
        public static func `default`(for plan: Plan, seed: UInt64 = 1) -> Settings {
            let nodes = max(1, plan.tasks.count + plan.constraints.count)
            guard Headline.usesOwners(plan), nodes * defaultIterations > nodeIterationBudget else {
                return Settings(iterations: defaultIterations, seed: seed)
            }
            return Settings(iterations: max(1_000, nodeIterationBudget / nodes), seed: seed, reducedFrom: defaultIterations)
        }
    }

    public var plan: Plan
    /// The schedule by the plan's links.
    public var schedule: Schedule
    /// Leveled by owner capacity, when owners do the work.
    public var leveled: Schedule?
    public var settings: Settings
    /// The plan's simulation (leveled when owners do the work), when something varies.
    public var simulation: RiskSimulation.Result?
    public var headline: Headline
    /// The plan as it is, then its options and scenarios; empty when it has none.
    public var comparison: [Comparison.Outcome]
    /// Milestones with criteria, in plan order.
    public var gates: [Int]
    /// Every constraint, in plan order.
    public var register: [RegisterEntry]
    public var nearCritical: [Int]
    public var changes: Changes?
    public var trend: [SlipTrend.Point]
    public var trendBaselines: [SlipTrend.BaselinePoint]
    /// Where the look-ahead window begins: the status date, or t = 0.
    public var lookAheadFrom: Double
    public var lookAhead: [LookAhead.OwnerWork]
    public var health: [HealthCheck.Result]
    /// The baseline the pack compares with, when one is saved.
    public var baseline: Baseline?
    /// Earned value against the saved baseline at the status date, as
    /// `slipway earned` computes it; why not, when it cannot be.
    public var earned: Result<EarnedValue, EarnedValueUnavailable>
    /// The critical chain buffers by `rsse`, as `slipway buffers` computes them,
    /// and the project buffer at each status date (the fever chart's trail).
    public var buffers: CriticalChainBuffers
    public var bufferTrail: [CriticalChainBuffers.TrailPoint]

    /// Why the pack shows no earned value.
    public enum EarnedValueUnavailable: Error, Sendable, Equatable {
        /// No baseline saved: nothing to earn against.
        case noBaseline
        case problem(EarnedValue.Problem)
    }

    /// One constraint of the register.
    public struct RegisterEntry: Sendable {
        public var constraint: Int
        public var resolution: Schedule.Resolution
        /// When the leveled schedule resolves it.
        public var leveledResolved: Double?
        /// What drives the resolution, by the links.
        public var chain: DrivingChain
        /// Target minus resolution, in weeks (negative when late); nil without a target.
        public var margin: Double? { resolution.target.map { $0 - resolution.resolved } }
        /// Late when leveled although on time by the links.
        public var lateOnlyLeveled: Bool {
            guard !resolution.late, let leveled = leveledResolved else { return false }
            return Lateness(finish: leveled, due: resolution.target).late
        }
    }

    /// What moved since a reference schedule: a saved baseline, or, without
    /// one, the forecast at the previous update of the progress history.
    public struct Changes: Sendable {
        public enum Reference: Sendable, Equatable {
            case baseline(name: String, savedAt: String, statusDate: Double?)
            case lastUpdate(statusDate: Double)
        }

        public var reference: Reference
        public var variance: Variance
        /// Tasks finished now that had not finished at the reference's status date.
        public var finished: [Int]
        /// The leveled finish at the reference, when known (the previous update).
        public var referenceLeveledFinish: Double?
    }

    /// Where the plan and its history come from.
    public struct Inputs: Sendable {
        /// The plan file's text: loaded again for the alternatives and for each
        /// earlier status date.
        public var text: String
        public var sidecar: ProgressLog.Source?
        /// The baseline to compare with, and its file (for its problems).
        public var baseline: Baseline?
        public var baselinePath: String
        /// Every baseline saved beside the plan, for the slip trend.
        public var baselines: [Baseline]
        public var planHash: String?
        public var progressHash: String?

        public init(text: String, sidecar: ProgressLog.Source? = nil, baseline: Baseline? = nil, baselinePath: String = "",
                    baselines: [Baseline] = [], planHash: String? = nil, progressHash: String? = nil) {
            self.text = text
            self.sidecar = sidecar
            self.baseline = baseline
            self.baselinePath = baselinePath
            self.baselines = baselines
            self.planHash = planHash
            self.progressHash = progressHash
        }
    }

    /// Computes the pack.
    ///
    /// - Parameters:
    ///   - plan: the plan loaded from `inputs.text` with its progress, and its
    ///     schedule by the links.
    /// - Returns: the pack, or the baseline's problem when it belongs to another plan.
    /// - Complexity: one leveling; one simulation of `settings.iterations`
    ///   (reused from the comparison when the plan has options or scenarios, which
    ///   loads, levels and simulates each alternative); one load and schedule per
    ///   earlier status date of the progress history, twice (the slip trend and
    ///   the buffers' trail); one more leveling for the buffers with progress
    ///   (`CriticalChainBuffers.compute`); O(*V* + *E*) for the rest, and the
    ///   health check's rescheduling.
    public static func build(plan: Plan, schedule: Schedule, inputs: Inputs, settings: Settings = .init()) -> Result<ReviewPack, Baseline.Problem> {
        let usesOwners = Headline.usesOwners(plan)
        let leveled = usesOwners ? Scheduler.level(plan, schedule: schedule) : nil
        let simulationSettings = RiskSimulation.Settings(iterations: settings.iterations, seed: settings.seed, leveled: usesOwners)
        // The comparison simulates the plan as it is with these very settings:
        // its outcome is the headline's simulation, not a second run.
        let alternatives = Comparison.alternatives(of: plan)
        let comparison = alternatives.count > 1
            ? Comparison.run(text: inputs.text, sidecar: inputs.sidecar, alternatives: alternatives,
                             settings: .init(iterations: settings.iterations, seed: settings.seed))
            : []
        var simulation: RiskSimulation.Result?
        if Headline.varies(plan) {
            simulation = comparison.first.flatMap { $0.alternative.kind == .plan ? $0.simulation : nil }
                ?? RiskSimulation.run(plan: plan, schedule: leveled ?? schedule, settings: simulationSettings)
        }
        let headline = Headline.compute(plan: plan, finish: schedule.finish, leveled: leveled, simulation: simulation)
        let register = plan.constraints.indices.map { c in
            RegisterEntry(constraint: c, resolution: schedule.resolutions[c], leveledResolved: leveled?.resolved(c),
                          chain: schedule.drivingChain(into: .resolution(c), plan: plan))
        }
        let trend = SlipTrend.history(text: inputs.text, sidecar: inputs.sidecar, plan: plan, finish: schedule.finish,
                                      leveledFinish: leveled?.finish)
        let changes: Changes?
        switch Self.changes(plan: plan, schedule: schedule, inputs: inputs, trend: trend) {
        case .success(let c): changes = c
        case .failure(let problem): return .failure(problem)
        }
        let from = plan.statusDate ?? 0
        let earned: Result<EarnedValue, EarnedValueUnavailable> = inputs.baseline.map { saved in
            EarnedValue.compute(plan: plan, baseline: saved, path: inputs.baselinePath).mapError { .problem($0) }
        } ?? .failure(.noBaseline)
        // The default leveling is the one `buffers` does: the pack's own leveled
        // schedule stands in for it, one leveling fewer.
        let buffers = CriticalChainBuffers.compute(plan: plan, schedule: schedule, method: .rsse, leveled: leveled)
        return .success(ReviewPack(
            plan: plan, schedule: schedule, leveled: leveled, settings: settings, simulation: simulation, headline: headline,
            comparison: comparison, gates: plan.tasks.indices.filter { plan.tasks[$0].isMilestone && !plan.tasks[$0].criteria.isEmpty },
            register: register, nearCritical: CriticalReport.nearCritical(schedule: schedule, near: settings.nearCritical),
            changes: changes, trend: trend, trendBaselines: SlipTrend.baselinePoints(inputs.baselines),
            lookAheadFrom: from,
            lookAhead: LookAhead.compute(plan: plan, schedule: leveled ?? schedule, from: from, weeks: settings.lookAheadWeeks),
            health: HealthCheck.run(plan: plan, schedule: schedule, baseline: inputs.baseline), baseline: inputs.baseline,
            earned: earned, buffers: buffers, bufferTrail: buffers.projectTrail(plan: plan)))
    }

    /// The variance against the baseline, or, without one, against the forecast
    /// at the previous update of the progress history (the plan loaded with the
    /// updates before the last `as-of`, captured as an unsaved baseline).
    ///
    /// - Complexity: O(*T* + *B* + *C*) against a baseline; one more load and
    ///   schedule of the plan against the previous update.
    static func changes(plan: Plan, schedule: Schedule, inputs: Inputs, trend: [SlipTrend.Point]) -> Result<Changes?, Baseline.Problem> {
        let reference: Baseline
        let kind: Changes.Reference
        var referenceLeveled: Double?
        var path = inputs.baselinePath
        if let saved = inputs.baseline {
            reference = saved
            kind = .baseline(name: saved.name, savedAt: saved.savedAt, statusDate: saved.statusDate)
        } else if trend.count > 1, let sidecar = inputs.sidecar {
            let previous = trend[trend.count - 2]
            let checked = CheckedPlan.from(PlanLoader.load(text: inputs.text, sidecar: sidecar,
                                                           variant: .init(progressUpTo: previous.statusDate)))
            guard let earlier = checked.plan, let earlierSchedule = checked.schedule else { return .success(nil) }
            reference = Baseline(plan: earlier, schedule: earlierSchedule, name: "previous update", planFile: "", planHash: "",
                                 progressHash: nil, savedAt: "")
            kind = .lastUpdate(statusDate: previous.statusDate)
            referenceLeveled = previous.leveledFinish
            path = sidecar.path
        } else {
            return .success(nil)
        }
        switch Variance.compute(plan: plan, schedule: schedule, baseline: reference, path: path,
                                planHash: inputs.planHash, progressHash: inputs.progressHash) {
        case .failure(let problem): return .failure(problem)
        case .success(let variance):
            let since = reference.statusDate ?? -Double.infinity
            let finished = schedule.taskOrder.filter { j in
                Forecast(task: plan.tasks[j], statusDate: plan.statusDate).state == .finished && schedule.finish(j) > since + Timing.criticalTolerance
            }
            return .success(Changes(reference: kind, variance: variance, finished: finished, referenceLeveledFinish: referenceLeveled))
        }
    }
}
