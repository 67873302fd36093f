import SlipwayEngine

/// One entry of a task's `after` list: a predecessor, the type of link and its lag.
public struct Dependency: Hashable, Sendable {
    /// The id of a task, milestone or constraint (a constraint means its resolution), as written.
    public var id: String
    /// The task or constraint `id` names, resolved at load (nil until then, or when unknown).
    public var predecessor: PlanReferent?
    public var type: LinkType
    /// Weeks; negative lets the successor overlap the predecessor.
    public var lag: Double
    /// Why this link exists, when the mapping form gives one.
    public var why: String?
    public var location: SourceLocation

    public init(id: String, type: LinkType = .finishToStart, lag: Double = 0, why: String? = nil, location: SourceLocation) {
        self.id = id
        self.type = type
        self.lag = lag
        self.why = why
        self.location = location
    }
}
