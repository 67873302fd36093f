import SlipwayEngine
import SlipwayCore

/// Leveling a plan's network by owner capacity: the demands of its tasks, the
/// leveling itself, and the dates and floats once owners' capacities are respected.
public enum LeveledMeasure {
    /// Each task's needs as (owner index, units); `reassigned` moves a task's whole
    /// demand to another owner.
    ///
    /// - Complexity: O(*T* + *O*).
    public static func demands(plan: Plan, nodeCount: Int, reassigned: [Int: Int] = [:]) -> ResourceDemands {
        var demands = [[(resource: Int, units: Double)]](repeating: [], count: nodeCount)
        for (j, task) in plan.tasks.enumerated() {
            let own = task.demands.compactMap { d in d.ownerIndex.map { (resource: $0, units: d.units) } }
            if let other = reassigned[j] {
                demands[j] = [(resource: other, units: own.reduce(0) { $0 + $1.units })]
            } else {
                demands[j] = own
            }
        }
        return ResourceDemands(capacity: plan.owners.map(\.capacity), demands: demands)
    }

    /// Levels an ordered network with the latest starts of its unleveled schedule
    /// as priorities (least float first), searching as `options` say, and returns
    /// the leveling and the leveled network (resource links added, ordered by placement).
    ///
    /// - Complexity: that of `ResourceLeveling.level(_:demands:priority:options:)`.
    public static func level(_ ordered: OrderedNetwork, unleveled: Timing, demands: ResourceDemands,
                             options: LevelingOptions = LevelingOptions())
        -> (result: ResourceLeveling.Result, leveled: OrderedNetwork) {
        let result = ResourceLeveling.level(ordered, demands: demands, priority: unleveled.lateStart, options: options)
        return (result, ResourceLeveling.leveledNetwork(ordered, result))
    }

    /// Levels `ordered` and returns the dates and floats of the network with the
    /// resource links added (as `Scheduler.level` does for a whole plan).
    ///
    /// - Complexity: one leveling and two critical-path passes.
    public static func timing(_ ordered: OrderedNetwork, demands: ResourceDemands, options: LevelingOptions = LevelingOptions()) -> Timing {
        let unleveled = CriticalPathMethod.schedule(ordered)
        return CriticalPathMethod.schedule(level(ordered, unleveled: unleveled, demands: demands, options: options).leveled)
    }
}
