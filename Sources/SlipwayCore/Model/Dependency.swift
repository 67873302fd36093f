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
    /// `hard:` as written, when written.
    public var hardness: Bool?
    /// A hard link is never overlapped or removed by recovery. Explicit `hard:`
    /// decides; without it a link with a `why` is hard, because a stated reason is
    /// one its author thought about and a proposal must not override silently.
    public var isHard: Bool { hardness ?? (why != nil) }
    public var location: SourceLocation

    public init(id: String, type: LinkType = .finishToStart, lag: Double = 0, why: String? = nil, location: SourceLocation) {
        self.id = id
        self.type = type
        self.lag = lag
        self.why = why
        self.location = location
    }
}
