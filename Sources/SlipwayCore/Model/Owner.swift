/// A team or person that does work: a resource with a capacity and a rate.
public struct Owner: Hashable, Sendable {
    public var id: String
    public var name: String
    /// Units it can work on at once.
    public var capacity: Double
    /// Cost of one unit for one week, when known.
    public var rate: Double?
    /// What this owner can do; tasks that list skills may move only to owners with all of them.
    public var skills: [String] = []
    /// Days this owner does not work (`leave:`), besides the plan's holidays.
    public var leave: [DaysOff] = []
    /// Steps of this owner's share of full time (`availability:`), in file order.
    public var availability: [Availability] = []
    public var location: SourceLocation

    public init(id: String, name: String? = nil, capacity: Double = 1, rate: Double? = nil, location: SourceLocation) {
        self.id = id
        self.name = name ?? id
        self.capacity = capacity
        self.rate = rate
        self.location = location
    }
}
