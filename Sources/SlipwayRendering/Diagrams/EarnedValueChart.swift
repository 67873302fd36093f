import SlipwayCore
import SlipwayReports
import SlipwayScheduling

/// Earned value for a review: cumulative PV (the baseline's plan, to its end), EV
/// and AC (at each status date of the progress history) over the weeks, with BAC
/// and EAC as levels, the status date, the planned duration and IEAC(t) as
/// times, and earned schedule drawn as Lipke draws it: the EV level carried back
/// to where the PV curve reached it.
///
/// Drawn on pinned Graphviz nodes (`ChartCanvas`), as the risk chart is.
public enum EarnedValueChart {
    static let plotWidth = 640.0
    static let plotHeight = 300.0
    static let left = 76.0
    static let top = 52.0
    static let plannedColor = "#1f4e8c"
    static let earnedColor = "#1b7837"
    static let actualColor = "#c0392b"
    static let levelColor = "#555555"
    static let statusColor = "#1b7837"
    static let deadlineColor = "#6a3d9a"
    /// Beyond this many breakpoints the PV curve is drawn from samples.
    static let maximumCurvePoints = 400

    /// The chart, or a note saying what it needs when there is nothing to draw.
    ///
    /// - Complexity: O(*b* + *k*) for *b* breakpoints of the PV curve (at most
    ///   `maximumCurvePoints` drawn) and *k* points of the history.
    public static func graph(plan: Plan, earned: EarnedValue?) -> GraphSpec {
        var canvas = ChartCanvas(name: "earned")
        guard let v = earned else {
            let text = "\(plan.title): no earned value to draw. It needs a saved baseline (slipway baseline save), "
                + "costs (owner rates or task costs) and progress (slipway progress ... --spent)."
            canvas.text(text, x: 0, y: 0, width: RiskChart.titleWidth(text), height: 24, size: DiagramStyle.titleFontSize)
            return canvas.spec()
        }
        let time = TimeFormat(calendar: plan.calendar)
        let title = "\(plan.title): earned value as of week \(time.weeks(v.asOf)), against baseline '\(v.baselineName)'"
        canvas.text(title, x: 0, y: 0, width: RiskChart.titleWidth(title), height: 24, size: DiagramStyle.titleFontSize)

        let ieac = v.independentEstimateAtCompletionTime
        var tMax = max(v.plannedDuration, v.asOf, plan.deadline ?? 0)
        // IEAC(t) widens the axis unless it is far off (a project barely begun).
        if let ieac, ieac <= 2 * v.plannedDuration { tMax = max(tMax, ieac) }
        tMax = max(1, tMax * 1.03)
        var yMax = max(v.budgetAtCompletion, v.history.compactMap(\.actualCost).max() ?? 0)
        if let eac = v.estimateAtCompletion, eac <= 2 * v.budgetAtCompletion { yMax = max(yMax, eac) }
        yMax *= 1.08
        func x(_ t: Double) -> Double { left + min(t, tMax) / tMax * plotWidth }
        func y(_ money: Double) -> Double { top + plotHeight * (1 - min(money, yMax) / yMax) }

        drawAxes(&canvas, tMax: tMax, yMax: yMax, time: time, x: x, y: y)
        // PV over the whole baseline, then flat at BAC.
        var pv: [(x: Double, y: Double)] = [(x(0), y(v.curve.value(at: 0)))]
        let times = v.curve.times
        if times.count <= maximumCurvePoints {
            for t in times where t > 0 && t < tMax { pv.append((x(t), y(v.curve.value(at: t)))) }
        } else {
            for k in 1..<maximumCurvePoints { let t = tMax * Double(k) / Double(maximumCurvePoints); pv.append((x(t), y(v.curve.value(at: t)))) }
        }
        pv.append((x(tMax), y(v.curve.value(at: tMax))))
        canvas.polyline(pv, color: plannedColor, width: 2, classes: "pv")
        // EV and AC at each status date.
        canvas.polyline(v.history.map { (x($0.time), y($0.earnedValue)) }, color: earnedColor, width: 2, classes: "ev")
        for p in v.history { canvas.box(x: x(p.time) - 2.5, y: y(p.earnedValue) - 2.5, width: 5, height: 5, fill: earnedColor, classes: "ev point") }
        let actual = v.history.compactMap { p in p.actualCost.map { (x(p.time), y($0)) } }
        canvas.polyline(actual, color: actualColor, width: 2, classes: "ac")
        for p in actual { canvas.box(x: p.0 - 2.5, y: p.1 - 2.5, width: 5, height: 5, fill: actualColor, classes: "ac point") }

        // Levels: BAC and EAC.
        level(&canvas, v.budgetAtCompletion, "BAC \(v.budgetAtCompletion.money)", x: x, y: y, dashed: false)
        if let eac = v.estimateAtCompletion, eac <= yMax {
            level(&canvas, eac, "EAC \(eac.money) (BAC / CPI)", x: x, y: y, dashed: true)
        }
        // Earned schedule: the EV level back to the PV curve.
        if v.earnedSchedule < v.asOf - 1e-9 || v.earnedSchedule > v.asOf + 1e-9 {
            canvas.polyline([(x(v.earnedSchedule), y(v.earnedValue)), (x(v.asOf), y(v.earnedValue))],
                            color: levelColor, width: 1, dashed: true, classes: "earned-schedule")
        }
        canvas.polyline([(x(v.earnedSchedule), y(v.earnedValue)), (x(v.earnedSchedule), y(0))], color: levelColor, width: 1, dashed: true,
                        classes: "earned-schedule")
        canvas.text("ES \(time.weeks(v.earnedSchedule))", x: x(v.earnedSchedule) - 50, y: y(0) - 16, width: 48, height: 14, size: 9,
                    align: .right, color: levelColor)
        // Times: the status date, the planned duration, the deadline, IEAC(t).
        var marks: [(t: Double, label: String, color: String, dashed: Bool, name: String)] = [
            (v.asOf, "status week \(time.weeks(v.asOf))", statusColor, false, "status"),
            (v.plannedDuration, "PD \(time.weeks(v.plannedDuration))", plannedColor, false, "planned-duration"),
        ]
        if let deadline = plan.deadline { marks.append((deadline, "deadline \(time.weeks(deadline))", deadlineColor, false, "deadline")) }
        if let ieac, ieac <= tMax { marks.append((ieac, "IEAC(t) \(time.weeks(ieac))", actualColor, true, "ieac")) }
        for (k, mark) in marks.enumerated() {
            canvas.polyline([(x(mark.t), y(0)), (x(mark.t), top)], color: mark.color, width: 1.2, dashed: mark.dashed, classes: mark.name)
            canvas.text(mark.label, x: x(mark.t) + 3, y: top + 2 + Double(k) * 13, width: 120, height: 13, size: 9, color: mark.color)
        }
        drawLegend(&canvas, v, time: time)
        return canvas.spec()
    }

