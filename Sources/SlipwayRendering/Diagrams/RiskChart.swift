import SlipwayCore
import SlipwayReports
import SlipwayScheduling

/// The schedule risk of a plan for a review: the finish histogram with its
/// S-curve (the cumulative chance of finishing by each week) and P50, P80, P90
/// and the deadline marked; beside it a tornado of the ten tasks and risks that
/// drive the finish most (by cruciality, with the schedule sensitivity index).
///
/// Drawn on pinned Graphviz nodes (`ChartCanvas`) rather than written as SVG by
/// hand: one renderer gives SVG, PNG and PDF with the fonts of every other
/// diagram, and the chart's geometry stays testable as a graph.
public enum RiskChart {
    /// The simulation drawn when none is given: 10,000 iterations, seed 1.
    public static let defaultSettings = RiskSimulation.Settings(iterations: 10_000, seed: 1)

    static let plotWidth = 520.0
    static let plotHeight = 260.0
    static let left = 56.0
    static let top = 48.0
    static let barColor = "#9fb8d8"
    static let curveColor = "#1f4e8c"
    static let markColor = "#555555"
    static let deadlineColor = "#6a3d9a"
    static let taskColor = "#3f6fa8"
    static let riskColor = "#c0392b"

    public typealias Driver = SimulationReport.Driver

    /// The top drivers, as `simulate` lists them.
    public static func drivers(plan: Plan, result: RiskSimulation.Result, limit: Int = 10) -> [Driver] {
        SimulationReport.driverRows(plan: plan, result: result, limit: limit)
    }

    /// The chart as a graph of pinned shapes.
    ///
    /// - Complexity: O(*b* + *d*) for *b* histogram bins and *d* drivers, after
    ///   the O(*n*) binning of *n* iterations.
    public static func graph(plan: Plan, result: RiskSimulation.Result, title: String? = nil) -> GraphSpec {
        var canvas = ChartCanvas(name: "risk")
        let time = TimeFormat(calendar: plan.calendar)
        let heading = title ?? "\(plan.title): schedule risk — \(result.iterations) iterations, seed \(result.seed)\(result.leveled ? ", leveled by owner capacity" : "")"
        canvas.text(heading, x: 0, y: 0, width: titleWidth(heading), height: 24, size: DiagramStyle.titleFontSize)
        drawDistribution(&canvas, plan: plan, curves: [(result, curveColor, nil)], time: time)
        drawTornado(&canvas, drivers: drivers(plan: plan, result: result), x: left + plotWidth + 90, y: top)
        return canvas.spec()
    }

