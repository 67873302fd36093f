import SlipwayCore
import SlipwayScheduling
import SlipwayRendering
import SlipwayReports

/// One diagram of the pack: its SVG, ready to sit inline, or why it is not
/// there; and what it leaves out.
struct ReviewFigure {
    var id: String
    var caption: String
    var svg: String?
    /// What a reader must know: the part drawn, or why nothing is.
    var note: String?
    /// Fitted to the page's width, and shown at full size in a frame that scrolls
    /// both ways when clicked: a network fitted to 1,200 pixels is an overview,
    /// not something to read.
    var zoomable = false
    /// What to do on screen; not printed.
    var hint: String?
}

/// The pack's diagrams, drawn by the same code as `slipway render`, as SVG.
///
/// Large plans: a layered layout grows much faster than the plan (2,000 tasks
/// take 1.7 s, 4,000 take 15 s) and a chart of thousands of rows cannot be read
/// at review size, so beyond `layoutLimit` nodes and links (about 1,000 tasks)
/// the network and the constraint map show the critical part, and beyond
/// `ganttRows` the Gantt chart too; the pack says so under the figure. A part
/// that is still too large is left out, with that said instead.
enum ReviewDiagrams {
    /// Nodes plus links of a `dot` layout: about 1,000 tasks, 0.4 s.
    static let layoutLimit = 3_000
    /// Rows of a Gantt chart drawn whole.
    static let ganttRows = 400

    /// - Complexity: the layouts' (see `GraphvizRenderer.render`); the pinned
    ///   charts are O(*T*).
    static func risk(_ pack: ReviewPack) -> ReviewFigure? {
        guard let result = pack.simulation else { return nil }
        return figure("risk", "Finish distribution (S-curve) and the top drivers of the finish",
                      RiskChart.graph(plan: pack.plan, result: result), engine: .pinned, note: nil)
    }

    /// The fever chart of `slipway render --diagram fever` (by `rsse`), with the
    /// project buffer's trail through the status dates.
    static func fever(_ pack: ReviewPack) -> ReviewFigure {
        figure("fever", "Fever chart: each buffer's use against its chain's completion",
               FeverChart.graph(plan: pack.plan, buffers: pack.buffers, trail: pack.bufferTrail), engine: .pinned, note: nil)
    }

    static func trend(_ pack: ReviewPack) -> ReviewFigure {
        let spec = SlipTrendChart.graph(plan: pack.plan, points: pack.trend, baselines: pack.trendBaselines)
        let note = pack.trend.count < 2 && pack.trendBaselines.isEmpty
            ? "One forecast so far: progress recorded with 'slipway progress' and baselines saved with 'slipway baseline save' add points."
            : nil
        return figure("trend", "Slip trend: the forecast finish at each status date, and the saved baselines", spec, engine: .pinned, note: note)
    }

    static func gantt(_ pack: ReviewPack) -> ReviewFigure {
        let plan = pack.plan, schedule = pack.schedule
        let baseline = pack.baseline.map { GanttChart.spans(of: $0, in: plan) }
        var filter = DiagramFilter.all
        var note: String?
        if plan.tasks.count > ganttRows {
            filter = DiagramFilter(criticalOnly: true)
            let shown = filter.mask(plan: plan, schedule: schedule).filter { $0 }.count
            note = "The plan has \(plan.tasks.count.grouped) tasks: the chart shows the \(shown.grouped) critical ones. "
                + "'slipway render PLAN --diagram gantt' draws every task."
        }
        if pack.baseline != nil { note = (note.map { $0 + " " } ?? "") + "Thin dark bars: the baseline's dates." }
        let spec = GanttChart.graph(plan: plan, schedule: schedule, filter: filter, baseline: baseline)
        return zoomable(figure("gantt", "Gantt chart", spec, engine: .pinned, note: note))
    }

    static func network(_ pack: ReviewPack) -> ReviewFigure {
        zoomable(layered("network", "Dependency network", pack) { NetworkDiagram.graph(plan: pack.plan, schedule: pack.schedule, filter: $0) })
    }

    private static func zoomable(_ figure: ReviewFigure) -> ReviewFigure {
        guard figure.svg != nil else { return figure }
        var figure = figure
        figure.zoomable = true
        figure.hint = "Click the diagram for full size (scroll inside the frame), again to fit it to the page."
        return figure
    }

    static func constraintMap(_ pack: ReviewPack) -> ReviewFigure {
        zoomable(layered("constraint-map", "Constraint map: constraints, mitigations, owners", pack) {
            ConstraintMap.graph(plan: pack.plan, schedule: pack.schedule, filter: $0)
        })
    }

    /// A `dot` diagram whole, or its critical part when the whole is too large.
    private static func layered(_ id: String, _ caption: String, _ pack: ReviewPack, _ graph: (DiagramFilter) -> GraphSpec) -> ReviewFigure {
        let whole = graph(.all)
        let size = whole.nodes.count + whole.edges.count
        guard size > layoutLimit else { return figure(id, caption, whole, engine: .dot, note: nil) }
        let part = graph(DiagramFilter(criticalOnly: true))
        let partSize = part.nodes.count + part.edges.count
        let command = "'slipway render PLAN --diagram \(id == "network" ? "network" : "constraints")'"
        guard partSize <= layoutLimit else {
            return ReviewFigure(id: id, caption: caption, svg: nil,
                                note: "Not drawn here: the whole has \(size.grouped) nodes and links and even its critical part \(partSize.grouped), more than "
                                    + "the \(layoutLimit.grouped) that lay out in a second. \(command) with --phase draws a part.")
        }
        return figure(id, caption + " (critical part)", part, engine: .dot,
                      note: "The whole has \(size.grouped) nodes and links, more than the \(layoutLimit.grouped) that lay out in a second: "
                          + "this is its critical part. \(command) draws the whole.")
    }

    private static func figure(_ id: String, _ caption: String, _ spec: GraphSpec, engine: LayoutEngine, note: String?) -> ReviewFigure {
        do {
            let rendered = try GraphvizRenderer.render(spec, engine: engine, format: .svg)
            let svg = InlineSVG.embed(String(decoding: rendered.data, as: UTF8.self), prefix: id, label: caption)
            return ReviewFigure(id: id, caption: caption, svg: svg, note: svg == nil ? "Graphviz wrote no SVG." : note)
        } catch {
            return ReviewFigure(id: id, caption: caption, svg: nil, note: "Could not be drawn: \(error)")
        }
    }
}
