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
        /// The sorted finishes of all iterations, for histograms.
        public var finishes: [Double]
    }

    public static let reportedQuantiles: [Double] = [0.10, 0.50, 0.80, 0.90, 0.95]

    /// Simulates a scheduled plan: tasks not yet started vary by their estimates;
    /// milestones, fixed estimates and work already started or finished do not
    /// (what remains of a started task is the forecast's).
    ///
    /// - Complexity: as `run`.
    public static func run(plan: Plan, schedule: Schedule, iterations: Int, seed: UInt64) -> Result {
        var estimates = [Estimate?](repeating: nil, count: schedule.ordered.nodeCount)
        for (j, task) in plan.tasks.enumerated() where !task.isMilestone {
            let forecast = Forecast(task: task, statusDate: plan.statusDate)
            // A re-estimate (`remaining` on work not begun) replaces the estimate, as a fixed value.
            if forecast.state == .notStarted, abs(forecast.duration - task.duration) < 1e-12 { estimates[j] = task.estimate }
        }
        return run(schedule.ordered, estimates: estimates, deadline: plan.deadline, iterations: iterations, seed: seed)
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
        let iterations = max(2, iterations)
        let outcome = MonteCarloSchedule.run(ordered, estimates: estimates, iterations: iterations, seed: seed, threads: threads)
        var finishes = outcome.finishes
        let n = Double(iterations)
        let mean = finishes.reduce(0, +) / n
        let variance = finishes.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
        finishes.sort()
        return Result(
            iterations: iterations, seed: seed, mean: mean, stdev: variance.squareRoot(),
            quantiles: reportedQuantiles.map { ($0, quantile(sorted: finishes, $0)) },
            probabilityOnTime: deadline.map { d in Double(finishes.filter { $0 <= d + Timing.criticalTolerance }.count) / n },
            criticality: outcome.criticalCount.map { Double($0) / n },
            finishes: finishes)
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
