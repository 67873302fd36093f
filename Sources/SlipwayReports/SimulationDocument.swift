import SlipwayCore
import SlipwayScheduling

/// `slipway simulate --format json` (section 4 of the plan-format contract).
public struct SimulationDocument: Encodable, Sendable {
    public var iterations: Int
    /// Exact, even beyond 2^53.
    public var seed: UInt64
    /// `mean`, `stdev`, then the percentiles `p10` ... `p95`, in weeks.
    public var finish: OrderedObject<Double>
    public var deadline: Double?
    /// Share of iterations that finish by the deadline; null without one.
    public var probabilityOnTime: Double?
    /// Per task id, in schedule order: the share of iterations in which it was critical.
    public var criticality: OrderedObject<Double>
    /// `true` when every iteration was leveled by owner capacity (absent otherwise).
    @OmittedWhenNil public var leveled: Bool?
    /// The plan's risk events (absent when it has none).
    @OmittedWhenNil public var risks: [Risk]?
    /// The top drivers of the finish, by cruciality.
    public var drivers: [Driver]

    public struct Risk: Encodable, Sendable {
        public var id: String
        public var probability: Double
        /// False when the run left it out (`--without-risks`).
        public var included: Bool
        public var occurrence: Double
        /// Mean finish when it occurred less mean finish when it did not, in weeks.
        public var meanContribution: Double?
        public var cruciality: Double?
        public var sensitivity: Double
    }

    public struct Driver: Encodable, Sendable {
        public var id: String
        public var kind: String
        public var cruciality: Double?
        public var sensitivity: Double
        public var criticality: Double
    }

    /// - Complexity: O(*T*) in the number of tasks.
    public init(plan: Plan, schedule: Schedule, result r: RiskSimulation.Result) {
        iterations = r.iterations
        seed = r.seed
        finish = OrderedObject([(key: "mean", value: r.mean), (key: "stdev", value: r.stdev)]
            + r.quantiles.map { (key: "p\(Int(($0.p * 100).rounded()))", value: $0.finish) })
        deadline = plan.deadline
        probabilityOnTime = r.probabilityOnTime
        criticality = OrderedObject(schedule.taskOrder.map { (key: plan.tasks[$0].id, value: r.criticality[$0]) })
        leveled = r.leveled ? true : nil
        risks = plan.risks.isEmpty ? nil : r.risks.map { o in
            Risk(id: plan.risks[o.risk].id, probability: plan.risks[o.risk].probability, included: o.included, occurrence: o.occurrence,
                 meanContribution: o.meanContribution, cruciality: o.cruciality, sensitivity: o.sensitivity)
        }
        drivers = SimulationReport.driverRows(plan: plan, result: r).map {
            Driver(id: $0.name, kind: $0.isRisk ? "risk" : "task", cruciality: $0.cruciality, sensitivity: $0.sensitivity, criticality: $0.criticality)
        }
    }
}
