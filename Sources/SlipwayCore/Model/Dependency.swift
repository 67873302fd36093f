/// How a successor's dates are tied to a predecessor's (precedence diagramming, Fondahl 1961).
public enum DependencyType: String, Sendable, CaseIterable {
    /// Finish-to-start: the successor starts after the predecessor finishes (the default).
    case finishToStart = "FS"
    /// Start-to-start: the successor starts after the predecessor starts.
    case startToStart = "SS"
    /// Finish-to-finish: the successor finishes after the predecessor finishes.
    case finishToFinish = "FF"
    /// Start-to-finish: the successor finishes after the predecessor starts.
    case startToFinish = "SF"
}

/// One entry of a task's `after` list: a predecessor, the type of link and its lag.
public struct Dependency: Hashable, Sendable {
    /// The id of a task, milestone or constraint (a constraint means its resolution).
    public var id: String
    public var type: DependencyType
    /// Weeks; negative lets the successor overlap the predecessor.
    public var lag: Double
    /// Why this link exists, when the mapping form gives one.
    public var why: String?
    public var location: SourceLocation

    public init(id: String, type: DependencyType = .finishToStart, lag: Double = 0, why: String? = nil, location: SourceLocation) {
        self.id = id
        self.type = type
        self.lag = lag
        self.why = why
        self.location = location
    }
}
