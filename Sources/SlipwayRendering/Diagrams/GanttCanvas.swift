import SlipwayEngine
import SlipwayCore
import SlipwayReports
import SlipwayScheduling

/// The geometry of a Gantt chart, in points from the top-left corner: columns,
/// rows, the week scale, and the shapes placed on them. `spec()` turns the shapes
/// into pinned Graphviz nodes (Graphviz's y axis points up, so y is flipped there).
struct GanttCanvas {
    static let titleColumn = 320.0
    static let spanColumn = 96.0
    static let gap = 10.0
    static let rowHeight = 28.0
    static let headerHeight = 22.0
    static let barHeight = 14.0
    static let thinBar = 4.0
    static let titleWrap = 54
    static let criticalFill = DiagramStyle.criticalColor
    static let normalFill = "#3f6fa8"
    static let floatFill = "#9aa5b1"
    static let baselineFill = "#333333"
    static let doneFill = "#111111"
    static let windowFill = "#dfe9f5"
    static let holidayFill = "#f4e3c1"
    static let deadlineColor = "#6a3d9a"
    static let statusColor = "#1b7837"
    /// Waits (approvals, lead times) take time but no one's work: a pale bar.
    static let waitFill = "#c9b8e0"
    static let criticalWaitFill = "#e8a1a8"
    /// Buffers are hatched: stripes of their colour and white, about this wide.
    static let stripeWidth = 4.0
    static let projectBufferColor = "#e67e22"
    static let feedingBufferColor = "#7f8c8d"
    static let zoneColor: [CriticalChainBuffers.Zone: String] = [.green: "#2e9e44", .yellow: "#d4a017", .red: "#c0392b"]

    struct Shape {
        var name: String
        var x, y, width, height: Double
        var attributes: GraphSpec.Attributes
    }

    let plan: Plan
    let schedule: Schedule
    let baseline: [Int: GanttChart.Span]
    let buffers: CriticalChainBuffers?
    let facts: ScheduleFacts
    /// Weeks on the axis: from t = 0 to the last thing drawn, whole weeks.
    let weeks: Int
    /// The widest chart drawn, in points: beyond it weeks narrow instead.
    static let widestChart = 20_000.0
    let weekWidth: Double
    var shapes: [Shape] = []
    /// The next free y (top-down).
    var cursor = 0.0
    var rowsTop = 0.0
    var rowIndex = 0

    init(plan: Plan, schedule: Schedule, baseline: [Int: GanttChart.Span], buffers: CriticalChainBuffers? = nil) {
        self.plan = plan
        self.schedule = schedule
        self.baseline = baseline
        self.buffers = buffers
        self.facts = ScheduleFacts(plan: plan, schedule: schedule)
        var end = max(schedule.finish, plan.deadline ?? 0, plan.statusDate ?? 0)
        for phase in plan.phases { end = max(end, phase.windowEnd ?? 0) }
        for span in baseline.values { end = max(end, span.finish) }
        for buffer in buffers?.buffers ?? [] { end = max(end, buffer.end) }
        weeks = max(1, Int((end - 1e-9).rounded(.up)))
        // Wide enough for "W12" and a date at review size, narrow enough that a
        // two-year plan still fits a screen's width. Past 1,428 weeks the chart stops
        // growing at 20,000 points (a plan of 10,000 years drew half a million axis
        // labels and did not finish): weeks narrow, and labels and grid thin out.
        weekWidth = min(60, max(14, 960 / Double(weeks)), Self.widestChart / Double(weeks))
    }

    var chartLeft: Double { Self.titleColumn + Self.spanColumn + Self.gap }
    var chartWidth: Double { Double(weeks) * weekWidth }
    var totalWidth: Double { max(chartLeft + chartWidth + Self.gap, legendWidth) }
    var legendWidth: Double { Double(legendItems.count) * 150 }
    func x(_ t: Double) -> Double { chartLeft + t * weekWidth }

    // MARK: Drawing

    mutating func drawTitle(filter: DiagramFilter) {
        let note = filter.isAll ? "" : " (filtered)"
        text("title", "\(plan.title): Gantt chart\(note) — \(facts.finishSummary)", x: 0, y: 0,
             width: max(totalWidth, 600), height: 28, size: DiagramStyle.titleFontSize)
        cursor = 32
    }

