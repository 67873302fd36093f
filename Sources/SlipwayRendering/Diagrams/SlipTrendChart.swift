import SlipwayCore
import SlipwayReports
import SlipwayScheduling

/// The slip trend for a review: the forecast finish (by the links, and leveled
/// when owners do the work) at each status date of the progress history, the
/// saved baselines' finishes as squares, and the deadline as a line. A flat line
/// is a plan that holds; a rising one slips by the rise per week of status.
///
/// Drawn on pinned Graphviz shapes (`ChartCanvas`), as the risk chart is, so
/// that it shares the other diagrams' fonts and renderer.
public enum SlipTrendChart {
    static let plotWidth = 520.0
    static let plotHeight = 220.0
    static let left = 56.0
    static let top = 44.0
    static let linksColor = "#1f4e8c"
    static let leveledColor = "#d95f02"
    static let baselineColor = "#555555"
    static let deadlineColor = RiskChart.deadlineColor

    /// - Complexity: O(*p* + *b*) for *p* points and *b* baselines.
    public static func graph(plan: Plan, points: [SlipTrend.Point], baselines: [SlipTrend.BaselinePoint]) -> GraphSpec {
        var canvas = ChartCanvas(name: "trend")
        let time = TimeFormat(calendar: plan.calendar)
        let title = "\(plan.title): forecast finish at each status date"
        canvas.text(title, x: 0, y: 0, width: RiskChart.titleWidth(title), height: 24, size: DiagramStyle.titleFontSize)
        let xs = points.map(\.statusDate) + baselines.map(\.statusDate)
        let ys = points.flatMap { [$0.finish] + ($0.leveledFinish.map { [$0] } ?? []) } + baselines.map(\.finish) + (plan.deadline.map { [$0] } ?? [])
        guard let xMax = xs.max(), let yLow = ys.min(), let yHigh = ys.max() else { return canvas.spec() }
        let xLow = min(0, xs.min() ?? 0), xHigh = max(xMax, xLow + 1) + 0.5
        let ySpan = max(yHigh - yLow, 1)
        let bottom = max(0, yLow - ySpan * 0.15), ceiling = yHigh + ySpan * 0.15
        func x(_ t: Double) -> Double { left + (t - xLow) / (xHigh - xLow) * plotWidth }
        func y(_ w: Double) -> Double { top + plotHeight * (1 - (w - bottom) / (ceiling - bottom)) }
        canvas.box(x: left, y: top + plotHeight, width: plotWidth, height: 1, fill: "#000000", classes: "axis")
        canvas.box(x: left, y: top, width: 1, height: plotHeight, fill: "#000000", classes: "axis")
        for tick in ticks(from: xLow, to: xHigh) {
            canvas.box(x: x(tick), y: top + plotHeight, width: 1, height: 5, fill: "#000000", classes: "axis")
            canvas.text(time.weeks(tick), x: x(tick) - 20, y: top + plotHeight + 6, width: 40, height: 14, size: 9, align: .centre)
        }
        canvas.text("status date (weeks from the start)", x: left, y: top + plotHeight + 22, width: plotWidth, height: 14, size: 10, align: .centre)
        for tick in ticks(from: bottom, to: ceiling) {
            canvas.text(time.weeks(tick), x: left - 40, y: y(tick) - 7, width: 34, height: 14, size: 9, align: .right)
            canvas.box(x: left + 1, y: y(tick), width: plotWidth - 1, height: 0.5, fill: "#e3e3e3", classes: "grid")
        }
        canvas.text("finish (week)", x: 0, y: top - 18, width: 80, height: 14, size: 10)
        if let deadline = plan.deadline {
            canvas.polyline([(x(xLow), y(deadline)), (x(xHigh), y(deadline))], color: deadlineColor, width: 1.5, dashed: true, classes: "deadline")
            canvas.text("deadline \(time.weeks(deadline))", x: x(xHigh) - 120, y: y(deadline) - 16, width: 116, height: 14, size: 10,
                        align: .right, color: deadlineColor)
        }
        var legend: [(String, String)] = [("forecast by the links", linksColor)]
        series(&canvas, points.map { ($0.statusDate, $0.finish) }, color: linksColor, classes: "trend links", x: x, y: y)
        let leveled = points.compactMap { p in p.leveledFinish.map { (p.statusDate, $0) } }
        if !leveled.isEmpty {
            series(&canvas, leveled, color: leveledColor, classes: "trend leveled", x: x, y: y)
            legend.append(("leveled by owner capacity", leveledColor))
        }
        for b in baselines {
            canvas.box(x: x(b.statusDate) - 5, y: y(b.finish) - 5, width: 10, height: 10, fill: "#ffffff", line: baselineColor, classes: "baseline")
            canvas.text("baseline \(b.name)", x: x(b.statusDate) + 8, y: y(b.finish) + 2, width: 160, height: 14, size: 9, color: baselineColor)
        }
        if !baselines.isEmpty { legend.append(("saved baseline (square)", baselineColor)) }
        for (k, (label, color)) in legend.enumerated() {
            canvas.box(x: left + plotWidth + 14, y: top + 4 + Double(k) * 18, width: 18, height: 3, fill: color, classes: "legend")
            canvas.text(label, x: left + plotWidth + 36, y: top - 3 + Double(k) * 18, width: 190, height: 16, size: 10)
        }
        return canvas.spec()
    }

    /// A line through the points with a dot at each, so a single point still shows.
    static func series(_ canvas: inout ChartCanvas, _ values: [(Double, Double)], color: String, classes: String,
                       x: (Double) -> Double, y: (Double) -> Double) {
        canvas.polyline(values.map { (x($0.0), y($0.1)) }, color: color, width: 2, classes: classes)
        for (t, w) in values {
            canvas.box(x: x(t) - 3.5, y: y(w) - 3.5, width: 7, height: 7, fill: color, classes: classes + " point")
        }
    }

    /// About six round ticks across a range: steps of 0.25, 0.5, 1, 2, 5, 10 ... weeks.
    static func ticks(from low: Double, to high: Double) -> [Double] {
        let raw = max((high - low) / 6, 0.25)
        let step = [0.25, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000].first { $0 >= raw } ?? raw.rounded(.up)
        var t = (low / step).rounded(.up) * step
        var result: [Double] = []
        while t <= high + 1e-9, result.count < 50 {
            result.append(t)
            t += step
        }
        return result
    }
}
