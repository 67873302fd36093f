import Dispatch
import SlipwayEngine
import SlipwayCore

/// Decisions side by side: the plan as it is, each option of a constraint, each
/// scenario — every one loaded as a variant of the same plan text, scheduled,
/// leveled when owners do the work, and simulated with the same seed — with the
/// finish, the chance of the deadline and P80, the cost, the targets missed, how
/// the critical path differs and which tasks move most.
public enum Comparison {
    /// One thing to compare.
    public struct Alternative: Sendable {
        public enum Kind: Sendable, Equatable {
            /// The plan as it is (its chosen options).
            case plan
            case option(constraint: String, option: String, chosenInPlan: Bool)
            case scenario(id: String)
        }

        public var label: String
        public var kind: Kind
        public var variant: PlanLoader.PlanVariant

        public init(label: String, kind: Kind, variant: PlanLoader.PlanVariant) {
            self.label = label
            self.kind = kind
            self.variant = variant
        }
    }

    public struct Outcome: Sendable {
        public var alternative: Alternative
        /// Errors that kept this variant from being scheduled (an option whose
        /// work names what another option lacks, a scenario's bad change).
        public var errors: [Diagnostic]
        public var finish: Double?
        public var leveledFinish: Double?
        public var simulation: RiskSimulation.Result?
        public var cost: Double?
        public var budget: Double?
        public var targetsMissed: [String]
        public var criticalPath: [String]
        /// Tasks on this critical path and not on the plan's, and the other way round.
        public var joinsCriticalPath: [String]
        public var leavesCriticalPath: [String]
        /// The tasks whose finish moves most against the plan as it is (id, weeks).
        public var moved: [(id: String, by: Double)]
        /// Best by the chance of the deadline, then cost.
        public var isBest: Bool

        public var chance: Double? { simulation?.probabilityOnTime }
        public var p80: Double? { simulation?.quantile(0.8) }
        /// The finish a lead should quote: leveled when owners do the work.
        public var forecast: Double? { leveledFinish ?? finish }
    }

    public struct Settings: Sendable {
        public var iterations: Int
        public var seed: UInt64
        public var movedLimit: Int

        public init(iterations: Int = 10_000, seed: UInt64 = 1, movedLimit: Int = 3) {
            self.iterations = iterations
            self.seed = seed
            self.movedLimit = movedLimit
        }
    }

    /// The alternatives a plan offers by itself: the plan as it is (with its
    /// chosen options named), every other option of every constraint that has
    /// options (or only those of `constraints`), and every scenario declared in it.
    public static func alternatives(of plan: Plan, constraints: [String]? = nil, scenarios: [Scenario]? = nil) -> [Alternative] {
        var result = [Alternative(label: planLabel(plan), kind: .plan, variant: .init())]
        for c in plan.constraints where !c.choices.isEmpty && (constraints?.contains(c.id) ?? true) {
            // The chosen option is the plan as it is, already first.
            for (k, option) in c.choices.enumerated() where k != c.chosen {
                result.append(Alternative(label: "\(c.id) = \(option.id)",
                                          kind: .option(constraint: c.id, option: option.id, chosenInPlan: false),
                                          variant: .init(choices: [c.id: option.id])))
            }
        }
        for scenario in scenarios ?? plan.scenarios {
            result.append(Alternative(label: "scenario \(scenario.id)", kind: .scenario(id: scenario.id), variant: .init(scenario: scenario)))
        }
        return result
    }

    /// `plan as it is (nats-protocol = eventbridge)`.
    public static func planLabel(_ plan: Plan) -> String {
        let chosen = plan.constraints.compactMap { c in c.chosen.map { "\(c.id) = \(c.choices[$0].id)" } }
        return "plan as it is" + (chosen.isEmpty ? "" : " (\(chosen.joined(separator: ", ")))")
    }

    /// - Parameters:
    ///   - text: the plan file's text, loaded once per alternative.
    ///   - sidecar: its progress, applied to every alternative alike.
    /// - Complexity: per alternative, one load, one schedule, one leveling and a
    ///   simulation of `settings.iterations` (leveled when owners do the work).
    public static func run(text: String, sidecar: ProgressLog.Source?, alternatives: [Alternative], settings: Settings) -> [Outcome] {
        // Each alternative is loaded, leveled and simulated on its own, so they run
        // side by side (the search and the simulation inside each use every core
        // too; neither depends on how threads are shared, so the numbers do not
        // change); the comparisons with the plan as it is come after, in order.
        let evaluated = ConcurrentResults<Evaluated>(count: alternatives.count)
        DispatchQueue.concurrentPerform(iterations: alternatives.count) { k in
            evaluated.set(k, evaluate(text: text, sidecar: sidecar, alternative: alternatives[k], settings: settings))
        }
        var outcomes: [Outcome] = []
        var reference: (plan: Plan, schedule: Schedule)?
        for result in evaluated.values {
            var outcome = result.outcome
            if let (plan, shown) = result.scheduled {
                let path = outcome.criticalPath
                if let reference {
                    let referencePath = reference.schedule.criticalPath.map { reference.plan.tasks[$0].id }
                    outcome.joinsCriticalPath = path.filter { !referencePath.contains($0) }
                    outcome.leavesCriticalPath = referencePath.filter { !path.contains($0) }
                    outcome.moved = moves(from: reference, to: (plan, shown), limit: settings.movedLimit)
                } else {
                    reference = (plan, shown)
                }
            }
            outcomes.append(outcome)
        }
        markBest(&outcomes)
        return outcomes
    }