    /// Week numbers, Monday dates when the plan has a start, and the grid.
    mutating func drawAxis(rowCount: Int) {
        let labelEvery = weekWidth >= 40 ? 1 : Int((40 / weekWidth).rounded(.up))
        let hasDates = plan.calendar.start != nil
        let axisTop = cursor
        for w in stride(from: 0, to: weeks, by: labelEvery) {
            let width = weekWidth * Double(labelEvery)
            text("axis:W\(w + 1)", "W\(w + 1)", x: x(Double(w)), y: axisTop, width: width, height: 14,
                 size: DiagramStyle.smallFontSize, align: .left)
            if hasDates, let monday = plan.calendar.date(at: Double(w), as: .start) {
                text("axis:date\(w + 1)", Self.shortDate(monday), x: x(Double(w)), y: axisTop + 14, width: width, height: 14,
                     size: DiagramStyle.smallFontSize, align: .left, color: DiagramStyle.mutedColor)
            }
        }
        text("axis:task", "Task", x: 4, y: axisTop + (hasDates ? 14 : 0), width: Self.titleColumn - 4, height: 14,
             size: DiagramStyle.smallFontSize, align: .left, color: DiagramStyle.mutedColor)
        text("axis:span", "weeks (ES–EF)", x: Self.titleColumn, y: axisTop + (hasDates ? 14 : 0), width: Self.spanColumn,
             height: 14, size: DiagramStyle.smallFontSize, align: .left, color: DiagramStyle.mutedColor)
        cursor = axisTop + (hasDates ? 30 : 16)
        rowsTop = cursor
        let rowsHeight = Double(rowCount) * Self.rowHeight
        for w in stride(from: 0, through: weeks, by: weekWidth >= 14 ? 1 : labelEvery) {
            box("grid:\(w)", x: x(Double(w)) - 0.25, y: rowsTop, width: 0.5, height: rowsHeight, fill: "#d0d0d0")
        }
        // Holidays as columns behind the bars: the gaps where no one works (an
        // owner's leave is that owner's, and would be noise on everyone's rows).
        for (h, off) in plan.holidays.enumerated() {
            guard let span = off.span(on: plan.calendar), span.end > span.start, span.start < Double(weeks), span.end > 0 else { continue }
            let from = max(0, span.start), to = min(Double(weeks), span.end)
            box("holiday:\(h + 1)", x: x(from), y: rowsTop, width: (to - from) * weekWidth, height: rowsHeight,
                fill: Self.holidayFill, classes: "holiday")
        }
    }

    /// A phase header row, the phase window shaded behind the group, and one row per task.
    mutating func drawGroup(phase: Phase?, tasks: [Int]) {
        let groupTop = cursor
        let groupHeight = Self.headerHeight + Double(tasks.count) * Self.rowHeight
        let key = phase?.id ?? "none"
        let title = phase.map { p in [p.name, facts.window(of: p)].compactMap { $0 }.joined(separator: " · ") } ?? "Not in a phase"
        box("band:\(key)", x: 0, y: groupTop, width: totalWidth, height: Self.headerHeight, fill: "#eceff3")
        if let phase, let start = phase.windowStart, let end = phase.windowEnd, end > start {
            box("window:\(key)", x: x(start), y: groupTop, width: (end - start) * weekWidth, height: groupHeight,
                fill: Self.windowFill)
        }
        text("phase:\(key)", title, x: 4, y: groupTop, width: totalWidth - 8, height: Self.headerHeight,
             size: DiagramStyle.fontSize, align: .left, bold: true)
        cursor += Self.headerHeight
        for j in tasks { drawRow(j) }
    }

