/// How large a graph the layered layout handles in reasonable time.
///
/// `dot`'s crossing reduction and network-simplex positioning grow much faster
/// than linearly. Measured on generated plans with four phases and about two
/// links per task (release build, 2 cores, Graphviz 2.43): 1,000 tasks lay out
/// in 0.4 s, 2,000 in 1.7 s, 4,000 in 15 s. Above the limit the command stops and
/// suggests a filter (`--phase`, `--critical-only`) or `--force`, instead of
/// leaving the user waiting without a word. Pinned layouts (the Gantt chart) do
/// no layout work and have no limit.
public enum LayoutBudget {
    /// Nodes plus links above which `dot` takes more than a few seconds
    /// (about 3,000 tasks at two links each).
    public static let limit = 9_000

    /// A description of the excess (`4045 nodes and 8012 links ...`), or nil when within budget.
    public static func excess(of spec: GraphSpec, engine: LayoutEngine) -> String? {
        guard engine == .dot else { return nil }
        let size = spec.nodes.count + spec.edges.count
        guard size > limit else { return nil }
        return "\(spec.nodes.count) nodes and \(spec.edges.count) links, more than the \(limit) that lay out in a few seconds"
    }

    /// Gantt rows above which a PNG would pass cairo's bitmap limit (32,767 pixels
    /// a side): Graphviz then shrinks the whole picture to fit, and it can no
    /// longer be read. SVG and PDF have no such limit.
    public static let ganttPNGRows = 800

    /// A description of the excess for a Gantt PNG of `rows` task rows, or nil.
    public static func pngExcess(ganttRows rows: Int) -> String? {
        guard rows > ganttPNGRows else { return nil }
        return "\(rows) task rows, more than the \(ganttPNGRows) a PNG can hold legibly (cairo shrinks larger bitmaps to fit)"
    }
}
