/// Days on which no one (a plan's `holidays:`) or one owner (an owner's `leave:`)
/// works: one date or a range of dates, both ends included.
public struct DaysOff: Hashable, Sendable {
    /// What the days are called ("Christmas"), when the plan says.
    public var name: String?
    public var first: CivilDate
    public var last: CivilDate
    public var location: SourceLocation

    public init(name: String? = nil, first: CivilDate, last: CivilDate? = nil, location: SourceLocation) {
        self.name = name
        self.first = first
        self.last = last ?? first
        self.location = location
    }

    /// The span of the plan's axis the days take away: from the start of the first
    /// day to the end of the last, in working time. Weekend days take nothing away.
    public func span(on calendar: WorkCalendar) -> (start: Double, end: Double)? {
        guard let start = calendar.time(of: first, as: .start), let end = calendar.time(of: last, as: .end) else { return nil }
        return (start, end)
    }
}

/// An owner's share of full time from a date on (`availability:`), until the
/// next entry: `{from: 2025-03-03, percent: 60}` makes that owner's work take
/// 1 / 0.6 as long from that Monday.
public struct Availability: Hashable, Sendable {
    public var from: CivilDate
    /// In (0, 100].
    public var percent: Double
    public var location: SourceLocation

    public init(from: CivilDate, percent: Double, location: SourceLocation) {
        self.from = from
        self.percent = percent
        self.location = location
    }
}
