import SlipwayCore

/// A plan turned into a dependency network: tasks and milestones are nodes
/// `0 ..< tasks.count` in file order, and each constraint's resolution is a
/// zero-duration node after them, `tasks.count + c` for constraint c.
///
/// Links: each `after` entry; each mitigation to its constraint's resolution (FS,
/// no lag); each `blocks` entry from the resolution to the task, or to every task
/// of the phase except the constraint's own mitigations.
public struct PlanGraph: Sendable {
    public let network: DependencyNetwork
    public let taskCount: Int
    /// Where each link (in the order given to the network) was declared.
    public let linkLocations: [SourceLocation]

    /// The same nodes with more links (and releases), such as the resource links
    /// of a leveled schedule; `locations` says where each extra link comes from.
    public func adding(links extra: [DependencyNetwork.Link], at locations: [SourceLocation], release: [Double]) -> PlanGraph {
        var rebuilt = DependencyNetwork(duration: network.duration, release: release, links: network.links + extra)
        rebuilt.pinnedStart = network.pinnedStart
        return PlanGraph(network: rebuilt, taskCount: taskCount, linkLocations: linkLocations + locations)
    }

    private init(network: DependencyNetwork, taskCount: Int, linkLocations: [SourceLocation]) {
        self.network = network
        self.taskCount = taskCount
        self.linkLocations = linkLocations
    }

    /// The node of a task index or of a constraint's resolution.
    public func resolutionNode(ofConstraint c: Int) -> Int { taskCount + c }
    public func constraintIndex(ofNode node: Int) -> Int? { node >= taskCount ? node - taskCount : nil }

    /// Builds the network of a valid plan (one whose loading reported no errors).
    ///
    /// Progress (section 5) shapes the nodes: finished tasks keep their actual dates,
    /// started tasks keep their actual start and finish at the status date plus the
    /// remaining work, and unstarted tasks cannot start before the status date.
    ///
    /// - Complexity: O(*T* + *C* + *L*) expected, where *T* is the number of tasks,
    ///   *C* of constraints and *L* of links (a phase in `blocks` counts as one link
    ///   per task of the phase).
    public init(plan: Plan) {
        let t = plan.tasks.count
        taskCount = t
        var nodeOfID: [String: Int32] = [:]
        nodeOfID.reserveCapacity(t + plan.constraints.count)
        for (i, task) in plan.tasks.enumerated() { nodeOfID[task.id] = Int32(i) }
        for (c, constraint) in plan.constraints.enumerated() { nodeOfID[constraint.id] = Int32(t + c) }
        var phaseIndex: [String: Int] = [:]
        for (p, phase) in plan.phases.enumerated() { phaseIndex[phase.id] = p }

        var duration = [Double](repeating: 0, count: t + plan.constraints.count)
        var release = [Double](repeating: 0, count: t + plan.constraints.count)
        var pinned = [Double](repeating: .nan, count: t + plan.constraints.count)
        var tasksOfPhase = [[Int32]](repeating: [], count: plan.phases.count)
        var links: [DependencyNetwork.Link] = []
        var locations: [SourceLocation] = []
        links.reserveCapacity(t * 2)
        locations.reserveCapacity(t * 2)

        for (j, task) in plan.tasks.enumerated() {
            var earliest = task.notBefore ?? 0
            if let p = task.phase.flatMap({ phaseIndex[$0] }) {
                tasksOfPhase[p].append(Int32(j))
                if let windowStart = plan.phases[p].windowStart { earliest = max(earliest, windowStart) }
            }
            let forecast = Forecast(task: task, statusDate: plan.statusDate)
            duration[j] = forecast.duration
            release[j] = max(earliest, forecast.notBefore)
            if let start = forecast.pinnedStart { pinned[j] = start }
            for dependency in task.after {
                guard let from = nodeOfID[dependency.id] else { continue }
                links.append(.init(from: from, to: Int32(j), type: .init(dependency.type), lag: dependency.lag))
                locations.append(dependency.location)
            }
        }
        for (c, constraint) in plan.constraints.enumerated() {
            let resolution = Int32(t + c)
            for m in constraint.mitigations {
                links.append(.init(from: Int32(m), to: resolution))
                locations.append(plan.tasks[m].location)
            }
            let own = Set(constraint.mitigations.map { Int32($0) })
            for blocked in constraint.blocks {
                if let p = phaseIndex[blocked.id] {
                    for j in tasksOfPhase[p] where !own.contains(j) {
                        links.append(.init(from: resolution, to: j))
                        locations.append(blocked.location)
                    }
                } else if let j = nodeOfID[blocked.id] {
                    links.append(.init(from: resolution, to: j))
                    locations.append(blocked.location)
                }
            }
        }
        var network = DependencyNetwork(duration: duration, release: release, links: links)
        network.pinnedStart = pinned
        self.network = network
        self.linkLocations = locations
    }

    /// The name of a node for messages: a task id, or a constraint id.
    public func name(ofNode node: Int, in plan: Plan) -> String {
        if let c = constraintIndex(ofNode: node) { return plan.constraints[c].id }
        return plan.tasks[node].id
    }

    /// Dependency cycles as diagnostics: one error per cycle naming its ids in
    /// order, and a note for each link of the loop at the place it was declared.
    ///
    /// - Complexity: O(*V* + *E*) plus the length of the cycles reported.
    public func cycleDiagnostics(unordered: [Int32], plan: Plan) -> [Diagnostic] {
        TopologicalOrder.cycles(in: network, among: unordered).map { cycle in
            var notes: [Diagnostic.Note] = []
            var firstLocation: SourceLocation?
            for (position, node) in cycle.enumerated() {
                let next = cycle[(position + 1) % cycle.count]
                let k = network.predecessors(of: Int(next)).first { network.predNode[$0] == node }!
                let location = linkLocations[Int(network.predLinkIndex[k])]
                if firstLocation == nil { firstLocation = location }
                notes.append(.init(linkDescription(from: Int(node), to: Int(next), plan: plan), at: location))
            }
            let names = (cycle + [cycle[0]]).map { "'\(name(ofNode: Int($0), in: plan))'" }
            return .error(.dependencyCycle, at: firstLocation,
                          "dependency cycle: \(names.joined(separator: " -> ")); remove or reverse one of these links",
                          notes: notes)
        }
    }

    private func linkDescription(from: Int, to: Int, plan: Plan) -> String {
        let a = name(ofNode: from, in: plan), b = name(ofNode: to, in: plan)
        if constraintIndex(ofNode: to) != nil { return "'\(b)' is resolved only after its mitigation '\(a)'" }
        if constraintIndex(ofNode: from) != nil { return "'\(b)' waits for constraint '\(a)' to be resolved" }
        return "'\(b)' comes after '\(a)'"
    }
}

// The diagnostic codes raised here.
extension DiagnosticCode {
    public static let dependencyCycle = DiagnosticCode("dependency-cycle")
}
