import SlipwayEngine

/// A risk event: something that may happen (with a probability) and, when it
/// does, delays or extends work. The tracker's severities say how bad a risk is;
/// a risk event says how likely and by how much, so that the simulation can
/// count it.
///
/// Written under a constraint or a task:
/// `risks: [{id, title, probability: 30%, impact: 1-2w, on: [task ids], mode: delay|extend}]`.
public struct Risk: Hashable, Sendable {
    public enum Mode: String, Hashable, Sendable, CaseIterable {
        /// The work waits before it can start (a vendor slot, an approval, a rework loop before it).
        case delay
        /// The work takes longer (more effort than estimated).
        case extend
    }

    /// What carries the risk in the plan file.
    public enum Carrier: Hashable, Sendable {
        case constraint(Int)
        case task(Int)
    }

    public var id: String
    public var title: String
    /// In (0, 1]: 30% is 0.3.
    public var probability: Double
    /// The impact when it occurs, drawn from its estimate like a duration.
    public var impact: Estimate
    /// The tasks it hits; by default the carrier task, or the mitigations of the carrier constraint.
    public var on: [Reference]
    public var mode: Mode
    public var carrier: Carrier
    /// Why this probability and impact (an assumption the reader should see).
    public var why: String?
    public var location: SourceLocation

    public init(id: String, title: String, probability: Double, impact: Estimate, on: [Reference], mode: Mode,
                carrier: Carrier, why: String? = nil, location: SourceLocation) {
        self.id = id
        self.title = title
        self.probability = probability
        self.impact = impact
        self.on = on
        self.mode = mode
        self.carrier = carrier
        self.why = why
        self.location = location
    }
}
