import SlipwayEngine
import SlipwayCore

/// A plan turned into a dependency network: tasks and milestones are nodes
/// `0 ..< tasks.count` in file order, and each constraint's resolution is a
/// zero-duration node after them, `tasks.count + c` for constraint c.
///
/// Links: each `after` entry; each mitigation to its constraint's resolution (FS,
/// no lag); each `blocks` entry from the resolution to the task, or to every task
/// of the phase except the constraint's own mitigations. Every reference is read
/// from the indices the loader resolved; no id is looked up here.
public struct PlanGraph: Sendable {
    public let network: DependencyNetwork
    public let taskCount: Int
    /// Where each link (in the order given to the network) comes from.
    public let linkSources: [LinkSource]

    /// Why a link of the network exists.
    public enum LinkSource: Sendable, Equatable {
        /// Entry `entry` of task `task`'s `after` list.
        case after(task: Int, entry: Int)
        /// Mitigation `task` resolves constraint `constraint`.
        case mitigation(task: Int, constraint: Int)
        /// Entry `entry` of constraint `constraint`'s `blocks` list.
        case blocks(constraint: Int, entry: Int)
        /// Leveling: the successor waits for work of owner `owner` to end.
        case resource(owner: Int)
    }

    /// The node of a task index or of a constraint's resolution.
    public func resolutionNode(ofConstraint c: Int) -> Int { taskCount + c }
    public func constraintIndex(ofNode node: Int) -> Int? { node >= taskCount ? node - taskCount : nil }

    /// The same nodes with more links (and releases), such as the resource links
    /// of a leveled schedule.
    func adding(links extra: [DependencyNetwork.Link], sources: [LinkSource], release: [Double]) -> PlanGraph {
        PlanGraph(network: network.adding(links: extra, release: release), taskCount: taskCount, linkSources: linkSources + sources)
    }

    init(network: DependencyNetwork, taskCount: Int, linkSources: [LinkSource]) {
        self.network = network
        self.taskCount = taskCount
        self.linkSources = linkSources
    }

    /// Builds the network of a plan whose references are resolved. References that
    /// did not resolve (a plan with errors, checked for cycles anyway) are left out.
    ///
    /// Progress (section 5) shapes the nodes: finished tasks keep their actual dates,
    /// started tasks keep their actual start and finish at the status date plus the
    /// remaining work, and unstarted tasks cannot start before the status date.
    ///
    /// - Complexity: O(*T* + *C* + *L*), where *T* is the number of tasks, *C* of
    ///   constraints and *L* of links (a phase in `blocks` counts as one link per
    ///   task of the phase).
    public init(plan: Plan) {
        let t = plan.tasks.count
        let n = t + plan.constraints.count
        taskCount = t
        var duration = [Double](repeating: 0, count: n)
        var release = [Double](repeating: 0, count: n)
        var pinned = [Double](repeating: .nan, count: n)
        var tasksOfPhase = [[Int32]](repeating: [], count: plan.phases.count)
        var links: [DependencyNetwork.Link] = []
        var sources: [LinkSource] = []
        links.reserveCapacity(t * 2)
        sources.reserveCapacity(t * 2)
        let calendars = PlanCalendars.declared(in: plan) ? PlanCalendars(plan: plan) : nil

        for (j, task) in plan.tasks.enumerated() {
            var earliest = task.notBefore ?? 0
            if let p = task.phaseIndex {
                tasksOfPhase[p].append(Int32(j))
                if let windowStart = plan.phases[p].windowStart { earliest = max(earliest, windowStart) }
            }
            let forecast = Forecast(task: task, statusDate: plan.statusDate)
            duration[j] = forecast.duration
            release[j] = max(earliest, forecast.notBefore)
            if let start = forecast.pinnedStart {
                pinned[j] = start
                // Progress gives axis spans (from the actual start to the actual
                // finish, or to the status date and what remains after it); on a
                // calendar the node's duration is the work in them.
                if let calendar = calendars?.calendar(of: task) {
                    if forecast.state == .started, let s = plan.statusDate, s > start {
                        duration[j] = calendar.work(from: start, to: s) + max(0, forecast.duration - (s - start))
                    } else if forecast.state == .finished {
                        duration[j] = calendar.work(from: start, to: start + forecast.duration)
                    }
                }
            }
            for (entry, dependency) in task.after.enumerated() {
                let from: Int
                switch dependency.predecessor {
                case .task(let i)?: from = i
                case .constraint(let c)?: from = t + c
                default: continue
                }
                links.append(.init(from: Int32(from), to: Int32(j), type: dependency.type, lag: dependency.lag))
                sources.append(.after(task: j, entry: entry))
            }
        }
        var isOwnMitigation = [Bool](repeating: false, count: t)
        for (c, constraint) in plan.constraints.enumerated() {
            let resolution = Int32(t + c)
            for m in constraint.mitigations {
                links.append(.init(from: Int32(m), to: resolution))
                sources.append(.mitigation(task: m, constraint: c))
                isOwnMitigation[m] = true
            }
            for (entry, blocked) in constraint.blocks.enumerated() {
                switch blocked.referent {
                case .phase(let p)?:
                    for j in tasksOfPhase[p] where !isOwnMitigation[Int(j)] {
                        links.append(.init(from: resolution, to: j))
                        sources.append(.blocks(constraint: c, entry: entry))
                    }
                case .task(let j)?:
                    links.append(.init(from: resolution, to: Int32(j)))
                    sources.append(.blocks(constraint: c, entry: entry))
                default:
                    break
                }
            }
            for m in constraint.mitigations { isOwnMitigation[m] = false }
        }
        var network = DependencyNetwork(duration: duration, release: release, pinnedStart: pinned, links: links)
        if let calendars { network.calendars = calendars.network(plan, nodeCount: n) }
        self.network = network
        linkSources = sources
    }

