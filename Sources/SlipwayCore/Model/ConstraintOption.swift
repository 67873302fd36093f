/// One way to resolve a constraint when the tracker offers several ("Option 1:
/// EventBridge + SQS/SNS; Option 2: self-managed NATS on ECS; ..."): its own
/// mitigation tasks and risks. Exactly one option of a constraint is chosen; every
/// command schedules the chosen one, and `slipway compare` the others beside it.
///
/// Written under a constraint:
/// `options: [{id, title, chosen: true, why, mitigations: [...], risks: [...]}]`.
/// Plain strings in `options` are alternatives noted without tasks (as a tracker
/// lists them), not choices.
public struct ConstraintOption: Hashable, Sendable {
    public var id: String
    public var title: String
    /// Marked `chosen: true` in the file.
    public var markedChosen: Bool
    public var why: String?
    /// The option's tasks, as declared; only the chosen option's are in `Plan.tasks`.
    public var tasks: [PlanTask]
    public var risks: [Risk]
    public var location: SourceLocation

    public init(id: String, title: String, markedChosen: Bool, why: String?, tasks: [PlanTask], risks: [Risk], location: SourceLocation) {
        self.id = id
        self.title = title
        self.markedChosen = markedChosen
        self.why = why
        self.tasks = tasks
        self.risks = risks
        self.location = location
    }
}
