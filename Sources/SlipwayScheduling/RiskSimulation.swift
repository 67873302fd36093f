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
        let network = schedule.graph.network
        var estimates = [Estimate?](repeating: nil, count: network.nodeCount)
        for (j, task) in plan.tasks.enumerated() where !task.isMilestone {
            let forecast = Forecast(task: task, statusDate: plan.statusDate)
            // A re-estimate (`remaining` on work not begun) replaces the estimate, as a fixed value.
            if forecast.state == .notStarted, abs(forecast.duration - task.duration) < 1e-12 { estimates[j] = task.estimate }
        }
        guard case .ordered(let order) = TopologicalOrder.of(network) else { preconditionFailure("a scheduled plan is acyclic") }
        return run(network, order: order, estimates: estimates, deadline: plan.deadline, iterations: iterations, seed: seed)
    }

    /// - Parameters:
    ///   - estimates: per node, the estimate to sample, or nil for a duration that
    ///     does not vary (milestones, fixed estimates, resolutions, work already
    ///     started or finished).
    ///   - deadline: for the probability of finishing on time.
    /// - Complexity: O(*n* · (*V* + *E*)) for *n* iterations, plus O(*n* log *n*)
    ///   for the quantiles; memory O(*V* + *n*).
    public static func run(_ network: DependencyNetwork, order: [Int32], estimates: [Estimate?], deadline: Double?,
                           iterations: Int, seed: UInt64) -> Result {
        precondition(iterations >= 2, "a standard deviation needs two iterations")
        var rng = SplitMix64(seed: seed)
        var sampled = network
        var finishes = [Double](repeating: 0, count: iterations)
        var criticalCount = [Int](repeating: 0, count: network.nodeCount)
        let varying = estimates.indices.filter { estimates[$0].map { !$0.isFixed } ?? false }
        for iteration in 0..<iterations {
            for j in varying { sampled.duration[j] = PERTBeta.sample(estimates[j]!, using: &rng) }
            let timing = CriticalPathMethod.schedule(sampled, order: order)
            finishes[iteration] = timing.finish
            for j in 0..<network.nodeCount where timing.totalFloat[j] <= Timing.criticalTolerance { criticalCount[j] += 1 }
        }
        let n = Double(iterations)
        let mean = finishes.reduce(0, +) / n
        let variance = finishes.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
        finishes.sort()
        return Result(
            iterations: iterations, seed: seed, mean: mean, stdev: variance.squareRoot(),
            quantiles: reportedQuantiles.map { ($0, quantile(sorted: finishes, $0)) },
            probabilityOnTime: deadline.map { d in Double(finishes.filter { $0 <= d + Timing.criticalTolerance }.count) / n },
            criticality: criticalCount.map { Double($0) / n },
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

/// The PERT-Beta distribution of an estimate with λ = 4: α = 1 + 4(m - o)/(p - o),
/// β = 1 + 4(p - m)/(p - o), d = o + (p - o) · Beta(α, β); its mean is the PERT
/// mean (o + 4m + p)/6.
public enum PERTBeta {
    public static func shapes(_ e: Estimate) -> (alpha: Double, beta: Double) {
        let range = e.pessimistic - e.optimistic
        return (1 + 4 * (e.mostLikely - e.optimistic) / range, 1 + 4 * (e.pessimistic - e.mostLikely) / range)
    }

    public static func sample<G: RandomNumberGenerator>(_ e: Estimate, using rng: inout G) -> Double {
        guard !e.isFixed else { return e.mostLikely }
        let (alpha, beta) = shapes(e)
        let x = gamma(alpha, using: &rng), y = gamma(beta, using: &rng)
        return e.optimistic + (e.pessimistic - e.optimistic) * x / (x + y)
    }

    /// Gamma(shape, 1) for shape >= 1 (the PERT shapes are at least 1), by
    /// Marsaglia & Tsang (2000); normals by the Box-Muller transform.
    static func gamma<G: RandomNumberGenerator>(_ shape: Double, using rng: inout G) -> Double {
        let d = shape - 1.0 / 3.0, c = 1 / (9 * d).squareRoot()
        while true {
            var x = 0.0, v = 0.0
            repeat {
                x = normal(using: &rng)
                v = 1 + c * x
            } while v <= 0
            v = v * v * v
            let u = Double.random(in: 0..<1, using: &rng)
            if u < 1 - 0.0331 * x * x * x * x { return d * v }
            if u > 0, log(u) < 0.5 * x * x + d * (1 - v + log(v)) { return d * v }
        }
    }

    static func normal<G: RandomNumberGenerator>(using rng: inout G) -> Double {
        let u1 = Double.random(in: Double.leastNonzeroMagnitude..<1, using: &rng)
        let u2 = Double.random(in: 0..<1, using: &rng)
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }
}