    mutating func drawRow(_ j: Int) {
        let task = plan.tasks[j], timing = schedule.timing
        let top = cursor
        let es = timing.earlyStart[j], ef = timing.earlyFinish[j], float = timing.totalFloat[j]
        let critical = timing.isCritical(j)
        let criticalClass = critical ? " \(DiagramStyle.criticalClass)" : ""
        if rowIndex % 2 == 1 {
            box("stripe:\(task.id)", x: 0, y: top, width: chartLeft - Self.gap / 2, height: Self.rowHeight, fill: "#f7f7f7")
        }
        rowIndex += 1
        let lines = DiagramStyle.wrap(task.title, width: Self.titleWrap, maxLines: 2)
        text("title:\(task.id)", lines, x: 4, y: top, width: Self.titleColumn - 8, height: Self.rowHeight,
             size: DiagramStyle.smallFontSize, align: .left)
        let span = task.isMilestone ? "at \(facts.weeks(ef))" : "\(facts.weeks(es))–\(facts.weeks(ef))"
        text("span:\(task.id)", span, x: Self.titleColumn, y: top, width: Self.spanColumn, height: Self.rowHeight,
             size: DiagramStyle.smallFontSize, align: .left)

        let hasBaseline = baseline[j] != nil
        let barTop = top + (Self.rowHeight - Self.barHeight) / 2 - (hasBaseline ? 3 : 0)
        let middle = barTop + Self.barHeight / 2
        if float > Timing.criticalTolerance {
            box("float:\(task.id)", x: x(ef), y: middle - Self.thinBar / 2, width: float * weekWidth, height: Self.thinBar,
                fill: Self.floatFill, classes: "float")
        }
        if task.isMilestone {
            shapes.append(Shape(name: "milestone:\(task.id)", x: x(ef) - 7, y: barTop, width: 14, height: 14, attributes: [
                ("shape", "diamond"), ("style", "filled"), ("label", ""),
                ("fillcolor", .text(critical ? Self.criticalFill : Self.normalFill)),
                ("color", .text(critical ? Self.criticalFill : Self.normalFill)), ("class", .text("milestone\(criticalClass)")),
            ]))
        } else {
            let fill = task.isWait ? (critical ? Self.criticalWaitFill : Self.waitFill) : (critical ? Self.criticalFill : Self.normalFill)
            box("bar:\(task.id)", x: x(es), y: barTop, width: max(1, (ef - es) * weekWidth), height: Self.barHeight,
                fill: fill, classes: "bar\(task.isWait ? " wait" : "")\(criticalClass)")
        }
        // Work done, as a dark band along the bar: what a status review looks for.
        if !task.isMilestone, let done = doneFraction(j), done > 0 {
            box("done:\(task.id)", x: x(es), y: barTop + Self.barHeight / 2 - 2, width: max(1, (ef - es) * weekWidth * done),
                height: 4, fill: Self.doneFill, classes: "done")
        }
        if let span = baseline[j] {
            box("baseline:\(task.id)", x: x(span.start), y: barTop + Self.barHeight + 2,
                width: max(2, (span.finish - span.start) * weekWidth), height: Self.thinBar, fill: Self.baselineFill,
                classes: "baseline")
        }
        cursor += Self.rowHeight
    }

    /// The critical chain's buffers as hatched rows under the tasks: the project
    /// buffer after the chain, each feeding buffer before its join; with progress,
    /// hatched in the colour of its zone and the part used as a dark band.
    mutating func drawBuffers() {
        guard let buffers, !buffers.buffers.isEmpty else { return }
        let groupTop = cursor
        let title = "Critical chain buffers (\(buffers.method.rawValue)) · promise week \(facts.weeks(buffers.bufferedFinish))"
        box("band:buffers", x: 0, y: groupTop, width: totalWidth, height: Self.headerHeight, fill: "#eceff3")
        text("phase:buffers", title, x: 4, y: groupTop, width: totalWidth - 8, height: Self.headerHeight,
             size: DiagramStyle.fontSize, align: .left, bold: true)
        cursor += Self.headerHeight
        for buffer in buffers.buffers {
            let top = cursor
            let name = BufferReport.name(buffer, plan: plan)
            let chain = buffer.chain.map { plan.tasks[$0].id }
            let protects = chain.count > 2 ? "\(chain[0]) .. \(chain[chain.count - 1])" : chain.joined(separator: ", ")
            let label = buffer.kind == .project
                ? "Project buffer: \(protects)"
                : "Feeding: \(protects) → \(buffer.joins.map { BufferReport.id(of: $0, plan: plan) } ?? "the end")"
            var lines = DiagramStyle.wrap(label, width: Self.titleWrap, maxLines: buffer.status == nil ? 2 : 1)
            if let s = buffer.status {
                let used = s.consumption.map { "\(Int(($0 * 100).rounded()))% used" } ?? (s.consumed > 0 ? "overrun" : "unused")
                lines.append("\(used), chain \(Int((s.chainCompletion * 100).rounded()))% done: \(buffer.kind == .feeding && s.chainFinished ? "done" : s.zone.rawValue)")
            }
            text("title:\(name)", lines, x: 4, y: top, width: Self.titleColumn - 8, height: Self.rowHeight,
                 size: DiagramStyle.smallFontSize, align: .left)
            text("span:\(name)", "\(facts.weeks(buffer.start))–\(facts.weeks(buffer.end))", x: Self.titleColumn, y: top,
                 width: Self.spanColumn, height: Self.rowHeight, size: DiagramStyle.smallFontSize, align: .left)
            let colour = buffer.status.map { Self.zoneColor[$0.zone]! }
                ?? (buffer.kind == .project ? Self.projectBufferColor : Self.feedingBufferColor)
            let barTop = top + (Self.rowHeight - Self.barHeight) / 2
            hatched("buffer:\(name)", x: x(buffer.start), y: barTop, width: max(2, buffer.size * weekWidth), height: Self.barHeight,
                    colour: colour, classes: "buffer \(buffer.kind.rawValue)")
            if let s = buffer.status, s.consumed > 0 {
                box("used:\(name)", x: x(buffer.start), y: barTop + Self.barHeight / 2 - 2, width: max(1, min(buffer.size, s.consumed) * weekWidth),
                    height: 4, fill: Self.doneFill, classes: "buffer-used")
            }
            cursor += Self.rowHeight
        }
    }

