import SlipwayCore
import SlipwayScheduling

/// The constraint tracker as a graph: each constraint, its mitigations and the
/// owners doing them, left to right, grouped by category and coloured by
/// severity. Each constraint shows its target next to its forecast resolution,
/// in red when the forecast is late.
///
/// Node names are the plan's ids (constraints, tasks, owners); legend nodes start
/// with `legend:`.
public enum ConstraintMap {
    static let wrapWidth = 30

    /// Builds the graph. With a filter, only mitigations it shows are drawn, and only
    /// constraints with at least one of them.
    ///
    /// - Complexity: O(*C* + *T* + *O*) for *C* constraints, *T* tasks and *O* owners.
    public static func graph(plan: Plan, schedule: Schedule, filter: DiagramFilter = .all) -> GraphSpec {
        let facts = ScheduleFacts(plan: plan, schedule: schedule)
        let shownTask = filter.mask(plan: plan, schedule: schedule)
        let shownConstraint = plan.constraints.map { constraint in
            filter.isAll || constraint.mitigations.contains { shownTask[$0] }
        }

        var spec = GraphSpec(
            name: "constraints",
            nodeDefaults: [("shape", "box"), ("style", "rounded,filled"), ("fillcolor", "#ffffff"),
                           ("fontname", .text(DiagramStyle.font)), ("fontsize", .text(DiagramStyle.format(DiagramStyle.fontSize))),
                           ("margin", "0.12,0.06"), ("color", .text(DiagramStyle.lineColor))],
            edgeDefaults: [("color", .text(DiagramStyle.lineColor)), ("arrowsize", "0.7")])
        let filterNote = filter.isAll ? "" : " (filtered)"
        spec.graphAttributes = [
            ("rankdir", "LR"), ("nodesep", "0.2"), ("ranksep", "0.7"), ("pad", "0.3"),
            ("fontname", .text(DiagramStyle.font)), ("fontsize", .text(DiagramStyle.format(DiagramStyle.titleFontSize))),
            ("labelloc", "t"), ("labeljust", "l"),
            ("label", .text(DiagramStyle.escapeLabel(
                "\(plan.title): constraints → mitigations → owners\(filterNote) — target and forecast resolution in weeks from the start"))),
        ]
        addLegend(to: &spec)

        var categories: [String] = []
        for (c, constraint) in plan.constraints.enumerated() where shownConstraint[c] {
            let category = constraint.category ?? "uncategorised"
            if !categories.contains(category) { categories.append(category) }
        }
        var clusterOfCategory: [String: Int] = [:]
        for category in categories {
            clusterOfCategory[category] = spec.addCluster(.init(name: "cluster_\(category)", attributes: [
                ("label", .text(DiagramStyle.escapeLabel(category))), ("labeljust", "l"), ("style", "rounded,filled"),
                ("fillcolor", "#f4f4f4"), ("color", "#b0b0b0"), ("fontname", .text(DiagramStyle.font)),
                ("fontsize", .text(DiagramStyle.format(DiagramStyle.clusterFontSize))), ("class", "category"),
            ]))
        }

        var ownersUsed: [Int] = []
        var ownerUsed = [Bool](repeating: false, count: plan.owners.count)
        for (c, constraint) in plan.constraints.enumerated() where shownConstraint[c] {
            let cluster = clusterOfCategory[constraint.category ?? "uncategorised"]
            spec.addNode(constraint.id, [
                ("label", .html(constraintLabel(c, facts: facts))),
                ("fillcolor", .text(DiagramStyle.fill(for: constraint.severity))),
                ("class", .text(schedule.resolutions[c].late ? "constraint late" : "constraint")),
            ], cluster: cluster)
            for m in constraint.mitigations where shownTask[m] {
                let task = plan.tasks[m]
                let es = schedule.timing.earlyStart[m], ef = schedule.timing.earlyFinish[m]
                var lines = DiagramStyle.wrap(task.title, width: wrapWidth, maxLines: 5)
                lines.append("\(facts.weeks(ef - es))w · ES \(facts.weeks(es)) – EF \(facts.weeks(ef))")
                var attributes: GraphSpec.Attributes = [("label", .text(DiagramStyle.centredLines(lines))), ("class", "mitigation")]
                if schedule.isCritical(task: m) {
                    attributes += [("color", .text(DiagramStyle.criticalColor)), ("penwidth", .text(DiagramStyle.criticalPenWidth)),
                                   ("class", "mitigation critical")]
                }
                spec.addNode(task.id, attributes, cluster: cluster)
                spec.addEdge(constraint.id, task.id)
                for demand in task.demands {
                    guard let o = demand.ownerIndex else { continue }
                    if !ownerUsed[o] { ownerUsed[o] = true; ownersUsed.append(o) }
                    spec.addEdge(task.id, demand.owner, [("color", "#9a9a9a")])
                }
            }
        }
        for o in ownersUsed {
            let owner = plan.owners[o]
            spec.addNode(owner.id, [("label", .text(DiagramStyle.escapeLabel(owner.name))), ("shape", "ellipse"),
                                    ("style", "filled"), ("fillcolor", "#dbe5f1"), ("class", "owner")])
        }
        return spec
    }

    private static func constraintLabel(_ c: Int, facts: ScheduleFacts) -> String {
        let constraint = facts.plan.constraints[c], resolution = facts.schedule.resolutions[c]
        let html = DiagramStyle.escapeHTML
        var rows = DiagramStyle.wrap(constraint.title, width: wrapWidth, maxLines: 3).map { "<B>\(html($0))</B>" }
        let details = [constraint.severity?.rawValue, constraint.status, constraint.progress.map { "\(facts.weeks($0))%" }]
            .compactMap { $0 }
        if !details.isEmpty { rows.append(html(details.joined(separator: " · "))) }
        var when = resolution.target.map { "target \(date($0, facts: facts)) · " } ?? "no target · "
        when += "forecast \(date(resolution.resolved, facts: facts))"
        rows.append(html(when))
        if let late = resolution.lateBy {
            rows.append("<FONT COLOR=\"\(DiagramStyle.lateColor)\"><B>\(html(facts.weeks(late)))w late</B></FONT>")
        }
        return rows.joined(separator: "<BR/>")
    }

    /// `2 (2025-01-24)`: weeks from t = 0, and the date when the plan has a start.
    private static func date(_ t: Double, facts: ScheduleFacts) -> String {
        let weeks = facts.weeks(t)
        guard let date = facts.plan.calendar.date(at: t, as: .end) else { return "\(weeks)w" }
        return "\(weeks)w (\(date))"
    }

    private static func addLegend(to spec: inout GraphSpec) {
        let (legend, small) = Legend.begin(in: &spec) { "\($0.rawValue) constraint" }
        spec.addNode("legend:late", [
            ("label", .html("forecast after target: <FONT COLOR=\"\(DiagramStyle.lateColor)\"><B>late</B></FONT>")),
            ("fontsize", small), ("class", "legend"),
        ], cluster: legend)
        spec.addNode("legend:critical-path", [
            ("label", "mitigation on the critical path"), ("fontsize", small), ("class", "legend"),
            ("color", .text(DiagramStyle.criticalColor)), ("penwidth", .text(DiagramStyle.criticalPenWidth)),
        ], cluster: legend)
        spec.addNode("legend:owner", [("label", "owner"), ("shape", "ellipse"), ("style", "filled"), ("fillcolor", "#dbe5f1"),
                                      ("fontsize", small), ("class", "legend")], cluster: legend)
    }
}
