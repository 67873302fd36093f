import SlipwayCore
import SlipwayReports
import SlipwayScheduling

/// The fever chart of critical chain buffer management: each buffer's chain
/// completion (x) against the share of the buffer used (y), over the zones of
/// the usual thirds (green below a third, yellow to two thirds, red above;
/// Goldratt 1997), with the line where a buffer is used as fast as its chain
/// progresses (burn rate 1). The project buffer is drawn with its trail through
/// the status dates of the progress history; the feeding buffers still running
/// as dots, listed beside the chart.
///
/// Drawn on pinned Graphviz nodes (`ChartCanvas`), as the risk chart is.
public enum FeverChart {
    static let plotWidth = 420.0
    static let plotHeight = 300.0
    static let left = 56.0
    static let top = 52.0
    static let zoneFill: [CriticalChainBuffers.Zone: String] = [.green: "#d9f0d3", .yellow: "#fbefb6", .red: "#f6c9c4"]
    static let zoneMark: [CriticalChainBuffers.Zone: String] = [.green: "#1b7837", .yellow: "#b8860b", .red: "#c0392b"]
    static let projectColor = "#222222"

    /// The chart.
    ///
    /// - Parameter trail: the project buffer at earlier status dates
    ///   (`CriticalChainBuffers.projectTrail`), drawn as its path.
    /// - Complexity: O(*b* + *k*) for *b* buffers and *k* points of the trail.
    public static func graph(plan: Plan, buffers b: CriticalChainBuffers, trail: [CriticalChainBuffers.TrailPoint] = []) -> GraphSpec {
        var canvas = ChartCanvas(name: "fever")
        let time = TimeFormat(calendar: plan.calendar)
        let when = b.statusDate.map { "as of week \(time.weeks($0))" } ?? (b.projectBuffer.status == nil ? "no progress recorded" : "with the progress recorded")
        let title = "\(plan.title): fever chart of the critical chain buffers (\(b.method.rawValue)), \(when)"
        canvas.text(title, x: 0, y: 0, width: RiskChart.titleWidth(title), height: 24, size: DiagramStyle.titleFontSize)

        let used = b.buffers.compactMap { $0.status?.consumption } + trail.compactMap(\.status.consumption)
        // Up to 100% at least, more when a buffer is overrun, at most 200% (beyond is drawn at the edge).
        let yMax = min(2, max(1, ((used.max() ?? 0) * 1.1 * 4).rounded(.up) / 4))
        func x(_ completion: Double) -> Double { left + min(1, max(0, completion)) * plotWidth }
        func y(_ consumption: Double) -> Double { top + plotHeight * (1 - min(yMax, max(0, consumption)) / yMax) }

        // Zones first, so that everything else is drawn over them.
        for (zone, low, high) in [(CriticalChainBuffers.Zone.green, 0.0, 1.0 / 3), (.yellow, 1.0 / 3, 2.0 / 3), (.red, 2.0 / 3, yMax)] {
            canvas.box(x: left, y: y(high), width: plotWidth, height: y(low) - y(high), fill: zoneFill[zone]!, classes: "zone \(zone.rawValue)")
            // What each zone asks of the team (Goldratt's buffer management).
            let advice = [CriticalChainBuffers.Zone.green: "green: on track", .yellow: "yellow: plan recovery", .red: "red: act"][zone]!
            canvas.text(advice, x: left + plotWidth - 124, y: y(low) - 16, width: 120, height: 13, size: 8, align: .right, color: zoneMark[zone]!)
        }
        canvas.box(x: left, y: top + plotHeight, width: plotWidth, height: 1, fill: "#000000", classes: "axis")
        canvas.box(x: left, y: top, width: 1, height: plotHeight, fill: "#000000", classes: "axis")
        for k in 0...4 {
            let c = Double(k) / 4
            canvas.box(x: x(c), y: top + plotHeight, width: 1, height: 5, fill: "#000000", classes: "axis")
            canvas.text("\(k * 25)%", x: x(c) - 20, y: top + plotHeight + 6, width: 40, height: 14, size: 9, align: .centre)
        }
        canvas.text("chain completed", x: left, y: top + plotHeight + 22, width: plotWidth, height: 14, size: 10, align: .centre)
        var tick = 0.0
        while tick <= yMax + 1e-9 {
            canvas.text("\(Int((tick * 100).rounded()))%", x: left - 44, y: y(tick) - 7, width: 38, height: 14, size: 9, align: .right)
            tick += 0.25
        }
        canvas.text("buffer used", x: 0, y: top - 20, width: 80, height: 14, size: 10)
        canvas.polyline([(x(0), y(0)), (x(min(1, yMax)), y(min(1, yMax)))], color: "#666666", width: 1, dashed: true, classes: "burn-rate")
        canvas.text("burn rate 1", x: x(min(1, yMax)) - 70, y: y(min(1, yMax)) + 2, width: 66, height: 12, size: 8, align: .right, color: "#666666")

        // Feeding buffers still running, as dots in their zone's colour.
        let running = b.buffers.dropFirst().filter { $0.status.map { !$0.chainFinished } ?? true }
        for buffer in running {
            let s = buffer.status
            let zone = s?.zone ?? .green
            canvas.box(x: x(s?.chainCompletion ?? 0) - 3, y: y(s?.consumption ?? (s.map { $0.consumed > 0 ? yMax : 0 } ?? 0)) - 3,
                       width: 6, height: 6, fill: zoneMark[zone]!, line: "#ffffff", classes: "buffer feeding \(zone.rawValue)")
        }
        // The project buffer: its trail, then where it is now.
        let path = trail.map { (x($0.status.chainCompletion), y($0.status.consumption ?? 0)) }
        canvas.polyline([(x(0), y(0))] + path, color: projectColor, width: 1.5, classes: "trail")
        for (k, p) in path.enumerated() where k < path.count - 1 {
            canvas.box(x: p.0 - 2, y: p.1 - 2, width: 4, height: 4, fill: projectColor, classes: "trail point")
        }
        let project = b.projectBuffer.status
        let px = x(project?.chainCompletion ?? 0), py = y(project?.consumption ?? 0)
        canvas.box(x: px - 5, y: py - 5, width: 10, height: 10, fill: projectColor, line: "#ffffff", classes: "buffer project")
        canvas.text("project", x: px + 7, y: py - 16, width: 60, height: 13, size: 9, bold: true)

        drawList(&canvas, b, running: Array(running), plan: plan, time: time)
        return canvas.spec()
    }

