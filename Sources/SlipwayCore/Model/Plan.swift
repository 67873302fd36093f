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
    public var owners: [Owner]
    public var phases: [Phase]
    public var constraints: [Constraint]
    /// Every task and milestone, mitigations included, in file order.
    public var tasks: [PlanTask]
    public var locations: [String: SourceLocation]

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

    public func taskIndex(of id: String) -> Int? { tasks.firstIndex { $0.id == id } }
    public func phase(id: String?) -> Phase? { id.flatMap { id in phases.first { $0.id == id } } }
    public func owner(id: String?) -> Owner? { id.flatMap { id in owners.first { $0.id == id } } }
}