    static func level(_ canvas: inout ChartCanvas, _ money: Double, _ label: String,
                      x: (Double) -> Double, y: (Double) -> Double, dashed: Bool) {
        canvas.polyline([(left, y(money)), (left + plotWidth, y(money))], color: levelColor, width: 1, dashed: dashed, classes: "level")
        // At the left, where the cumulative curves are still low.
        canvas.text(label, x: left + 6, y: y(money) - 15, width: 184, height: 14, size: 9, color: levelColor)
    }

    static func drawAxes(_ canvas: inout ChartCanvas, tMax: Double, yMax: Double, time: TimeFormat,
                         x: (Double) -> Double, y: (Double) -> Double) {
        canvas.box(x: left, y: top + plotHeight, width: plotWidth, height: 1, fill: "#000000", classes: "axis")
        canvas.box(x: left, y: top, width: 1, height: plotHeight, fill: "#000000", classes: "axis")
        let step = max(1, (tMax / 12).rounded(.up))
        var t = 0.0
        while t <= tMax {
            canvas.box(x: x(t), y: top + plotHeight, width: 1, height: 5, fill: "#000000", classes: "axis")
            canvas.text(time.weeks(t), x: x(t) - 20, y: top + plotHeight + 6, width: 40, height: 14, size: 9, align: .centre)
            t += step
        }
        canvas.text("weeks from the start", x: left, y: top + plotHeight + 22, width: plotWidth, height: 14, size: 10, align: .centre)
        // Money: about five round steps.
        let raw = yMax / 5
        let magnitude = pow10(floorLog10(raw))
        let moneyStep = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? raw
        var m = 0.0
        while m <= yMax {
            canvas.text(m.money, x: left - 70, y: y(m) - 7, width: 64, height: 14, size: 9, align: .right)
            if m > 0 { canvas.box(x: left + 1, y: y(m), width: plotWidth - 1, height: 0.5, fill: "#e3e3e3", classes: "grid") }
            m += moneyStep
        }
    }

    static func drawLegend(_ canvas: inout ChartCanvas, _ v: EarnedValue, time: TimeFormat) {
        let x0 = left + plotWidth + 20
        var rows: [(String, String)] = [
            ("PV: planned value (baseline)", plannedColor),
            ("EV: earned value \(v.earnedValue.money)", earnedColor),
        ]
        if let ac = v.actualCost { rows.append(("AC: actual cost \(ac.money)", actualColor)) }
        for (k, row) in rows.enumerated() {
            canvas.box(x: x0, y: top + 6 + Double(k) * 18, width: 18, height: 3, fill: row.1, classes: "legend")
            canvas.text(row.0, x: x0 + 24, y: top - 1 + Double(k) * 18, width: 220, height: 16, size: 10)
        }
        let figures = [
            "SPI \(EarnedValueReport.index(v.schedulePerformanceIndex)) · CPI \(EarnedValueReport.index(v.costPerformanceIndex))",
            "SPI(t) \(EarnedValueReport.index(v.schedulePerformanceIndexTime)) · SV(t) \(time.weeks(v.scheduleVarianceTime))w",
        ]
        for (k, line) in figures.enumerated() {
            canvas.text(line, x: x0, y: top + 8 + Double(rows.count + k) * 18, width: 240, height: 16, size: 10, color: "#333333")
        }
    }

    private static func floorLog10(_ v: Double) -> Int {
        var e = 0, x = max(v, 1e-9)
        while x >= 10 { x /= 10; e += 1 }
        while x < 1 { x *= 10; e -= 1 }
        return e
    }

    private static func pow10(_ e: Int) -> Double {
        var r = 1.0
        for _ in 0..<abs(e) { r *= 10 }
        return e < 0 ? 1 / r : r
    }
}
