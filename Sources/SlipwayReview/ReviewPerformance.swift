import SlipwayEngine
import SlipwayCore
import SlipwayScheduling
import SlipwayReports

/// The headline's earned value and buffer status in words, for HTML and Markdown
/// alike: the figures of `slipway earned` (SPI, CPI, EAC by BAC / CPI, earned
/// schedule) and of `slipway buffers` (the project buffer's use against the
/// chain's completion and zone, the feeding buffers in red or yellow), each
/// written by the formatting those commands use, so that a reader who runs them
/// reads the same numbers.
///
/// The pack's forecast and earned schedule answer different questions and can
/// differ: the forecast takes the remaining work at its estimates, IEAC(t)
/// assumes the pace so far holds for the whole plan. The earned schedule line
/// names the forecast beside IEAC(t), so that two finishes in one headline read
/// as two answers, not a contradiction.
struct ReviewPerformance {
    let pack: ReviewPack
    let words: ReviewWords

    /// A headline line; `bad` lines are marked (red in HTML, bold in Markdown).
    struct Line: Equatable {
        var text: String
        var bad: Bool
    }

    /// Figures of a card: label, value, detail, tone.
    struct Card {
        var label: String
        var value: String
        var detail: String
        var tone: ReviewHTML.Tone
    }

    var plan: Plan { pack.plan }

    /// Behind when an index is below 1 by more than its rounding.
    static func below(_ index: Double?) -> Bool { index.map { $0 < 0.995 } ?? false }

    // MARK: - Earned value

    /// One or two lines with a baseline and progress (the measures, then earned
    /// schedule); one plain line saying what is missing otherwise.
    ///
    /// - Complexity: O(1).
    func earnedLines() -> [Line] {
        switch pack.earned {
        case .failure(let why): return [Line(text: "Earned value: " + Self.unavailable(why, plan: plan), bad: false)]
        case .success(let v):
            var text = "Earned value as of \(words.week(v.asOf)) against baseline '\(v.baselineName)': "
            text += "SPI \(EarnedValueReport.index(v.schedulePerformanceIndex)) (EV \(v.earnedValue.money) of PV \(v.plannedValue.money))"
            if let cpi = v.costPerformanceIndex, let eac = v.estimateAtCompletion, let ac = v.actualCost {
                text += ", CPI \(EarnedValueReport.index(cpi)) (AC \(ac.money)); EAC \(eac.money)\(plan.currency.map { " \($0)" } ?? "") by BAC / CPI, "
                text += "against the baseline's \(v.budgetAtCompletion.money) (BAC)"
                if let budget = plan.budget { text += " and the budget of \(budget.money)" }
            } else {
                text += "; CPI and EAC unknown: no spending recorded ('slipway progress PLAN TASK --spent AMOUNT')"
            }
            if v.warnings.contains(where: { if case .workWithoutSpending = $0 { return true } else { return false } }) {
                text += "; some work done has no spending recorded, so CPI and EAC look better than they are ('slipway earned' lists it)"
            }
            var lines = [Line(text: text, bad: Self.below(v.schedulePerformanceIndex) || Self.below(v.costPerformanceIndex))]
            if let spit = v.schedulePerformanceIndexTime, let ieac = v.independentEstimateAtCompletionTime {
                var schedule = "Earned schedule: ES \(words.week(v.earnedSchedule)) at \(words.week(v.asOf)), SPI(t) \(EarnedValueReport.index(spit)): "
                schedule += "at this pace the plan ends \(words.week(ieac))\(words.date(ieac).map { ", \($0)," } ?? "") "
                schedule += "by IEAC(t) = PD / SPI(t) (PD: the baseline's finish, \(words.week(v.plannedDuration)))"
                let forecast = pack.headline.leveledFinish ?? pack.headline.finish
                schedule += "; the forecast above, \(words.week(forecast))\(pack.headline.leveledFinish != nil ? " leveled" : ""), "
                schedule += "takes the remaining work at its estimates"
                lines.append(Line(text: schedule, bad: Self.below(spit)))
            }
            return lines
        }
    }

