/// What an id names, resolved to its index once at load: an owner, a phase, a
/// constraint or a task (milestones are tasks). After loading, nothing looks an
/// id up by string; references carry one of these beside the text they were
/// written as.
public enum PlanReferent: Hashable, Sendable {
    case owner(Int)
    case phase(Int)
    case constraint(Int)
    case task(Int)
    case risk(Int)

    public var task: Int? { if case .task(let j) = self { return j }; return nil }
    public var constraint: Int? { if case .constraint(let c) = self { return c }; return nil }
    public var phase: Int? { if case .phase(let p) = self { return p }; return nil }
    public var owner: Int? { if case .owner(let o) = self { return o }; return nil }
    public var risk: Int? { if case .risk(let r) = self { return r }; return nil }
}
