import SlipwayEngine
import SlipwayCore
import Foundation

/// Monte Carlo schedule risk (section 4 of the plan-format contract): each
/// iteration draws every estimated duration from its PERT-Beta distribution,
/// schedules the network, and records the finish and which tasks were critical.
public enum RiskSimulation {
    public struct Result: Sendable {
        public var iterations: Int
        public var seed: UInt64
        /// Whether every iteration was leveled by owner capacity.
        public var leveled: Bool
        public var mean: Double
        /// Sample standard deviation (n - 1).
        public var stdev: Double
        /// Finish quantiles for p = 0.10, 0.50, 0.80, 0.90, 0.95, interpolated linearly.
        public var quantiles: [(p: Double, finish: Double)]
        /// Share of iterations that finish by the deadline; nil without one.
        public var probabilityOnTime: Double?
        /// Per node, the share of iterations in which it was critical (its own
        /// backward pass, total float <= 1e-9).
        public var criticality: [Double]
        /// Per node: the correlation of its sampled duration with the finish
        /// (cruciality, Williams 1992); nil for a duration that does not vary.
        public var cruciality: [Double?]
        /// Per node: the schedule sensitivity index, criticality × σ(duration) /
        /// σ(finish) (PMI 2009; Vanhoucke 2010).
        public var sensitivity: [Double]
        /// Per risk of the plan (in `Plan.risks` order, those switched off included).
        public var risks: [RiskOutcome]
        /// The sorted finishes of all iterations, for histograms.
        public var finishes: [Double]

        /// The finish by which `p` of the iterations end.
        public func quantile(_ p: Double) -> Double { RiskSimulation.quantile(sorted: finishes, p) }
    }

    /// What one risk event did over the iterations.
    public struct RiskOutcome: Sendable, Equatable {
        public var risk: Int
        /// False when the run left it out (`--without-risks`).
        public var included: Bool
        /// Share of iterations in which it occurred.
        public var occurrence: Double
        /// Mean finish when it occurred less mean finish when it did not: what it
        /// adds to the finish when it happens; nil when it never or always occurred.
        public var meanContribution: Double?
        /// Correlation of its impact (0 when it did not occur) with the finish.
        public var cruciality: Double?
        /// Share of iterations in which it occurred with one of its tasks critical,
        /// × σ(impact) / σ(finish).
        public var sensitivity: Double
    }

    public static let reportedQuantiles: [Double] = [0.10, 0.50, 0.80, 0.90, 0.95]

    /// How a simulation runs.
    public struct Settings: Sendable {
        public var iterations: Int
        public var seed: UInt64
        /// Level every iteration by owner capacity, with the sequence of the plan's
        /// deterministic leveled schedule.
        public var leveled: Bool
        /// Risks to leave out (indices into `Plan.risks`), for a run after mitigation.
        public var excludedRisks: Set<Int>
        public var threads: Int

        public init(iterations: Int, seed: UInt64, leveled: Bool = false, excludedRisks: Set<Int> = [],
                    threads: Int = MonteCarloSchedule.defaultThreads) {
            self.iterations = iterations
            self.seed = seed
            self.leveled = leveled
            self.excludedRisks = excludedRisks
            self.threads = threads
        }
    }

    /// Simulates a scheduled plan: tasks not yet started vary by their estimates;
    /// milestones, fixed estimates and work already started or finished do not
    /// (what remains of a started task is the forecast's).
    ///
    /// - Complexity: as `run`.
    public static func run(plan: Plan, schedule: Schedule, iterations: Int, seed: UInt64) -> Result {
        run(plan: plan, schedule: schedule, settings: Settings(iterations: iterations, seed: seed))
    }

