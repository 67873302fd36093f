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

    /// - Complexity: O(*T*) in the number of tasks.
    public init(plan: Plan, schedule: Schedule, result r: RiskSimulation.Result) {
        iterations = r.iterations
        seed = r.seed
        finish = OrderedObject([(key: "mean", value: r.mean), (key: "stdev", value: r.stdev)]
            + r.quantiles.map { (key: "p\(Int(($0.p * 100).rounded()))", value: $0.finish) })
        deadline = plan.deadline
        probabilityOnTime = r.probabilityOnTime
        criticality = OrderedObject(schedule.taskOrder.map { (key: plan.tasks[$0].id, value: r.criticality[$0]) })
    }
}
