/// How large a graph the layered layout handles in reasonable time.
///
/// `dot`'s crossing reduction and network-simplex positioning grow faster than
/// linearly: measured on this project's plans (release build, 2 cores), 1,000
/// tasks lay out in about PLACEHOLDER. Above the limit the command stops and suggests
/// a filter instead of leaving the user waiting without a word. Pinned layouts
/// (the Gantt chart) do no layout work and have no limit.
public enum LayoutBudget {
    /// Nodes plus edges above which `dot` takes too long for an interactive command.
    public static let limit = 100_000

    /// A description of the excess (`5200 nodes and links`), or nil when within budget.
    public static func excess(of spec: GraphSpec, engine: LayoutEngine) -> String? {
        guard engine == .dot else { return nil }
        let size = spec.nodes.count + spec.edges.count
        return size > limit ? "\(spec.nodes.count) nodes and \(spec.edges.count) links (the limit is \(limit) together)" : nil
    }
}