    /// Beside the plot: the project buffer, then every feeding buffer still running,
    /// with how much of its chain is done and of itself used.
    static func drawList(_ canvas: inout ChartCanvas, _ b: CriticalChainBuffers, running: [CriticalChainBuffers.Buffer],
                         plan: Plan, time: TimeFormat) {
        let x0 = left + plotWidth + 24
        canvas.text("Buffer · chain done · used", x: x0, y: top - 20, width: 260, height: 14, size: 10, bold: true)
        func line(_ k: Int, _ buffer: CriticalChainBuffers.Buffer) {
            let name = BufferReport.name(buffer, plan: plan)
            let s = buffer.status
            let detail = s.map { s in
                "\(Int((s.chainCompletion * 100).rounded()))% · " + (s.consumption.map { "\(Int(($0 * 100).rounded()))%" } ?? (s.consumed > 0 ? "overrun" : "0%"))
            } ?? "\(time.weeks(buffer.size))w, unused"
            canvas.box(x: x0, y: top + 3 + Double(k) * 15, width: 8, height: 8, fill: zoneMark[s?.zone ?? .green]!, classes: "legend")
            canvas.text("\(name) · \(detail)", x: x0 + 12, y: top + Double(k) * 15, width: 300, height: 14, size: 9, bold: k == 0)
        }
        line(0, b.projectBuffer)
        for (k, buffer) in running.enumerated() { line(k + 1, buffer) }
        let finished = b.buffers.count - 1 - running.count
        if finished > 0 {
            canvas.text("\(finished) feeding chain\(finished == 1 ? "" : "s") finished", x: x0, y: top + Double(running.count + 1) * 15 + 4,
                        width: 260, height: 14, size: 9, color: "#555555")
        }
    }
}