    /// A box hatched with stripes of `colour` and white (Graphviz's `striped`
    /// style), outlined in `colour`.
    mutating func hatched(_ name: String, x: Double, y: Double, width: Double, height: Double, colour: String, classes: String) {
        let pairs = max(1, min(200, Int((width / (2 * Self.stripeWidth)).rounded())))
        let stripes = Array(repeating: "\(colour):#ffffff", count: pairs).joined(separator: ":")
        shapes.append(Shape(name: name, x: x, y: y, width: width, height: height, attributes: [
            ("shape", "box"), ("style", "striped"), ("label", ""), ("fillcolor", .text(stripes)),
            ("color", .text(colour)), ("penwidth", "1"), ("class", .text(classes)),
        ]))
    }

    /// How much of a task is done: all of a finished one, its `progress` percent,
    /// or the share of its span before the status date; nil when not started.
    func doneFraction(_ j: Int) -> Double? {
        let task = plan.tasks[j]
        switch Forecast(task: task, statusDate: plan.statusDate).state {
        case .notStarted: return nil
        case .finished: return 1
        case .started:
            if let percent = task.progress.percent { return min(1, percent / 100) }
            let es = schedule.timing.earlyStart[j], ef = schedule.timing.earlyFinish[j]
            guard let s = plan.statusDate, ef > es else { return nil }
            return min(1, max(0, (s - es) / (ef - es)))
        }
    }

    /// The deadline and the status date as vertical lines over the rows, each
    /// named in a row of its own below them so the two names never overlap.
    mutating func drawMarkers() {
        let rowsHeight = cursor - rowsTop
        var markers: [(name: String, label: String, t: Double, color: String)] = []
        if let deadline = plan.deadline {
            markers.append(("deadline", "deadline \(facts.weeks(deadline))", deadline, Self.deadlineColor))
        }
        if let status = plan.statusDate {
            markers.append(("status", "status date \(facts.weeks(status))", status, Self.statusColor))
        }
        for marker in markers {
            box("line:\(marker.name)", x: x(marker.t) - 1, y: rowsTop, width: 2, height: rowsHeight + 4, fill: marker.color,
                classes: marker.name)
            text("label:\(marker.name)", marker.label, x: x(marker.t) - 130, y: cursor + 4, width: 130 - 4, height: 14,
                 size: DiagramStyle.smallFontSize, align: .right, color: marker.color)
            cursor += 16
        }
        cursor += 8
    }

    var legendItems: [(name: String, label: String, fill: String, height: Double, shape: String)] {
        var items = [
            ("critical", "critical (zero float)", Self.criticalFill, Self.barHeight, "box"),
            ("normal", "not critical", Self.normalFill, Self.barHeight, "box"),
            ("float", "total float", Self.floatFill, Self.thinBar, "box"),
            ("milestone", "milestone", Self.normalFill, 14, "diamond"),
            ("window", "phase window", Self.windowFill, Self.barHeight, "box"),
        ]
        if !plan.holidays.isEmpty { items.append(("holiday", "holiday (no work)", Self.holidayFill, Self.barHeight, "box")) }
        if plan.tasks.contains(where: \.isWait) { items.append(("wait", "wait (no one's work)", Self.waitFill, Self.barHeight, "box")) }
        if plan.deadline != nil { items.append(("deadline", "deadline", Self.deadlineColor, 2, "box")) }
        if plan.statusDate != nil { items.append(("status", "status date", Self.statusColor, 2, "box")) }
        if !baseline.isEmpty { items.append(("baseline", "baseline", Self.baselineFill, Self.thinBar, "box")) }
        if plan.tasks.indices.contains(where: { doneFraction($0) != nil }) { items.append(("done", "work done", Self.doneFill, 4, "box")) }
        if let buffers, !buffers.buffers.isEmpty {
            let colour = buffers.statusDate == nil ? Self.projectBufferColor : Self.zoneColor[buffers.projectBuffer.status?.zone ?? .green]!
            items.append(("buffer", "buffer (hatched)", colour, Self.barHeight, "striped"))
        }
        return items
    }

