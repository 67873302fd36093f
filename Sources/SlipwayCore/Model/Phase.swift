/// A planned window of the project, such as "Phase 2: Foundation, weeks 3-4".
public struct Phase: Hashable, Sendable {
    public var id: String
    public var name: String
    /// The window `[windowStart, windowEnd)` in weeks from t = 0; `weeks: 3-4` is [2, 4).
    public var windowStart: Double?
    public var windowEnd: Double?
    /// The window as written, such as `3-4`.
    public var weeksText: String?
    public var location: SourceLocation

    public init(id: String, name: String? = nil, windowStart: Double? = nil, windowEnd: Double? = nil, weeksText: String? = nil, location: SourceLocation) {
        self.id = id
        self.name = name ?? id
        self.windowStart = windowStart
        self.windowEnd = windowEnd
        self.weeksText = weeksText
        self.location = location
    }
}
