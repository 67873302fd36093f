import SlipwayEngine
import SlipwayCore

/// The forecast a verdict must state together: the finish by the plan's links,
/// the finish once owners' capacities are respected, and the chance of the
/// deadline given the estimates and risks. "On time" by the links alone is not
/// a verdict when leveling or risk says otherwise, so every place that states a
/// verdict (the schedule and critical tables, the tracker export) shows all three.
public struct Headline: Sendable, Equatable {
    /// The finish by the plan's links (the critical-path method, no leveling).
    public var finish: Double
    /// The finish leveled by owner capacity, when any task needs an owner.
    public var leveledFinish: Double?
    public var deadline: Double?
    /// The quick simulation, when the plan has estimates that vary or risk events.
    public var chance: Chance?
    /// The plan has estimates or risks but is too large for a quick simulation.
    public var simulationSkipped: Bool

    public struct Chance: Sendable, Equatable {
        /// Share of iterations that finish by the deadline (nil without a deadline).
        public var onTime: Double?
        public var p80: Double
        public var iterations: Int
        public var seed: UInt64
        public var leveled: Bool
    }

    /// 2,000 iterations, seed 1: quick, and the same on every run.
    public static let quickIterations = 2_000
    public static let quickSeed: UInt64 = 1
    /// Node-iterations a quick simulation may spend (about a second on this
    /// machine's two cores); larger plans get fewer iterations, down to 200.
    public static let quickBudget = 20_000_000

    /// Whether the verdicts disagree: the links say on time but leveling or the
    /// simulation says the deadline is at risk.
    public var onTimeByLinksOnly: Bool {
        guard let deadline, finish <= deadline + Timing.criticalTolerance else { return false }
        if let leveledFinish, leveledFinish > deadline + Timing.criticalTolerance { return true }
        if let onTime = chance?.onTime, onTime < 0.5 { return true }
        return false
    }

    /// - Parameter schedule: the plan's schedule, leveled or not.
    /// - Complexity: one leveling, and a simulation of at most `quickBudget`
    ///   node-iterations (`RiskSimulation.run`).
    public static func compute(plan: Plan, schedule: Schedule) -> Headline {
        let leveled = schedule.leveling != nil ? schedule : (usesOwners(plan) ? Scheduler.level(plan, schedule: schedule) : nil)
        var simulation: RiskSimulation.Result?
        var skipped = false
        if varies(plan) {
            let nodes = max(1, plan.tasks.count + plan.constraints.count)
            let iterations = min(quickIterations, quickBudget / nodes)
            if iterations >= 200 {
                // The leveled schedule, when there is one, spares the simulation a second leveling.
                simulation = RiskSimulation.run(plan: plan, schedule: leveled ?? schedule,
                                                settings: .init(iterations: iterations, seed: quickSeed, leveled: usesOwners(plan)))
            } else {
                skipped = true
            }
        }
        var headline = compute(plan: plan, finish: schedule.leveling?.unleveledFinish ?? schedule.finish, leveled: leveled, simulation: simulation)
        headline.simulationSkipped = skipped
        return headline
    }

    /// The headline from what the caller has computed already: the finish by the
    /// links, the leveled schedule (nil when no owner does the work) and a
    /// simulation (nil when nothing varies), such as the review pack's full run.
    ///
    /// - Complexity: O(1).
    public static func compute(plan: Plan, finish: Double, leveled: Schedule?, simulation: RiskSimulation.Result?) -> Headline {
        let chance = simulation.map { result in
            Chance(onTime: result.probabilityOnTime, p80: result.quantile(0.8), iterations: result.iterations,
                   seed: result.seed, leveled: result.leveled)
        }
        return Headline(finish: finish, leveledFinish: leveled?.finish, deadline: plan.deadline, chance: chance, simulationSkipped: false)
    }

    /// Whether some owner's capacity bounds the work: then the plan is leveled.
    ///
    /// - Complexity: O(*T*).
    public static func usesOwners(_ plan: Plan) -> Bool {
        plan.tasks.contains { !$0.isWait && !$0.demands.isEmpty }
    }

    /// Whether anything is left to vary: an estimate of work not yet started, or a risk event.
    ///
    /// - Complexity: O(*T*).
    public static func varies(_ plan: Plan) -> Bool {
        !plan.risks.isEmpty || plan.tasks.contains { task in
            !task.isMilestone && !task.estimate.isFixed && Forecast(task: task, statusDate: plan.statusDate).state == .notStarted
        }
    }
}