    mutating func drawLegend() {
        let top = cursor
        for (k, item) in legendItems.enumerated() {
            let left = Double(k) * 150 + 4
            let width = item.shape == "diamond" ? 14.0 : 28.0
            if item.shape == "striped" {
                hatched("legend:\(item.name)", x: left, y: top + (16 - item.height) / 2, width: width, height: item.height,
                        colour: item.fill, classes: "legend")
            } else {
                shapes.append(Shape(name: "legend:\(item.name)", x: left, y: top + (16 - item.height) / 2, width: width,
                                    height: item.height, attributes: [
                                        ("shape", .text(item.shape)), ("style", "filled"), ("label", ""),
                                        ("fillcolor", .text(item.fill)), ("color", .text(item.fill)), ("class", "legend"),
                                    ]))
            }
            text("legend:\(item.name):text", item.label, x: left + 34, y: top, width: 110, height: 16,
                 size: DiagramStyle.smallFontSize, align: .left)
        }
        cursor = top + 20
    }

    // MARK: Shapes

    enum Align { case left, right, centre }

    mutating func box(_ name: String, x: Double, y: Double, width: Double, height: Double, fill: String, classes: String? = nil) {
        var attributes: GraphSpec.Attributes = [("shape", "box"), ("style", "filled"), ("label", ""),
                                                ("fillcolor", .text(fill)), ("color", .text(fill))]
        if let classes { attributes.append(("class", .text(classes))) }
        shapes.append(Shape(name: name, x: x, y: y, width: width, height: height, attributes: attributes))
    }

    mutating func text(_ name: String, _ text: String, x: Double, y: Double, width: Double, height: Double, size: Double,
                       align: Align = .left, color: String = "#000000", bold: Bool = false) {
        self.text(name, [text], x: x, y: y, width: width, height: height, size: size, align: align, color: color, bold: bold)
    }

    mutating func text(_ name: String, _ lines: [String], x: Double, y: Double, width: Double, height: Double, size: Double,
                       align: Align = .left, color: String = "#000000", bold: Bool = false) {
        let label: String
        switch align {
        case .left: label = DiagramStyle.leftLines(lines)
        case .right: label = lines.map { DiagramStyle.escapeLabel($0) + "\\r" }.joined()
        case .centre: label = DiagramStyle.centredLines(lines)
        }
        shapes.append(Shape(name: name, x: x, y: y, width: width, height: height, attributes: [
            ("shape", "plaintext"), ("label", .text(label)), ("fontsize", .text(DiagramStyle.format(size))),
            ("fontcolor", .text(color)), ("fontname", .text(bold ? "Helvetica-Bold" : DiagramStyle.font)),
            ("margin", "0.02,0"), ("class", "text"),
        ]))
    }

    static func shortDate(_ date: CivilDate) -> String {
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return "\(date.day) \(months[(date.month - 1) % 12])"
    }

    /// The shapes as pinned nodes: `pos` is the centre in points, y pointing up.
    func spec() -> GraphSpec {
        let height = cursor
        var spec = GraphSpec(
            name: "gantt",
            nodeDefaults: [("fixedsize", "true"), ("fontname", .text(DiagramStyle.font)), ("penwidth", "0")],
            edgeDefaults: [])
        spec.graphAttributes = [("pad", "0.2"), ("bgcolor", "white"), ("outputorder", "nodesfirst")]
        spec.nodes.reserveCapacity(shapes.count)
        for shape in shapes {
            let centreX = shape.x + shape.width / 2, centreY = height - (shape.y + shape.height / 2)
            spec.addNode(shape.name, shape.attributes + [
                ("pos", .text("\(DiagramStyle.format(centreX)),\(DiagramStyle.format(centreY))!")),
                ("width", .text(DiagramStyle.inches(shape.width))), ("height", .text(DiagramStyle.inches(shape.height))),
            ])
        }
        return spec
    }
}
