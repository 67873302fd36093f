/// A tracker entry: a risk or blocker, resolved when all of its mitigations finish.
public struct Constraint: Hashable, Sendable {
    public enum Severity: String, Sendable, CaseIterable, Comparable {
        case critical, high, medium, low

        /// Critical first.
        public var rank: Int { Severity.allCases.firstIndex(of: self)! }
        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    public var id: String
    public var title: String
    public var category: String?
    public var severity: Severity?
    public var status: String?
    public var progress: Double?
    public var owner: String?
    /// `owner` resolved at load: an index into `Plan.owners`.
    public var ownerIndex: Int?
    /// Resolution due, in weeks from t = 0 (an end: `week 2` is t = 2).
    public var target: Double?
    public var targetText: String?
    /// Ids of tasks or phases that cannot start before this constraint is resolved.
    public var blocks: [Reference]
    /// Indices into `Plan.tasks` of this constraint's mitigations, in file order.
    public var mitigations: [Int]
    public var description: String?
    public var impact: String?
    /// Tracker fields kept for round trips (all optional): the section number
    /// (`1.1`), the heading name, the name in the resolution table, the text after
    /// the severity, the timeline as written, "Option N" alternatives, limits and
    /// documentation links.
    public var section: String?
    public var name: String?
    public var label: String?
    public var severityNote: String?
    public var timeline: String?
    public var options: [String] = []
    /// Ways to resolve it, each with its own tasks (`options` as mappings).
    public var choices: [ConstraintOption] = []
    /// The index in `choices` of the option scheduled, when there are choices.
    public var chosen: Int?
    public var limits: [String] = []
    public var links: [String] = []
    public var location: SourceLocation
    /// Where individual fields were written, for diagnostics that concern them.
    public var fieldLocations: [FieldLocation] = []

    public func location(of field: String) -> SourceLocation {
        fieldLocations.first { $0.key == field }?.location ?? location
    }

    public init(id: String, title: String, location: SourceLocation) {
        self.id = id
        self.title = title
        self.blocks = []
        self.mitigations = []
        self.location = location
    }
}

/// An id written somewhere in the plan, with where it was written.
public struct Reference: Hashable, Sendable {
    public var id: String
    public var location: SourceLocation
    /// What `id` names, resolved at load.
    public var referent: PlanReferent?

    public init(id: String, location: SourceLocation, referent: PlanReferent? = nil) {
        self.id = id
        self.location = location
        self.referent = referent
    }
}
