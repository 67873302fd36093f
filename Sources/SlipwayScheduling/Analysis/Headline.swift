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
        let usesOwners = plan.tasks.contains { !$0.isWait && !$0.demands.isEmpty }
        var finish = schedule.finish
        var leveledFinish: Double?
        if let leveling = schedule.leveling {
            finish = leveling.unleveledFinish
            leveledFinish = schedule.finish
        } else if usesOwners {
            leveledFinish = Scheduler.level(plan, schedule: schedule).finish
        }
        let varies = !plan.risks.isEmpty || plan.tasks.contains { task in
            !task.isMilestone && !task.estimate.isFixed && Forecast(task: task, statusDate: plan.statusDate).state == .notStarted
        }
        var chance: Chance?
        var skipped = false
        if varies {
            let nodes = max(1, plan.tasks.count + plan.constraints.count)
            let iterations = min(quickIterations, quickBudget / nodes)
            if iterations >= 200 {
                let result = RiskSimulation.run(plan: plan, schedule: schedule,
                                                settings: .init(iterations: iterations, seed: quickSeed, leveled: usesOwners))
                chance = Chance(onTime: result.probabilityOnTime, p80: result.quantile(0.8), iterations: iterations,
                                seed: quickSeed, leveled: usesOwners)
            } else {
                skipped = true
            }
        }
        return Headline(finish: finish, leveledFinish: leveledFinish, deadline: plan.deadline, chance: chance, simulationSkipped: skipped)
    }
}
