/// A plan as its author declared it, with where each thing was written.
///
/// A `Plan` is never changed by scheduling: schedulers read it and return a new
/// `Schedule`. Ids are unique across owners, phases, constraints and tasks.
public struct Plan: Sendable {
    public var title: String
    public var calendar: WorkCalendar
    public var unit: TimeSyntax.Unit
    /// End of the time budget, in weeks from t = 0.
    public var deadline: Double?
    public var budget: Double?
    public var currency: String?
    /// The "as of" time for progress, in weeks (an end: `week 3` is t = 3).
    public var statusDate: Double?
    /// The `as-of` of every update applied from the progress sidecar, in file
    /// order: the status dates at which the forecast was updated (the review's
    /// slip trend reschedules the plan as it stood at each).
    public var recordedAsOf: [Double] = []
    /// Days no one works (`holidays:`), in file order.
    public var holidays: [DaysOff] = []
    public var owners: [Owner]
    public var phases: [Phase]
    public var constraints: [Constraint]
    /// Every task and milestone, mitigations included, in file order.
    public var tasks: [PlanTask]
    /// Every risk event, from constraints and tasks, in file order.
    public var risks: [Risk] = []
    /// Named what-ifs declared in the plan (`scenarios:`); not applied to it.
    public var scenarios: [Scenario] = []
    /// The progress sidecar's updates as they were recorded, to look back at the
    /// plan as it was known at an earlier time; empty without a sidecar.
    public var progressHistory = ProgressHistory()
    public var locations: [String: SourceLocation]
    /// Every id of the plan and what it names, built once when references are
    /// resolved (`resolveReferences`); for ids a user types (slip, progress).
    public private(set) var ids: [String: PlanReferent] = [:]

    public init(title: String) {
        self.title = title
        self.calendar = WorkCalendar(start: nil)
        self.unit = .week
        self.owners = []
        self.phases = []
        self.constraints = []
        self.tasks = []
        self.locations = [:]
    }

    /// The task an id names, when it names one.
    ///
    /// - Complexity: O(1) expected once references are resolved.
    public func taskIndex(of id: String) -> Int? { ids[id]?.task }

    /// What an id names.
    public func referent(of id: String) -> PlanReferent? { ids[id] }

    /// The tasks of each phase in file order, indexed like `phases`.
    ///
    /// - Complexity: O(*T* + *P*).
    public func tasksByPhase() -> [[Int]] {
        var result = [[Int]](repeating: [], count: phases.count)
        for (j, task) in tasks.enumerated() { if let p = task.phaseIndex { result[p].append(j) } }
        return result
    }

    /// The phase of a task, resolved.
    public func phase(of task: PlanTask) -> Phase? { task.phaseIndex.map { phases[$0] } }
    /// The owner of a task, resolved.
    public func owner(of task: PlanTask) -> Owner? { task.ownerIndex.map { owners[$0] } }

    /// Resolves every reference of the plan into indices (owners, phases,
    /// predecessors, blocks, needs) and reports duplicate ids and references that
    /// name nothing, or something of the wrong kind. The loader calls it; code that
    /// builds a plan by hand calls it before scheduling.
    ///
    /// - Complexity: O(*n* + *r*) expected, for *n* ids and *r* references.
    @discardableResult
    public mutating func resolveReferences() -> [Diagnostic] {
        let reader = NodeReader(nodeLimit: Int.max)
        ReferenceCheck(reader: reader).check(&self)
        return reader.diagnostics
    }

    mutating func setIDs(_ ids: [String: PlanReferent]) { self.ids = ids }
}
