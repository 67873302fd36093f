import Foundation
import Testing
import SlipwayCore
import SlipwayScheduling
import SlipwayReports
import SlipwayReview
import SlipwayTestSupport

/// Earned value and the buffers in the pack's headline and its buffers section
/// (issue 14, point 4): the figures a program lead reads on Friday are those of
/// `slipway earned` and `slipway buffers` on the same inputs, and the headline's
/// finishes do not contradict one another.
struct ReviewPerformanceTests {
    /// The AWS plan four weeks in (`AWSProgress`, the README's example), against a
    /// baseline of the plan before any progress, as `Scripts/aws-week4-example.sh`
    /// makes it; 200 iterations (the figures checked here do not depend on them), seed 7.
    static let week4: Result<Week4, ReviewFixtures.FixtureError> = Result {
        let text = try String(contentsOfFile: ReviewFixtures.awsPlanPath, encoding: .utf8)
        let planned = CheckedPlan.load(text: text)
        guard let plan = planned.plan, let schedule = planned.schedule else { throw ReviewFixtures.FixtureError(description: "the AWS plan does not load") }
        let baseline = Baseline(plan: plan, schedule: schedule, name: "default", planFile: "aws-migration.yaml",
                                planHash: "fnv1a64:0000000000000000", progressHash: nil, savedAt: "2026-12-01T13:56:32Z")
        let sidecar = ProgressLog.Source(path: "aws-migration.progress.yaml", text: AWSProgress.sidecar)
        let pack = try ReviewFixtures.pack(inputs: .init(text: text, sidecar: sidecar, baseline: baseline, baselinePath: "aws-migration.baseline.json",
                                                         baselines: [baseline]),
                                           settings: .init(iterations: 200, seed: 7))
        return Week4(pack: pack, baseline: baseline, text: text, sidecar: sidecar)
    }.mapError { ReviewFixtures.FixtureError(description: "\($0)") }

    struct Week4: Sendable {
        var pack: ReviewPack
        var baseline: Baseline
        var text: String
        var sidecar: ProgressLog.Source
    }

    /// The headline's lines of the Markdown summary, without their bullets and bold.
    static func headline(_ markdown: String) -> [String] {
        markdown.components(separatedBy: "## Headline\n\n")[1].components(separatedBy: "\n\n")[0].split(separator: "\n")
            .map { $0.dropFirst(2).replacingOccurrences(of: "**", with: "") }
    }

    /// The value column of a line of `slipway earned`'s table: `SPI   schedule performance index   0.84  EV / PV`.
    static func commandValue(_ table: String, _ abbreviation: String) -> String? {
        table.split(separator: "\n").first { $0.hasPrefix(abbreviation + " ") }
            .flatMap { line in line.split(separator: "  ", omittingEmptySubsequences: true).map { $0.trimmingCharacters(in: .whitespaces) }.dropFirst(2).first }
    }