    /// One alternative on its own: its outcome, and the plan and shown schedule
    /// that the comparisons with the plan as it is need.
    struct Evaluated: Sendable {
        var outcome: Outcome
        var scheduled: (plan: Plan, shown: Schedule)?
    }

    /// - Complexity: one load, one schedule, one leveling and a simulation of
    ///   `settings.iterations` (leveled when owners do the work).
    static func evaluate(text: String, sidecar: ProgressLog.Source?, alternative: Alternative, settings: Settings) -> Evaluated {
        let loaded = PlanLoader.load(text: text, sidecar: sidecar, variant: alternative.variant)
        let checked = CheckedPlan.from(loaded)
        guard let plan = checked.plan, let schedule = checked.schedule else {
            return Evaluated(outcome: Outcome(alternative: alternative, errors: checked.diagnostics.errors, finish: nil, leveledFinish: nil,
                                              simulation: nil, cost: nil, budget: nil, targetsMissed: [], criticalPath: [],
                                              joinsCriticalPath: [], leavesCriticalPath: [], moved: [], isBest: false),
                             scheduled: nil)
        }
        let usesOwners = plan.tasks.contains { !$0.isWait && !$0.demands.isEmpty }
        let leveled = usesOwners ? Scheduler.level(plan, schedule: schedule) : nil
        let shown = leveled ?? schedule
        // The leveled schedule goes in as it is: given the unleveled one, the
        // simulation would level the plan a second time for its priorities.
        let simulation = RiskSimulation.run(plan: plan, schedule: shown,
                                            settings: .init(iterations: settings.iterations, seed: settings.seed, leveled: usesOwners))
        let outcome = Outcome(alternative: alternative, errors: [], finish: schedule.finish, leveledFinish: leveled?.finish,
                              simulation: simulation, cost: schedule.cost.isKnown ? schedule.cost.total : nil, budget: plan.budget,
                              targetsMissed: shown.resolutions.filter(\.late).map { plan.constraints[$0.constraint].id },
                              criticalPath: shown.criticalPath.map { plan.tasks[$0].id }, joinsCriticalPath: [], leavesCriticalPath: [],
                              moved: [], isBest: false)
        return Evaluated(outcome: outcome, scheduled: (plan, shown))
    }

    /// The tasks whose finish differs most between two schedules, by id.
    ///
    /// - Complexity: O(*T* log *T*).
    static func moves(from a: (plan: Plan, schedule: Schedule), to b: (plan: Plan, schedule: Schedule), limit: Int) -> [(id: String, by: Double)] {
        var moved: [(id: String, by: Double)] = []
        for (j, task) in b.plan.tasks.enumerated() {
            guard let i = a.plan.taskIndex(of: task.id) else { continue }
            let delta = b.schedule.finish(j) - a.schedule.finish(i)
            if abs(delta) > Timing.criticalTolerance { moved.append((task.id, delta)) }
        }
        moved.sort { (-abs($0.by), $0.id) < (-abs($1.by), $1.id) }
        return Array(moved.prefix(limit))
    }

    /// The best alternative: the greatest chance of the deadline (or, without a
    /// deadline, the earliest P80), ties broken by the lower cost, then the
    /// earlier forecast, then the order given. Chances count to a tenth of a
    /// percent, as reported: one iteration in 10,000 is noise, not a reason.
    static func markBest(_ outcomes: inout [Outcome]) {
        let scored = outcomes.indices.filter { outcomes[$0].simulation != nil }
        func merit(_ o: Outcome) -> Double {
            if let chance = o.chance { return -(chance * 1000).rounded() }
            return ((o.p80 ?? .infinity) * 100).rounded()
        }
        guard let best = scored.min(by: { a, b in
            let x = outcomes[a], y = outcomes[b]
            return (merit(x), x.cost ?? .infinity, x.forecast ?? .infinity, a) < (merit(y), y.cost ?? .infinity, y.forecast ?? .infinity, b)
        }) else { return }
        outcomes[best].isBest = true
    }
}