    /// Where a link was declared, for diagnostics.
    public func location(ofLink k: Int, in plan: Plan) -> SourceLocation {
        switch linkSources[k] {
        case .after(let task, let entry): return plan.tasks[task].after[entry].location
        case .mitigation(let task, _): return plan.tasks[task].location
        case .blocks(let c, let entry): return plan.constraints[c].blocks[entry].location
        case .resource: return SourceLocation(line: 1, column: 1)
        }
    }

    /// The name of a node for messages: a task id, or a constraint id.
    public func name(ofNode node: Int, in plan: Plan) -> String {
        if let c = constraintIndex(ofNode: node) { return plan.constraints[c].id }
        return plan.tasks[node].id
    }

    /// A link between two tasks, for formats that have no constraint resolutions.
    public struct TaskLink: Sendable, Hashable {
        public var from: Int
        public var type: LinkType
        public var lag: Double
    }

    /// The predecessors of every task among tasks only: a link from a constraint's
    /// resolution becomes a link from each of its mitigations (FS and SS from a
    /// resolution are FS from the mitigation, FF and SF are FF: the resolution is
    /// the instant its last mitigation finishes). Duplicates are dropped; a link
    /// from a resolution without mitigations has nothing to become and is listed
    /// in `unexpanded` as (task, constraint).
    ///
    /// - Complexity: O(*L* + *X*), for *L* links and *X* the links made by expanding
    ///   resolutions, with O(*p*) per link to drop duplicates among the *p*
    ///   predecessors of its task.
    public func taskPredecessors(in plan: Plan) -> (links: [[TaskLink]], unexpanded: [(task: Int, constraint: Int)]) {
        var result = [[TaskLink]](repeating: [], count: taskCount)
        var unexpanded: [(task: Int, constraint: Int)] = []
        for j in 0..<taskCount {
            var list: [TaskLink] = []
            func add(_ link: TaskLink) { if !list.contains(link) { list.append(link) } }
            for k in network.predecessors(of: j) {
                let i = Int(network.predNode[k]), lag = network.predLag[k], type = network.predType[k]
                if let c = constraintIndex(ofNode: i) {
                    let mitigations = plan.constraints[c].mitigations
                    if mitigations.isEmpty { unexpanded.append((j, c)) }
                    let expanded: LinkType = type.toFinish ? .finishToFinish : .finishToStart
                    for m in mitigations { add(TaskLink(from: m, type: expanded, lag: lag)) }
                } else {
                    add(TaskLink(from: i, type: type, lag: lag))
                }
            }
            result[j] = list
        }
        return (result, unexpanded)
    }

    /// Dependency cycles as diagnostics: one error per cycle naming its ids in
    /// order, and a note for each link of the loop at the place it was declared.
    ///
    /// - Complexity: O(*V* + *E*) plus the length of the cycles reported.
    public func cycleDiagnostics(_ cycle: TopologicalOrder.Cycle, plan: Plan) -> [Diagnostic] {
        cycle.loops().map { loop in
            var notes: [Diagnostic.Note] = []
            var firstLocation: SourceLocation?
            // A loop of a million tasks is told by its ends and its length, not in
            // a million notes: the first and last links, and a count between.
            let shown = Set(loop.indices.prefix(Self.loopEnds) + loop.indices.suffix(Self.loopEnds))
            for (position, node) in loop.enumerated() where shown.contains(position) {
                if position == loop.count - Self.loopEnds && loop.count > 2 * Self.loopEnds {
                    notes.append(.init("... \(loop.count - 2 * Self.loopEnds) more links of the loop ...", at: nil))
                }
                let next = loop[(position + 1) % loop.count]
                let location = network.predecessors(of: Int(next)).first { network.predNode[$0] == node }
                    .map { self.location(ofLink: Int(network.predLinkIndex[$0]), in: plan) }
                if firstLocation == nil { firstLocation = location }
                notes.append(.init(linkDescription(from: Int(node), to: Int(next), plan: plan), at: location))
            }
            let ring = loop + [loop[0]]
            var names = ring.map { "'\(name(ofNode: Int($0), in: plan))'" }
            if ring.count > 2 * Self.loopEnds + 1 {
                names = Array(names.prefix(Self.loopEnds)) + ["... (\(loop.count) tasks in all) ..."] + Array(names.suffix(Self.loopEnds))
            }
            return .error(.dependencyCycle, at: firstLocation,
                          "dependency cycle: \(names.joined(separator: " -> ")); remove or reverse one of these links",
                          notes: notes)
        }
    }

    /// How many ids and links of a long loop are shown at each end.
    static let loopEnds = 10

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