    /// The S-curves of several results on one axis (for comparing options), each
    /// with its label; the histogram of the first.
    public static func graph(plan: Plan, curves: [(label: String, result: RiskSimulation.Result)], title: String) -> GraphSpec {
        var canvas = ChartCanvas(name: "compare")
        let palette = [curveColor, "#d95f02", "#1b9e77", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d"]
        canvas.text(title, x: 0, y: 0, width: titleWidth(title), height: 24, size: DiagramStyle.titleFontSize)
        let time = TimeFormat(calendar: plan.calendar)
        drawDistribution(&canvas, plan: plan, curves: curves.enumerated().map { ($0.element.result, palette[$0.offset % palette.count], $0.element.label) },
                         time: time, histogram: false)
        return canvas.spec()
    }

    /// Axes, histogram bars (of the first result), S-curves, quantile and deadline marks, legend.
    static func drawDistribution(_ canvas: inout ChartCanvas, plan: Plan, curves: [(RiskSimulation.Result, String, String?)],
                                 time: TimeFormat, histogram: Bool = true) {
        let all = curves.flatMap(\.0.finishes)
        guard var low = all.min(), var high = all.max() else { return }
        if let deadline = plan.deadline { low = min(low, deadline); high = max(high, deadline) }
        let span = max(high - low, 0.5)
        low -= span * 0.05
        high += span * 0.05
        func x(_ t: Double) -> Double { left + (t - low) / (high - low) * plotWidth }
        func y(_ share: Double) -> Double { top + plotHeight * (1 - share) }
        // Frame and week ticks.
        canvas.box(x: left, y: top + plotHeight, width: plotWidth, height: 1, fill: "#000000", classes: "axis")
        canvas.box(x: left, y: top, width: 1, height: plotHeight, fill: "#000000", classes: "axis")
        let step = max(0.25, ((high - low) / 8 * 4).rounded(.up) / 4)
        var tick = (low / step).rounded(.up) * step
        while tick <= high {
            canvas.box(x: x(tick), y: top + plotHeight, width: 1, height: 5, fill: "#000000", classes: "axis")
            canvas.text(time.weeks(tick), x: x(tick) - 20, y: top + plotHeight + 6, width: 40, height: 14, size: 9, align: .centre)
            tick += step
        }
        canvas.text("finish (weeks from the start)", x: left, y: top + plotHeight + 22, width: plotWidth, height: 14, size: 10, align: .centre)
        for share in [0.0, 0.25, 0.5, 0.75, 1.0] {
            canvas.text("\(Int(share * 100))%", x: left - 40, y: y(share) - 7, width: 34, height: 14, size: 9, align: .right)
            canvas.box(x: left + 1, y: y(share), width: plotWidth - 1, height: 0.5, fill: "#e3e3e3", classes: "grid")
        }
        if histogram, let first = curves.first?.0, !first.finishes.isEmpty {
            let bins = 24
            var counts = [Int](repeating: 0, count: bins)
            for t in first.finishes { counts[min(bins - 1, max(0, Int((t - low) / (high - low) * Double(bins))))] += 1 }
            let most = Double(counts.max() ?? 1)
            let binWidth = plotWidth / Double(bins)
            for (b, count) in counts.enumerated() where count > 0 {
                let h = Double(count) / most * plotHeight * 0.9
                canvas.box(x: left + Double(b) * binWidth + 1, y: top + plotHeight - h, width: binWidth - 2, height: h,
                           fill: barColor, classes: "histogram")
            }
        }
        for (k, (result, color, label)) in curves.enumerated() {
            let sorted = result.finishes
            guard !sorted.isEmpty else { continue }
            // The empirical distribution at 101 points: enough for a smooth curve at chart size.
            var points: [(x: Double, y: Double)] = [(x(low), y(0))]
            for p in stride(from: 0.0, through: 1.0, by: 0.01) {
                points.append((x(RiskSimulation.quantile(sorted: sorted, p)), y(p)))
            }
            points.append((x(high), y(1)))
            canvas.polyline(points, color: color, width: 2, classes: "s-curve")
            if let label {
                canvas.box(x: left + plotWidth + 14, y: top + 4 + Double(k) * 18, width: 18, height: 3, fill: color, classes: "legend")
                canvas.text(label, x: left + plotWidth + 36, y: top - 3 + Double(k) * 18, width: 200, height: 16, size: 10)
            }
        }
        if curves.count == 1, let result = curves.first?.0 {
            for (p, name) in [(0.5, "P50"), (0.8, "P80"), (0.9, "P90")] {
                let t = result.quantile(p)
                canvas.polyline([(x(t), y(0)), (x(t), y(p))], color: markColor, width: 1, dashed: true, classes: "quantile")
                canvas.text("\(name) \(time.weeks(t))", x: x(t) - 30, y: y(p) - 16, width: 60, height: 14, size: 9, align: .centre, color: markColor)
            }
        }
        if let deadline = plan.deadline {
            canvas.polyline([(x(deadline), y(0)), (x(deadline), y(1))], color: deadlineColor, width: 1.5, classes: "deadline")
            var text = "deadline \(time.weeks(deadline))"
            if curves.count == 1, let chance = curves.first?.0.probabilityOnTime { text += ": \(Int((chance * 100).rounded()))% on time" }
            canvas.text(text, x: x(deadline) + 4, y: top - 16, width: 180, height: 14, size: 10, color: deadlineColor)
        }
    }

    /// Bars of the schedule sensitivity index, largest first; tasks blue, risks red.
    static func drawTornado(_ canvas: inout ChartCanvas, drivers: [Driver], x: Double, y: Double) {
        canvas.text("Top drivers of the finish (cruciality: correlation with the finish)", x: x, y: y - 20, width: 420, height: 16, size: 11, bold: true)
        guard let most = drivers.compactMap(\.cruciality).max(), most > 0 else {
            canvas.text("No duration or risk varies: nothing drives the finish.", x: x, y: y + 4, width: 360, height: 16, size: 10)
            return
        }
        let barArea = 200.0, labelWidth = 150.0
        for (row, driver) in drivers.enumerated() {
            let top = y + Double(row) * 24
            canvas.text(driver.name, x: x, y: top + 2, width: labelWidth - 6, height: 16, size: 10, align: .right)
            let w = (driver.cruciality ?? 0) / most * barArea
            canvas.box(x: x + labelWidth, y: top + 3, width: w, height: 14, fill: driver.isRisk ? riskColor : taskColor,
                       classes: driver.isRisk ? "driver risk" : "driver task")
            let detail = (driver.cruciality.map { "CRI \(format($0)) · " } ?? "") + "SSI \(format(driver.sensitivity))"
            canvas.text(detail, x: x + labelWidth + w + 4, y: top + 2, width: 130, height: 16, size: 9, color: "#333333")
        }
        let legendTop = y + Double(drivers.count) * 24 + 8
        canvas.box(x: x + labelWidth, y: legendTop + 4, width: 10, height: 10, fill: taskColor, classes: "legend")
        canvas.text("task duration", x: x + labelWidth + 14, y: legendTop + 1, width: 80, height: 16, size: 9)
        canvas.box(x: x + labelWidth + 100, y: legendTop + 4, width: 10, height: 10, fill: riskColor, classes: "legend")
        canvas.text("risk event", x: x + labelWidth + 114, y: legendTop + 1, width: 80, height: 16, size: 9)
    }

    /// Wide enough for a title at the title size (about 9 points a character).
    static func titleWidth(_ text: String) -> Double { max(600, Double(text.count) * 9.2) }

    static func format(_ v: Double) -> String { DiagramStyle.format((v * 100).rounded() / 100) }
}