    /// Why there is no earned value, in one sentence that says what to do.
    static func unavailable(_ why: ReviewPack.EarnedValueUnavailable, plan: Plan) -> String {
        switch why {
        case .noBaseline:
            return "needs a saved baseline and progress recorded after it; no baseline is saved "
                + "('slipway baseline save PLAN', then 'slipway progress PLAN TASK --percent N --spent AMOUNT')"
        case .problem(.noStatusDate):
            return "needs progress recorded after the baseline; none is "
                + "('slipway progress PLAN TASK --percent N --spent AMOUNT' records it with a status date)"
        case .problem(let problem):
            return "not computed: " + EarnedValueReport.message(problem, plan: plan)
        }
    }

    func earnedCard() -> Card {
        guard case .success(let v) = pack.earned else {
            let detail = if case .failure(.noBaseline) = pack.earned { "needs a saved baseline and progress" } else { "needs progress after the baseline" }
            return Card(label: "Earned value", value: "-", detail: detail, tone: .plain)
        }
        let spi = "SPI \(EarnedValueReport.index(v.schedulePerformanceIndex))"
        let value = v.costPerformanceIndex.map { "\(spi) · CPI \(EarnedValueReport.index($0))" } ?? spi
        var detail = v.estimateAtCompletion.map { "EAC \($0.money) (BAC / CPI)" } ?? "no spending recorded"
        if let ieac = v.independentEstimateAtCompletionTime { detail += " · IEAC(t) \(words.week(ieac))" }
        let behind = Self.below(v.schedulePerformanceIndex) || Self.below(v.costPerformanceIndex)
        return Card(label: "Earned value", value: value, detail: detail, tone: behind ? .bad : .good)
    }

    // MARK: - Buffers

    /// The project buffer, then (with progress) the feeding buffers in red or yellow.
    ///
    /// - Complexity: O(*B*) for *B* buffers.
    func bufferLines() -> [Line] {
        let b = pack.buffers, f = words.format
        let project = b.projectBuffer
        let promise = "the promise of \(words.when(b.bufferedFinish))"
        if project.size <= Timing.criticalTolerance {
            return [Line(text: "Project buffer: none, since no estimate on the critical chain varies (rsse sizes the spread of the estimates); "
                         + "'slipway buffers PLAN --method half' sizes buffers by the chain's length instead", bad: false)]
        }
        guard let status = project.status, let forecast = b.forecastFinish else {
            var text = "Project buffer: \(f.weeks(project.size)) weeks (\(b.method.rawValue)) after the critical chain's end at \(words.week(b.chainFinish)) (leveled), "
            text += "so the promise is \(words.when(b.bufferedFinish))"
            if let deadline = plan.deadline {
                let late = b.bufferedFinish - deadline
                text += late > Timing.criticalTolerance ? ", \(f.weeks(late)) weeks after the deadline (\(words.week(deadline)))" : ", within the deadline (\(words.week(deadline)))"
            }
            text += pastPromise()
            let feeding = b.buffers.count - 1
            text += "; \(feeding) feeding buffer\(feeding == 1 ? "" : "s"), none used until progress is recorded"
            return [Line(text: text, bad: false)]
        }
        var text = "Project buffer (\(f.weeks(project.size)) weeks, \(b.method.rawValue)): \(BufferReport.usage(status, f)), "
        text += "\(BufferReport.percent(status.chainCompletion)) of the critical chain done: \(status.zone.rawValue.uppercased()); "
        text += "the forecast, \(words.week(forecast)) leveled, "
        text += forecast <= b.bufferedFinish + Timing.criticalTolerance ? "keeps \(promise)" : "is past \(promise)"
        text += pastPromise()
        var lines = [Line(text: text, bad: status.zone == .red)]
        let feeding = b.buffers.dropFirst()
        let alarming = feeding.filter { buffer in
            guard let s = buffer.status else { return false }
            return !s.chainFinished && s.zone != .green
        }
        if alarming.isEmpty {
            let done = feeding.filter { $0.status?.chainFinished ?? false }.count
            lines.append(Line(text: "Feeding buffers: none of \(feeding.count) in red or yellow (\(done) with their chains done)", bad: false))
        } else {
            let red = alarming.filter { $0.status?.zone == .red }
            let shown = (red + alarming.filter { $0.status?.zone == .yellow }).prefix(8).map { buffer -> String in
                let s = buffer.status!
                var item = "\(BufferReport.name(buffer, plan: plan).dropFirst("feeding:".count)) \(s.zone.rawValue) "
                item += "(\(s.consumption.map(BufferReport.percent) ?? "overrun") used, \(BufferReport.percent(s.chainCompletion)) of its chain done"
                if buffer.squeezed > Timing.criticalTolerance { item += "; \(f.weeks(buffer.squeezed))w squeezed by the plan itself" }
                return item + ")"
            }
            var text = "Feeding buffers in red or yellow: \(alarming.count) of \(feeding.count): " + shown.joined(separator: ", ")
            if alarming.count > shown.count { text += " and \(alarming.count - shown.count) more" }
            lines.append(Line(text: text, bad: !red.isEmpty))
        }
        return lines
    }

