import SlipwayEngine

/// A unit of work or a milestone, as the plan declares it. Mitigations of
/// constraints are tasks too, marked with their constraint.
public struct PlanTask: Hashable, Sendable {
    public var id: String
    public var title: String
    public var estimate: Estimate
    public var isMilestone: Bool
    /// A wait: it takes calendar time (an approval, a lead time, a vendor slot) but
    /// no owner's capacity; never leveled, never shortened by recovery.
    public var isWait: Bool = false
    /// Skills the work needs; only owners with all of them may take it over.
    public var skills: [String] = []
    /// What shortening it costs, when the plan says.
    public var crash: Crash?
    /// A gate's criteria (on a milestone).
    public var criteria: [Criterion] = []
    /// Risks written under this task, until loading moves them to `Plan.risks`.
    var declaredRisks: [Risk] = []
    public var owner: String?
    /// `owner` resolved at load: an index into `Plan.owners`.
    public var ownerIndex: Int?
    /// Explicit units per owner; when empty the task needs 1 unit of `owner`.
    public var needs: [OwnerUnits]
    public var phase: String?
    /// `phase` resolved at load: an index into `Plan.phases`.
    public var phaseIndex: Int?
    /// A heading that groups tasks inside their phase (a tracker activity group; an outline level in Microsoft Project).
    public var group: String?
    public var after: [Dependency]
    /// Cannot start before this time (weeks; a start: `week 3` is t = 2).
    public var notBefore: Double?
    /// Should finish by this time (weeks; an end: `week 4` is t = 4).
    public var due: Double?
    public var cost: Double?
    public var why: String?
    public var notes: [String]
    /// The index into `Plan.constraints` of the constraint this task mitigates.
    public var constraint: Int?
    /// The option of its constraint this task belongs to (an index into the
    /// constraint's `choices`), when it is one option's work.
    public var option: Int?
    public var progress: Progress
    public var location: SourceLocation
    /// Where individual fields were written, for diagnostics that concern them. A
    /// short array, not a dictionary: a task has a handful of fields, and a plan of
    /// 100,000 tasks should not build 100,000 hash tables.
    public var fieldLocations: [FieldLocation]

    public init(id: String, title: String, estimate: Estimate, location: SourceLocation) {
        self.id = id
        self.title = title
        self.estimate = estimate
        self.isMilestone = false
        self.needs = []
        self.after = []
        self.notes = []
        self.progress = Progress()
        self.location = location
        self.fieldLocations = []
    }

    /// The deterministic duration in weeks (0 for a milestone).
    public var duration: Double { isMilestone ? 0 : estimate.mean }

    /// The resources this task occupies: explicit `needs`, or one unit of its owner.
    public var demands: [OwnerUnits] {
        if !needs.isEmpty { return needs }
        if let owner { return [OwnerUnits(owner: owner, units: 1, ownerIndex: ownerIndex)] }
        return []
    }

    public func location(of field: String) -> SourceLocation {
        fieldLocations.first { $0.key == field }?.location ?? location
    }

    public mutating func setLocation(_ location: SourceLocation, of field: String) {
        if let i = fieldLocations.firstIndex(where: { $0.key == field }) {
            fieldLocations[i].location = location
        } else {
            fieldLocations.append(FieldLocation(key: field, location: location))
        }
    }
}

public struct OwnerUnits: Hashable, Sendable {
    public var owner: String
    public var units: Double
    /// `owner` resolved at load: an index into `Plan.owners`.
    public var ownerIndex: Int?

    public init(owner: String, units: Double, ownerIndex: Int? = nil) {
        self.owner = owner
        self.units = units
        self.ownerIndex = ownerIndex
    }
}

/// What has happened to a task so far (section 5 of the plan-format contract).
public struct Progress: Hashable, Sendable {
    /// Weeks from t = 0 (a start).
    public var actualStart: Double?
    /// Weeks from t = 0 (an end).
    public var actualFinish: Double?
    /// Percent complete, 0-100.
    public var percent: Double?
    /// Weeks of work left.
    public var remaining: Double?
    /// Money spent on the task so far, in the plan's currency: the total to date,
    /// not an increment, so that a later figure replaces an earlier one as every
    /// other progress field does (earned value's actual cost).
    public var spent: Double?

    public init(actualStart: Double? = nil, actualFinish: Double? = nil, percent: Double? = nil, remaining: Double? = nil,
                spent: Double? = nil) {
        self.actualStart = actualStart
        self.actualFinish = actualFinish
        self.percent = percent
        self.remaining = remaining
        self.spent = spent
    }

    public var isEmpty: Bool { actualStart == nil && actualFinish == nil && percent == nil && remaining == nil && spent == nil }
}

/// Where one field of an entry was written.
public struct FieldLocation: Hashable, Sendable {
    public var key: String
    public var location: SourceLocation

    public init(key: String, location: SourceLocation) {
        self.key = key
        self.location = location
    }
}
