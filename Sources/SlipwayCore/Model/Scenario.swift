import SlipwayEngine

/// A named set of changes to a plan, for "what if we hire the consultant?":
/// options chosen, durations or estimates, owner capacities, the start date,
/// tasks' earliest starts, links added or removed, risks switched off, extra
/// tasks. A scenario never edits the plan file: `slipway compare` loads the plan
/// with it applied, beside the plan as it is.
///
/// Written under `scenarios:` in the plan, or as a file of its own (an overlay,
/// one scenario as its top-level mapping):
///
///     id: hire-consultant
///     title: Hire the AWS consultant for the migration
///     choose: {nats-protocol: nats-on-ecs}
///     durations: {container-agents: 3w}
///     capacity: {core-team: 2}
///     start: 2025-01-20
///     not-before: {traffic-shift: week 10}
///     add-links: [{task: b, after: "a SS+1w"}]
///     remove-links: [{task: b, after: a}]
///     without-risks: [consultant-slot]
///     tasks: [{id: x, duration: 1w, after: [a]}]
public struct Scenario: Sendable {
    public var id: String
    public var title: String
    public var why: String?
    public var location: SourceLocation

    public struct Choice: Sendable {
        public var constraint: Reference
        public var option: Reference
    }

    public struct Duration: Sendable {
        public var task: Reference
        public var estimate: Estimate
    }

    public struct Capacity: Sendable {
        public var owner: Reference
        public var capacity: Double
    }

    public struct NotBefore: Sendable {
        public var task: Reference
        public var weeks: Double
    }

    public struct LinkChange: Sendable {
        public var task: Reference
        public var dependency: Dependency
    }

    public var choose: [Choice] = []
    public var durations: [Duration] = []
    public var capacities: [Capacity] = []
    public var start: (date: CivilDate, location: SourceLocation)?
    public var notBefore: [NotBefore] = []
    public var addLinks: [LinkChange] = []
    public var removeLinks: [LinkChange] = []
    public var withoutRisks: [Reference] = []
    public var tasks: [PlanTask] = []

    public init(id: String, title: String, location: SourceLocation) {
        self.id = id
        self.title = title
        self.location = location
    }

    /// The options it chooses, as the loader takes them: constraint id → option id.
    public var choices: [String: String] {
        Dictionary(choose.map { ($0.constraint.id, $0.option.id) }, uniquingKeysWith: { _, last in last })
    }
}
