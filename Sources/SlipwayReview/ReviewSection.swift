/// The sections of a review pack, in the order they appear; their ids are the
/// page's anchors (and what the browser test looks for).
public enum ReviewSection: String, CaseIterable, Sendable {
    case headline
    case decisions
    case constraints = "constraint-register"
    case critical = "critical-path"
    case buffers
    case changes
    case nextTwoWeeks = "next-two-weeks"
    case health = "schedule-health"
    case diagrams

    public var title: String {
        switch self {
        case .headline: return "Headline"
        case .decisions: return "Decisions needed"
        case .constraints: return "Constraint register"
        case .critical: return "Critical path and risk"
        case .buffers: return "Critical chain buffers"
        case .changes: return "Changes"
        case .nextTwoWeeks: return "Next two weeks by owner"
        case .health: return "Schedule health"
        case .diagrams: return "Diagrams"
        }
    }
}
