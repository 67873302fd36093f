import SlipwayCore
import SlipwayScheduling

/// The dependency network for reviews: tasks, milestones and constraint
/// resolutions left to right in schedule order, one box per phase labelled with
/// its week window, the critical path bold and red, and a legend.
///
/// Node names in the graph are the plan's ids (a resolution is named after its
/// constraint); legend nodes start with `legend:`.
public enum NetworkDiagram {
    /// Title characters per line in a task box.
    static let wrapWidth = 26

    /// Builds the graph.
    ///
    /// A node is critical when its total float is zero (section 3 of the contract);
    /// a link is critical when both ends are and it sets the successor's date.
    /// A resolution is shown when one of its mitigations is.
    ///
    /// - Complexity: O(*V* + *E*), where *V* is the number of tasks and resolutions and
    ///   *E* the number of links.
    public static func graph(plan: Plan, schedule: Schedule, filter: DiagramFilter = .all) -> GraphSpec {
        let facts = ScheduleFacts(plan: plan, schedule: schedule)
        let taskCount = plan.tasks.count
        var shown = filter.mask(plan: plan, schedule: schedule)
        for (c, constraint) in plan.constraints.enumerated() {
            let critical = schedule.timing.isCritical(taskCount + c)
            shown.append(constraint.mitigations.contains { shown[$0] } && (!filter.criticalOnly || critical))
        }

        var spec = GraphSpec(
            name: "network",
            nodeDefaults: [("shape", "box"), ("style", "rounded,filled"), ("fillcolor", "#ffffff"), ("fontname", .text(DiagramStyle.font)),
                           ("fontsize", .text(DiagramStyle.format(DiagramStyle.fontSize))), ("margin", "0.12,0.06"),
                           ("color", .text(DiagramStyle.lineColor)), ("penwidth", "1")],
            edgeDefaults: [("color", .text(DiagramStyle.lineColor)), ("arrowsize", "0.7"), ("fontname", .text(DiagramStyle.font)),
                           ("fontsize", .text(DiagramStyle.format(DiagramStyle.smallFontSize)))])
        spec.graphAttributes = [
            ("rankdir", "LR"), ("nodesep", "0.25"), ("ranksep", "0.55"), ("pad", "0.3"),
            ("fontname", .text(DiagramStyle.font)), ("fontsize", .text(DiagramStyle.format(DiagramStyle.titleFontSize))),
            ("labelloc", "t"), ("labeljust", "l"),
            ("label", .text(DiagramStyle.escapeLabel("\(plan.title): dependency network\(filterNote(filter)) — \(facts.finishSummary)"))),
        ]

        addLegend(to: &spec)
        var phaseShown = [Bool](repeating: false, count: plan.phases.count)
        for j in plan.tasks.indices where shown[j] { if let p = plan.tasks[j].phaseIndex { phaseShown[p] = true } }
        var clusterOfPhase = [Int?](repeating: nil, count: plan.phases.count)
        for (p, phase) in plan.phases.enumerated() where phaseShown[p] {
            let label = [phase.name, facts.window(of: phase)].compactMap { $0 }.joined(separator: " · ")
            clusterOfPhase[p] = spec.addCluster(.init(name: "cluster_\(phase.id)", attributes: [
                ("label", .text(DiagramStyle.escapeLabel(label))), ("labeljust", "l"), ("style", "rounded,filled"),
                ("fillcolor", "#f4f4f4"), ("color", "#b0b0b0"), ("fontname", .text(DiagramStyle.font)),
                ("fontsize", .text(DiagramStyle.format(DiagramStyle.clusterFontSize))), ("class", "phase"),
            ]))
        }

        for j in schedule.taskOrder where shown[j] {
            let task = plan.tasks[j]
            var attributes = taskAttributes(j, facts: facts)
            attributes += criticalAttributes(schedule.timing.isCritical(j))
            spec.addNode(task.id, attributes, cluster: task.phaseIndex.flatMap { clusterOfPhase[$0] })
        }
        for (c, constraint) in plan.constraints.enumerated() where shown[taskCount + c] {
            let node = taskCount + c
            var attributes = resolutionAttributes(c, facts: facts)
            attributes += criticalAttributes(schedule.timing.isCritical(node))
            spec.addNode(constraint.id, attributes)
        }

        func index(_ node: Schedule.ScheduleNode) -> Int { node.task ?? taskCount + node.constraint! }
        func name(_ node: Schedule.ScheduleNode) -> String { node.task.map { plan.tasks[$0].id } ?? plan.constraints[node.constraint!].id }
        for j in shown.indices where shown[j] {
            let node: Schedule.ScheduleNode = j < taskCount ? .task(j) : .resolution(j - taskCount)
            for link in schedule.links(into: node) where shown[index(link.from)] {
                var attributes: GraphSpec.Attributes = []
                if let label = facts.linkLabel(link) {
                    attributes.append(("label", .text(label)))
                }
                let critical = facts.isCriticalLink(link, into: node)
                if link.from.constraint != nil && !critical {
                    attributes.append(("style", "dashed"))
                }
                if critical {
                    attributes += [("color", .text(DiagramStyle.criticalColor)), ("penwidth", .text(DiagramStyle.criticalPenWidth)),
                                   ("class", .text(DiagramStyle.criticalClass)), ("fontcolor", .text(DiagramStyle.criticalColor))]
                }
                spec.addEdge(name(link.from), name(node), attributes)
            }
        }
        return spec
    }

