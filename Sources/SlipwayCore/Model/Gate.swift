/// One criterion of a gate: a milestone that is passed only when its criteria are
/// met (the tracker's "success criteria").
public struct Criterion: Hashable, Sendable {
    public enum Status: String, Hashable, Sendable, CaseIterable {
        case met
        case open
        /// Checked and found not met: the gate cannot pass as things stand.
        case failed
    }

    public var text: String
    public var status: Status
    public var location: SourceLocation

    public init(text: String, status: Status = .open, location: SourceLocation) {
        self.text = text
        self.status = status
        self.location = location
    }
}

/// What shortening a task costs: the least duration it can be brought to and the
/// money per week taken off (the time-cost trade-off of Kelley & Walker 1959).
public struct Crash: Hashable, Sendable {
    /// The least duration, in weeks.
    public var minimum: Double
    /// Money per week shortened.
    public var costPerWeek: Double?
    public var location: SourceLocation

    public init(minimum: Double, costPerWeek: Double?, location: SourceLocation) {
        self.minimum = minimum
        self.costPerWeek = costPerWeek
        self.location = location
    }
}
