import SlipwayCore

/// Measures what-if variations of a plan under resource leveling: who does
/// which task (with owners moved), the leveled finish, and which tasks are
/// critical once owners' capacities are respected.
public enum LeveledMeasure {
    /// Each task's needs as (owner index, units); `reassigned` moves a task's whole
    /// demand to another owner.
    ///
    /// - Complexity: O(*T* + *O*).
    public static func demands(plan: Plan, nodeCount: Int, reassigned: [Int: Int] = [:]) -> ResourceDemands {
        var ownerIndex: [String: Int] = [:]
        for (o, owner) in plan.owners.enumerated() { ownerIndex[owner.id] = o }
        var demands = [[(resource: Int, units: Double)]](repeating: [], count: nodeCount)
        for (j, task) in plan.tasks.enumerated() {
            let own = task.demands.compactMap { d in ownerIndex[d.owner].map { (resource: $0, units: d.units) } }
            if let other = reassigned[j] {
                demands[j] = [(resource: other, units: own.reduce(0) { $0 + $1.units })]
            } else {
                demands[j] = own
            }
        }
        return ResourceDemands(capacity: plan.owners.map(\.capacity), demands: demands)
    }

    /// Levels `network`: the leveling itself, and the releases that make the
    /// forward pass over the network plus the resource links give the leveled
    /// starts back exactly (the links explain them to the backward pass).
    ///
    /// - Complexity: one critical-path pass for the priorities, then one leveling.
    public static func level(_ network: DependencyNetwork, order: [Int32], demands: ResourceDemands)
        -> (result: ResourceLeveling.Result, release: [Double], unleveled: Timing) {
        let unleveled = CriticalPathMethod.schedule(network, order: order)
        let leveled = ResourceLeveling.levelImproved(network, demands: demands, priority: unleveled.lateStart)
        var release = network.release
        for j in 0..<network.nodeCount where network.pinnedStart[j].isNaN { release[j] = max(release[j], leveled.start[j]) }
        return (leveled, release, unleveled)
    }

    /// Levels `network` and returns the dates and floats of the network with the
    /// resource links added (as `Scheduler.level` does for a whole plan).
    ///
    /// - Complexity: one leveling and two critical-path passes.
    public static func timing(_ network: DependencyNetwork, order: [Int32], demands: ResourceDemands) -> Timing {
        let (leveled, release, _) = level(network, order: order, demands: demands)
        var augmented = DependencyNetwork(duration: network.duration, release: release, links: network.links + leveled.resourceLinks)
        augmented.pinnedStart = network.pinnedStart
        guard case .ordered(let augmentedOrder) = TopologicalOrder.of(augmented) else {
            preconditionFailure("resource links follow the leveled order, so they cannot close a cycle")
        }
        return CriticalPathMethod.schedule(augmented, order: augmentedOrder)
    }
}