    /// - Parameter schedule: the plan's schedule, leveled or not: the unleveled
    ///   network is sampled, and with `settings.leveled` every iteration is
    ///   leveled with the priorities of the leveled schedule (the order in which
    ///   leveling gave each owner its work), so a plan whose estimates are fixed
    ///   and whose risks never occur gives the leveled finish in every iteration.
    /// - Complexity: as `MonteCarloSchedule.run`.
    public static func run(plan: Plan, schedule: Schedule, settings: Settings) -> Result {
        let base = schedule.leveling == nil ? schedule : unleveled(plan, schedule)
        let n = base.ordered.nodeCount
        var estimates = [Estimate?](repeating: nil, count: n)
        for (j, task) in plan.tasks.enumerated() where !task.isMilestone {
            let forecast = Forecast(task: task, statusDate: plan.statusDate)
            // A re-estimate (`remaining` on work not begun) replaces the estimate, as a fixed value.
            if forecast.state == .notStarted, abs(forecast.duration - task.duration) < 1e-12 { estimates[j] = task.estimate }
        }
        var leveling: MonteCarloSchedule.Leveling?
        if settings.leveled {
            let leveled = schedule.leveling == nil ? Scheduler.level(plan, schedule: schedule) : schedule
            leveling = .init(demands: LeveledMeasure.demands(plan: plan, nodeCount: n), priority: leveled.timing.earlyStart)
        }
        let risks = riskEvents(plan: plan, excluded: settings.excludedRisks)
        let outcome = MonteCarloSchedule.run(base.ordered, estimates: estimates, risks: risks.map(\.event), leveling: leveling,
                                             iterations: max(2, settings.iterations), seed: settings.seed, threads: settings.threads)
        var result = summarize(outcome, seed: settings.seed, deadline: plan.deadline, leveled: settings.leveled)
        result.risks = plan.risks.indices.map { q in
            guard let k = risks.firstIndex(where: { $0.risk == q }) else {
                return RiskOutcome(risk: q, included: false, occurrence: 0, meanContribution: nil, cruciality: nil, sensitivity: 0)
            }
            return riskOutcome(outcome, k, risk: q, result: result)
        }
        return result
    }

    /// The risk events of a plan on the network's nodes, each with its index in `Plan.risks`.
    static func riskEvents(plan: Plan, excluded: Set<Int>) -> [(risk: Int, event: MonteCarloSchedule.RiskEvent)] {
        plan.risks.indices.compactMap { q in
            guard !excluded.contains(q) else { return nil }
            let risk = plan.risks[q]
            let nodes = risk.on.compactMap { $0.referent?.task }.filter { Forecast(task: plan.tasks[$0], statusDate: plan.statusDate).state != .finished }
            return (q, MonteCarloSchedule.RiskEvent(probability: risk.probability, impact: risk.impact, nodes: nodes.map { Int32($0) },
                                                   mode: risk.mode == .delay ? .delay : .extend))
        }
    }

    static func unleveled(_ plan: Plan, _ schedule: Schedule) -> Schedule {
        guard case .scheduled(let s) = Scheduler.schedule(plan) else { return schedule }
        return s
    }

    /// - Parameters:
    ///   - estimates: per node, the estimate to sample, or nil for a duration that
    ///     does not vary (milestones, fixed estimates, resolutions, work already
    ///     started or finished).
    ///   - deadline: for the probability of finishing on time.
    ///   - threads: workers for the iterations; the numbers do not depend on it.
    /// - Complexity: O(*n* · (*V* + *E*)) for *n* iterations (`MonteCarloSchedule`),
    ///   plus O(*n* log *n*) for the quantiles; memory O(*V* + *n*) per thread.
    public static func run(_ ordered: OrderedNetwork, estimates: [Estimate?], deadline: Double?,
                           iterations: Int, seed: UInt64, threads: Int = MonteCarloSchedule.defaultThreads) -> Result {
        let outcome = MonteCarloSchedule.run(ordered, estimates: estimates, iterations: max(2, iterations), seed: seed, threads: threads)
        return summarize(outcome, seed: seed, deadline: deadline, leveled: false)
    }