    @Test func weekFourHeadlineAgreesWithTheEarnedCommand() throws {
        let w = try Self.week4.get()
        // What `slipway earned` prints on the same plan, progress and baseline.
        let command = try EarnedValue.compute(plan: w.pack.plan, baseline: w.baseline, path: "aws-migration.baseline.json").get()
        let table = EarnedValueReport.render(plan: w.pack.plan, earned: command)
        let packed = try w.pack.earned.get()
        #expect(packed.schedulePerformanceIndex == command.schedulePerformanceIndex)
        #expect(packed.costPerformanceIndex == command.costPerformanceIndex)
        #expect(packed.estimateAtCompletion == command.estimateAtCompletion)
        #expect(packed.independentEstimateAtCompletionTime == command.independentEstimateAtCompletionTime)
        // By hand: SPI = EV / PV = 23,880 / 28,390 = 0.841; CPI = EV / AC = 23,880 / 27,140 = 0.880;
        // EAC = BAC / CPI = 54,090 x 27,140 / 23,880 = 61,474.1; IEAC(t) = PD / SPI(t) = 12.5 / (3.14 / 4) = 15.9.
        #expect(Self.commandValue(table, "SPI") == "0.84" && Self.commandValue(table, "CPI") == "0.88")
        #expect(Self.commandValue(table, "EAC") == "61,474" && Self.commandValue(table, "IEAC(t)") == "15.9")
        #expect(Self.commandValue(table, "ES") == "3.14" && Self.commandValue(table, "SPI(t)") == "0.79")
        let lines = Self.headline(ReviewMarkdown.render(w.pack))
        let earned = try #require(lines.first { $0.hasPrefix("Earned value") })
        #expect(earned == "Earned value as of week 4 against baseline 'default': SPI 0.84 (EV 23,880 of PV 28,390), CPI 0.88 (AC 27,140); "
                + "EAC 61,474 USD by BAC / CPI, against the baseline's 54,090 (BAC) and the budget of 50,000")
        let schedule = try #require(lines.first { $0.hasPrefix("Earned schedule") })
        #expect(schedule.hasPrefix("Earned schedule: ES week 3.14 at week 4, SPI(t) 0.79: at this pace the plan ends week 15.9, 2025-05-02, by IEAC(t) = PD / SPI(t)"))
    }

    @Test func weekFourHeadlineAgreesWithTheBuffersCommand() throws {
        let w = try Self.week4.get()
        // What `slipway buffers` computes and prints on the same plan and progress.
        let command = CriticalChainBuffers.compute(plan: w.pack.plan, schedule: w.pack.schedule, method: .rsse)
        #expect(w.pack.buffers.buffers == command.buffers)
        #expect(w.pack.buffers.forecastFinish == command.forecastFinish && w.pack.buffers.chainFinish == command.chainFinish)
        let printed = BufferReport.render(plan: w.pack.plan, buffers: command)
        // 1 week of 1.58 used (forecast 14.5 against the chain's planned end 13.5): 63%, yellow (a third to two thirds).
        #expect(printed.contains("the project buffer is 63% used (1w), 21% of the chain done: YELLOW"))
        let markdown = ReviewMarkdown.render(w.pack)
        let lines = Self.headline(markdown)
        let p80 = try #require(w.pack.headline.chance?.p80)
        #expect(lines.contains("Project buffer (1.58 weeks, rsse): 63% used (1w), 21% of the critical chain done: YELLOW; "
                               + "the forecast, week 14.5 leveled, keeps the promise of week 15.08 (2025-04-28); "
                               + "the simulation's P80, week \(TimeFormat(calendar: w.pack.plan.calendar).weeks(p80)), is later, "
                               + "as the buffer is sized from the chain's estimates alone"))
        // enhance-monitoring's 0.5-week buffer is squeezed whole by the plan: red, with nothing done.
        #expect(lines.contains("Feeding buffers in red or yellow: 1 of 16: enhance-monitoring red (100% used, 0% of its chain done; 0.5w squeezed by the plan itself)"))
        // Every row of the command's table is a row of the pack's.
        let rows = BufferReport.table(plan: w.pack.plan, buffers: command).rows.map { "| " + $0.joined(separator: " | ") + " |" }
        let section = markdown.components(separatedBy: "## Critical chain buffers")[1]
        for row in rows { #expect(section.contains(row + "\n"), "\(row)") }
    }

    /// The headline's finishes answer different questions and say so: the leveled
    /// forecast is the buffers' forecast, inside the promise; earned schedule's
    /// IEAC(t) is named beside it, as what the pace so far would give.
    @Test func weekFourHeadlineLinesDoNotContradictOneAnother() throws {
        let w = try Self.week4.get()
        let forecast = try #require(w.pack.headline.leveledFinish)
        #expect(forecast == w.pack.buffers.forecastFinish && forecast == 14.5)
        let lines = Self.headline(ReviewMarkdown.render(w.pack))
        #expect(lines.contains { $0.hasPrefix("Leveled by owner capacity: week 14.5 (2025-04-23)") })
        #expect(lines.contains { $0.hasPrefix("Earned schedule") && $0.hasSuffix("the forecast above, week 14.5 leveled, takes the remaining work at its estimates") })
        #expect(forecast <= w.pack.buffers.bufferedFinish && lines.contains { $0.contains("keeps the promise of week 15.08") })
        // The simulation's P80 is later than the promise: the buffer line says so, rather than leave two finishes unexplained.
        let p80 = try #require(w.pack.headline.chance?.p80)
        #expect(p80 > w.pack.buffers.bufferedFinish && lines.contains { $0.hasPrefix("Project buffer") && $0.contains("P80, week") && $0.contains("is later") })
        // The HTML shows the same lines and cards, and the fever chart in the buffers section.
        let page = try XHTMLDocument(Data(ReviewHTML.render(w.pack).utf8))
        let performance = lines.filter { ["Earned", "Project buffer", "Feeding buffers"].contains(where: $0.hasPrefix) }
        #expect(performance.count == 4)
        for line in performance { #expect(page.text.contains(line), "\(line)") }
        #expect(page.text.contains("SPI 0.84 · CPI 0.88") && page.text.contains("63% used"))
        #expect(page.elements(named: "svg").contains { $0.ancestors.contains("figure-fever") && $0.ancestors.contains("buffers") })
    }

    @Test func weekFourSummaryMatchesGolden() throws {
        Golden.check(ReviewMarkdown.render(try Self.week4.get().pack), against: "aws-migration-review-week4.md")
    }

    /// The AWS plan as it is: no baseline, no progress. Earned value says in one
    /// line what it needs; the buffers are sized, unused, and end where the
    /// leveled finish does.
    @Test func withoutABaselineTheHeadlineSaysWhatEarnedValueNeeds() throws {
        let pack = try ReviewFixtures.awsPack()
        #expect(pack.earned.failureValue == .noBaseline)
        let lines = Self.headline(ReviewMarkdown.render(pack))
        #expect(lines.contains("Earned value: needs a saved baseline and progress recorded after it; no baseline is saved "
                               + "('slipway baseline save PLAN', then 'slipway progress PLAN TASK --percent N --spent AMOUNT')"))
        #expect(pack.buffers.chainFinish == pack.headline.leveledFinish && pack.buffers.projectBuffer.status == nil)
        // sqrt(2.5) = 1.58 weeks after 13.5: 15.08, 3.08 after the deadline of 12.
        // P80 week 15.51 (1,000 iterations, seed 7; the golden summary shows it) is past the promise.
        #expect(lines.contains("Project buffer: 1.58 weeks (rsse) after the critical chain's end at week 13.5 (leveled), so the promise is "
                               + "week 15.08 (2025-04-28), 3.08 weeks after the deadline (week 12); the simulation's P80, week 15.51, is later, "
                               + "as the buffer is sized from the chain's estimates alone; 16 feeding buffers, none used until progress is recorded"))
    }

    /// A baseline saved, no progress yet: the line says progress is what is missing.
    @Test func aBaselineWithoutProgressAsksForProgress() throws {
        let w = try Self.week4.get()
        let pack = try ReviewFixtures.pack(inputs: .init(text: w.text, baseline: w.baseline, baselinePath: "aws-migration.baseline.json"),
                                           settings: .init(iterations: 50, seed: 7))
        #expect(pack.earned.failureValue == .problem(.noStatusDate))
        #expect(Self.headline(ReviewMarkdown.render(pack)).contains { $0.hasPrefix("Earned value: needs progress recorded after the baseline; none is") })
    }

    /// Progress without spending: SPI is known, CPI and EAC are not, and the line says how to record spending.
    @Test func progressWithoutSpendingLeavesCostIndexUnknown() throws {
        let w = try Self.week4.get()
        let unspent = ProgressLog.Source(path: w.sidecar.path, text: w.sidecar.text.replacingOccurrences(of: #", spent: \d+"#, with: "", options: .regularExpression))
        #expect(!unspent.text.contains("spent"))
        let pack = try ReviewFixtures.pack(inputs: .init(text: w.text, sidecar: unspent, baseline: w.baseline, baselinePath: "aws-migration.baseline.json"),
                                           settings: .init(iterations: 50, seed: 7))
        let line = try #require(Self.headline(ReviewMarkdown.render(pack)).first { $0.hasPrefix("Earned value") })
        #expect(line == "Earned value as of week 4 against baseline 'default': SPI 0.84 (EV 23,880 of PV 28,390); "
                + "CPI and EAC unknown: no spending recorded ('slipway progress PLAN TASK --spent AMOUNT')")
    }
}

extension Result {
    var failureValue: Failure? {
        if case .failure(let f) = self { return f }
        return nil
    }
}
