import ArgumentParser
import SlipwayCore
import SlipwayReports
import SlipwayScheduling

extension Slipway {
    struct Recover: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Ways back to the deadline when the forecast misses it.",
            discussion: """
                Proposes, each measured by rescheduling: shortening critical tasks (down
                to their optimistic estimate, or by --max-cut of their duration; the
                least total shortening, found by linear programming, then the cheapest
                at owner rates), fast-tracking critical finish-to-start links into
                start-to-start links (the successor starts when --overlap of its
                predecessor remains), and both together. With --level, every option is
                measured leveled by owner capacity, and moving critical work to another
                owner is tried too. Options that reach the target come first.
                --slip applies what-if slips first, to answer "X slipped: now what?".

                Examples:
                  slipway recover plans/aws-migration.yaml
                  slipway recover plans/aws-migration.yaml --slip nats-replacement=1w
                  slipway recover plans/aws-migration.yaml --target "week 11" --max-cut 25
                  slipway recover plans/aws-migration.yaml --level
                """)

        @OptionGroup var options: PlanOptions

        @Option(help: "The finish to reach (a point: 'week 11', a date, a number of weeks); default the deadline.")
        var target: String?

        @Option(help: "What-if slips applied first, as TASK=BY (repeatable).")
        var slip: [String] = []

        @Option(help: "Cut no task by more than this percent of its duration (tasks are cut only down to their crash limit or optimistic estimate).")
        var maxCut: Double?

        @Option(help: "Percent of a predecessor that a fast-tracked successor overlaps.")
        var overlap: Double = 50

        @Option(help: "Output format: table or json.")
        var format: ReportFormat = .table

        @Flag(help: "Level by owner capacity: measure every option leveled, and also try moving critical work to other owners.")
        var level = false

        @Flag(help: "With --level, try moving work to any owner with the capacity, whatever the skills the plan declares.")
        var allowAnyOwner = false

        @OptionGroup var leveling: LevelingArguments

        func validate() throws {
            if let maxCut, !(0...100).contains(maxCut) { throw ValidationError("--max-cut must be a percentage from 0 to 100") }
            if !(0...100).contains(overlap) || overlap == 0 { throw ValidationError("--overlap must be a percentage above 0 and at most 100") }
        }

        func run() throws {
            let (plan, schedule) = try options.loadScheduled(showWarnings: false)
            let goal: Double
            if let target {
                switch TimeSyntax(unit: plan.unit, calendar: plan.calendar).point(target, as: .end) {
                case .success(let t): goal = t
                case .failure(let f):
                    Console.error("error: --target: \(f.message)")
                    throw ExitCode(2)
                }
            } else if let deadline = plan.deadline {
                goal = deadline
            } else {
                Console.error("error: '\(plan.title)' has no deadline; give one in the plan or use --target 'week N'")
                throw ExitCode(2)
            }
            let whatIf = WhatIf(plan: plan, schedule: schedule)
            let changes = try WhatIfArguments.changes(try WhatIfArguments.slips(slip, start: false, in: plan), whatIf: whatIf, schedule: schedule)
            let report = Recovery.propose(whatIf: whatIf, changes: changes,
                                          settings: .init(target: goal, maxCut: maxCut.map { $0 / 100 }, overlap: overlap / 100, level: level, allowAnyOwner: allowAnyOwner,
                                                          leveling: leveling.options))
            Console.write(format == .json ? RecoveryReport.renderJSON(plan: plan, report: report)
                                          : RecoveryReport.render(plan: plan, whatIf: whatIf, report: report, currency: plan.currency))
        }
    }
}