    private static func filterNote(_ filter: DiagramFilter) -> String {
        var parts: [String] = []
        if let phase = filter.phase { parts.append("phase \(phase)") }
        if filter.criticalOnly { parts.append("critical tasks only") }
        return parts.isEmpty ? "" : " (\(parts.joined(separator: ", ")))"
    }

    private static func taskAttributes(_ j: Int, facts: ScheduleFacts) -> GraphSpec.Attributes {
        let task = facts.plan.tasks[j], timing = facts.schedule.timing
        let es = timing.earlyStart[j], ef = timing.earlyFinish[j], float = timing.totalFloat[j]
        var lines = DiagramStyle.wrap(task.title, width: task.isMilestone ? 20 : wrapWidth, maxLines: 5)
        let fill = DiagramStyle.fill(for: facts.severity(ofTask: j))
        // The id is what `slipway slip PLAN ID 1w` takes: show it under the title.
        lines.append("[\(task.id)]")
        if task.isMilestone {
            lines.append("at \(facts.weeks(ef)) · float \(facts.weeks(float))w")
            return [("shape", "diamond"), ("style", "filled"), ("fillcolor", .text(fill)), ("class", "milestone"),
                    ("label", .text(DiagramStyle.centredLines(lines)))]
        }
        lines.append("\(facts.weeks(ef - es))w · ES \(facts.weeks(es)) – EF \(facts.weeks(ef))")
        lines.append("float \(facts.weeks(float))w")
        return [("fillcolor", .text(fill)), ("class", "task"), ("label", .text(DiagramStyle.centredLines(lines)))]
    }

    private static func resolutionAttributes(_ c: Int, facts: ScheduleFacts) -> GraphSpec.Attributes {
        let constraint = facts.plan.constraints[c]
        let resolution = facts.schedule.resolutions[c]
        var lines = DiagramStyle.wrap("\(constraint.id) resolved", width: wrapWidth, maxLines: 2)
        var when = "at \(facts.weeks(resolution.resolved))"
        if let target = resolution.target { when += " · target \(facts.weeks(target))" }
        lines.append(when)
        var attributes: GraphSpec.Attributes = [
            ("shape", "octagon"), ("style", "filled"), ("fillcolor", .text(DiagramStyle.fill(for: constraint.severity))),
            ("class", "resolution"),
        ]
        if let late = resolution.lateBy {
            lines.append("\(facts.weeks(late))w late")
            attributes.append(("fontcolor", .text(DiagramStyle.lateColor)))
        }
        attributes.append(("label", .text(DiagramStyle.centredLines(lines))))
        return attributes
    }

    /// Outline, width and SVG class for a node: only critical nodes are red.
    private static func criticalAttributes(_ critical: Bool) -> GraphSpec.Attributes {
        guard critical else { return [] }
        return [("color", .text(DiagramStyle.criticalColor)), ("penwidth", .text(DiagramStyle.criticalPenWidth)),
                ("class", .text(DiagramStyle.criticalClass))]
    }

    private static func addLegend(to spec: inout GraphSpec) {
        let (legend, small) = Legend.begin(in: &spec) { "mitigates a \($0.rawValue) constraint" }
        spec.addNode("legend:none", [("label", "other task"), ("fontsize", small), ("class", "legend")], cluster: legend)
        spec.addNode("legend:critical-path", [
            ("label", "critical path (zero float)"), ("fillcolor", "#ffffff"), ("fontsize", small), ("class", "legend"),
            ("color", .text(DiagramStyle.criticalColor)), ("penwidth", .text(DiagramStyle.criticalPenWidth)),
        ], cluster: legend)
        spec.addNode("legend:milestone", [("label", "milestone"), ("shape", "diamond"), ("style", "filled"),
                                          ("fillcolor", "#ffffff"), ("fontsize", small), ("class", "legend")], cluster: legend)
        spec.addNode("legend:resolution", [("label", "constraint resolved\\n(red text: after its target)"), ("shape", "octagon"),
                                           ("style", "filled"), ("fillcolor", "#ffffff"), ("fontsize", small), ("class", "legend")],
                     cluster: legend)
        spec.addNode("legend:waits", [("label", "dashed link: waits for\\na constraint's resolution"), ("shape", "plaintext"),
                                      ("style", ""), ("fontsize", small), ("class", "legend")], cluster: legend)
    }
}