    /// The headline's P80 beside the promise, when it is later: the buffer is sized
    /// from the chain's estimates alone, the simulation also draws risk events and
    /// levels every iteration, so the two can differ without contradicting.
    func pastPromise() -> String {
        guard let c = pack.headline.chance, c.p80 > pack.buffers.bufferedFinish + Timing.criticalTolerance else { return "" }
        return "; the simulation's P80, \(words.week(c.p80)), is later, as the buffer is sized from the chain's estimates alone"
    }

    func bufferCard() -> Card {
        let b = pack.buffers, f = words.format
        if b.projectBuffer.size <= Timing.criticalTolerance {
            return Card(label: "Project buffer", value: "none", detail: "no estimate on the critical chain varies", tone: .plain)
        }
        guard let status = b.projectBuffer.status else {
            return Card(label: "Project buffer", value: "\(f.weeks(b.projectBuffer.size)) weeks",
                        detail: "promise \(words.week(b.bufferedFinish)) · no progress yet", tone: .plain)
        }
        let tone: ReviewHTML.Tone = status.zone == .red ? .bad : status.zone == .yellow ? .caution : .good
        return Card(label: "Project buffer", value: status.consumption.map { "\(BufferReport.percent($0)) used" } ?? "unused",
                    detail: "\(BufferReport.percent(status.chainCompletion)) of the chain done · \(status.zone.rawValue.uppercased())", tone: tone)
    }

    /// Rows of the buffers table at most: the project buffer and those in red or
    /// yellow first, then the rest in plan order; 'slipway buffers' lists all.
    static let tableRows = 40

    /// The buffers table of `slipway buffers`, its rows ordered for a reader (the
    /// project buffer, red, yellow, then the others as the command lists them) and
    /// cut at `tableRows`; and how many rows were left out.
    ///
    /// - Complexity: O(*B* log *B*) for *B* buffers, and the table's O(*n*).
    func bufferTable() -> (headers: [String], numeric: Set<Int>, rows: [[String]], zones: [CriticalChainBuffers.Zone?], leftOut: Int) {
        let b = pack.buffers
        let table = BufferReport.table(plan: plan, buffers: b)
        func rank(_ k: Int) -> Int {
            if k == 0 { return 0 }
            guard let s = b.buffers[k].status, !s.chainFinished else { return 3 }
            return s.zone == .red ? 1 : s.zone == .yellow ? 2 : 3
        }
        let order = b.buffers.indices.sorted { (rank($0), $0) < (rank($1), $1) }.prefix(Self.tableRows)
        let numeric = Set(table.alignments.indices.filter { table.alignments[$0] == .right })
        return (table.headers, numeric, order.map { table.rows[$0] },
                order.map { k in b.buffers[k].status.flatMap { $0.chainFinished && k > 0 ? nil : $0.zone } },
                b.buffers.count - order.count)
    }
}