    /// Percentiles, the chance of the deadline, criticality and the drivers from
    /// the sums of a run.
    ///
    /// - Complexity: O(*n* log *n* + *V*).
    static func summarize(_ outcome: MonteCarloSchedule.Outcome, seed: UInt64, deadline: Double?, leveled: Bool) -> Result {
        var finishes = outcome.finishes
        let count = Double(outcome.iterations)
        let mean = finishes.reduce(0, +) / count
        let variance = finishes.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (count - 1)
        let sigmaF = variance.squareRoot()
        finishes.sort()
        let criticality = outcome.criticalCount.map { Double($0) / count }
        var cruciality = [Double?](repeating: nil, count: criticality.count)
        var sensitivity = [Double](repeating: 0, count: criticality.count)
        for j in criticality.indices {
            guard let (sigma, correlation) = moments(sum: outcome.durationSum[j], squares: outcome.durationSquareSum[j],
                                                     withFinish: outcome.durationFinishSum[j], count: count, meanF: mean, sigmaF: sigmaF) else { continue }
            cruciality[j] = correlation
            sensitivity[j] = sigmaF > 0 ? criticality[j] * sigma / sigmaF : 0
        }
        return Result(iterations: outcome.iterations, seed: seed, leveled: leveled, mean: mean, stdev: sigmaF,
                      quantiles: reportedQuantiles.map { ($0, quantile(sorted: finishes, $0)) },
                      probabilityOnTime: deadline.map { d in Double(finishes.filter { $0 <= d + Timing.criticalTolerance }.count) / count },
                      criticality: criticality, cruciality: cruciality, sensitivity: sensitivity, risks: [], finishes: finishes)
    }

    static func riskOutcome(_ outcome: MonteCarloSchedule.Outcome, _ k: Int, risk q: Int, result: Result) -> RiskOutcome {
        let count = Double(outcome.iterations)
        let occurred = Double(outcome.riskOccurrences[k])
        var contribution: Double?
        if occurred > 0, occurred < count {
            let withRisk = outcome.riskFinishSumWhenOccurred[k] / occurred
            let without = (result.mean * count - outcome.riskFinishSumWhenOccurred[k]) / (count - occurred)
            contribution = withRisk - without
        }
        let m = moments(sum: outcome.riskImpactSum[k], squares: outcome.riskImpactSquareSum[k], withFinish: outcome.riskImpactFinishSum[k],
                        count: count, meanF: result.mean, sigmaF: result.stdev)
        let criticalShare = Double(outcome.riskCriticalCount[k]) / count
        return RiskOutcome(risk: q, included: true, occurrence: occurred / count, meanContribution: contribution, cruciality: m?.correlation,
                           sensitivity: m.map { result.stdev > 0 ? criticalShare * $0.sigma / result.stdev : 0 } ?? 0)
    }

    /// The standard deviation of a sampled quantity and its correlation with the
    /// finish, from running sums; nil when it does not vary.
    static func moments(sum: Double, squares: Double, withFinish: Double, count: Double, meanF: Double, sigmaF: Double)
        -> (sigma: Double, correlation: Double?)? {
        let mean = sum / count
        let variance = max(0, (squares - count * mean * mean) / (count - 1))
        guard variance > 1e-18 else { return nil }
        let sigma = variance.squareRoot()
        let covariance = (withFinish - count * mean * meanF) / (count - 1)
        return (sigma, sigmaF > 1e-12 ? max(-1, min(1, covariance / (sigma * sigmaF))) : nil)
    }

    /// The p-quantile of sorted values with linear interpolation between the two
    /// nearest ranks (Hyndman & Fan 1996, definition 7, as numpy and R default).
    ///
    /// - Complexity: O(1).
    public static func quantile(sorted values: [Double], _ p: Double) -> Double {
        guard !values.isEmpty else { return .nan }
        let position = p * Double(values.count - 1)
        let lower = Int(position.rounded(.down)), upper = min(lower + 1, values.count - 1)
        return values[lower] + (values[upper] - values[lower]) * (position - Double(lower))
    }
}
