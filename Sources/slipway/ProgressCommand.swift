import ArgumentParser
import Foundation
import SlipwayCore
import SlipwayScheduling

extension Slipway {
    struct ProgressCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "progress",
            abstract: "Record progress on a task, without editing the plan file.",
            discussion: """
                Appends an update to the plan's progress file, NAME.progress.yaml next to
                NAME.yaml, which every command applies on top of the plan. The plan file
                and its comments are never rewritten; the progress file keeps who recorded
                what and when. It is written atomically (a temporary file renamed over
                it), so an interrupted update leaves the previous file whole. An update
                that would make the plan invalid is refused and nothing is written.

                The update is "as of" --as-of (default: the plan's status date); the
                forecast's status date becomes the latest as-of.

                Examples:
                  slipway progress plans/aws-migration.yaml auth-framework --percent 50 --as-of "week 1"
                  slipway progress plans/aws-migration.yaml nats-design --done --as-of 2025-01-17
                  slipway progress plans/aws-migration.yaml nats-replacement --remaining 2w --started "week 2"
                  slipway progress plans/aws-migration.yaml nats-replacement --percent 40 --spent 3200 --as-of "week 3"
                """)

        @OptionGroup var options: PlanOptions

        @Argument(help: "The task the update is about.")
        var task: String

        @Flag(help: "The task is finished (at --as-of).")
        var done = false

        @Option(help: "Percent complete, 0-100.")
        var percent: Double?

        @Option(help: "Work remaining, a duration such as 2w or 3d.")
        var remaining: String?

        @Option(help: "When this is known: 'week N' (its end), a date, or weeks from t = 0. Default: the plan's status date.")
        var asOf: String?

        @Option(help: "When the task actually started ('week N' is its start, or a date).")
        var started: String?

        @Option(help: "Money spent on the task so far, in the plan's currency: the total to date, not an increment (earned value's actual cost).")
        var spent: Double?

        @Option(help: "Who records the update (default: $USER).")
        var by: String?

        func validate() throws {
            if options.plan == "-" { throw ValidationError("'progress' records next to a plan file; it cannot read the plan from standard input") }
            let given = (done ? 1 : 0) + (percent == nil ? 0 : 1) + (remaining == nil ? 0 : 1)
            if given != 1 && !(given == 0 && (started != nil || spent != nil)) {
                throw ValidationError("give exactly one of --done, --percent N or --remaining D (or only --started or --spent)")
            }
            if let spent, !(spent >= 0 && spent.isFinite) { throw ValidationError("--spent must be an amount of money, 0 or more") }
            if let percent, !(0...100).contains(percent) { throw ValidationError("--percent must be from 0 to 100") }
        }

        func run() throws {
            let (plan, _) = try options.loadScheduled(showWarnings: false)
            let index = try WhatIfArguments.task(task, in: plan)
            let syntax = TimeSyntax(unit: plan.unit, calendar: plan.calendar)
            func point(_ text: String, _ edge: WorkCalendar.Edge, _ what: String) throws -> Double {
                switch syntax.point(text, as: edge) {
                case .success(let t) where t >= 0: return t
                case .success: Console.error("error: \(what) '\(text)' is before the plan starts"); throw ExitCode(2)
                case .failure(let f): Console.error("error: \(what): \(f.message)"); throw ExitCode(2)
                }
            }
            let asOfTime: Double
            if let asOf { asOfTime = try point(asOf, .end, "--as-of") } else if let s = plan.statusDate { asOfTime = s } else {
                Console.error("error: '\(plan.title)' has no status date; say when this is known with --as-of 'week N' (or a date)")
                throw ExitCode(2)
            }
            var update = ProgressLog.Update(task: plan.tasks[index].id, asOf: asOfTime)
            update.actualStart = try started.map { try point($0, .start, "--started") }
            if done || percent == 100 { update.actualFinish = asOfTime; update.percent = 100 }
            else if let percent { update.percent = percent }
            if let remaining { update.remaining = try WhatIfArguments.weeks(remaining, in: plan, what: "--remaining") }
            update.spent = spent
            update.by = by ?? ProcessInfo.processInfo.environment["USER"] ?? ProcessInfo.processInfo.environment["LOGNAME"] ?? "unknown"
            do { update.at = try RecordingTime.stamp() } catch {
                Console.error("error: \(error); nothing recorded")
                throw ExitCode(2)
            }

            let sidecarPath = ProgressLog.sidecarPath(forPlan: options.plan)
            // Read, check and write under a lock on the plan: concurrent updates take turns.
            do {
                try FileLock.exclusive(on: options.plan) { try record(update, plan: plan, sidecarPath: sidecarPath, asOf: asOfTime) }
            } catch let failure as FileLock.Failure {
                Console.error("error: \(failure); nothing recorded")
                throw ExitCode(2)
            }
        }

        /// Appends the update to the sidecar after checking that the plan stays valid with it.
        private func record(_ update: ProgressLog.Update, plan: Plan, sidecarPath: String, asOf asOfTime: Double) throws {
            let existing = FileManager.default.contents(atPath: sidecarPath).flatMap { String(data: $0, encoding: .utf8) }
            let text = ProgressLog.appending(update, to: existing, planFile: FilePath.name(of: options.plan), calendar: plan.calendar)
            // Check the plan with the new update before writing anything.
            guard let planText = FileManager.default.contents(atPath: options.plan).flatMap({ String(data: $0, encoding: .utf8) }) else {
                Console.error("error: cannot read \(options.plan)")
                throw ExitCode(2)
            }
            let checked = CheckedPlan.from(PlanLoader.load(text: planText, progress: .init(path: sidecarPath, text: text)))
            guard let newPlan = checked.plan, let newSchedule = checked.schedule else {
                Console.report(checked.diagnostics.errors, path: options.displayPath)
                Console.error("\(options.displayPath): the update would make the plan invalid; nothing recorded")
                throw ExitCode(2)
            }
            Console.report(checked.diagnostics.warnings.filter { DiagnosticCode.progressChecks.contains($0.code) }, path: options.displayPath)
            do {
                try AtomicFile.write(text, to: sidecarPath)
            } catch {
                Console.error("error: \(error); nothing recorded")
                throw ExitCode(2)
            }
            let f = newSchedule.finish
            Console.write("Recorded \(update.task) as of week \(asOfTime.compact) in \(sidecarPath)\n")
            Console.write("Forecast finish: week \(f.compact)\(newPlan.deadline.map { d in f > d + 1e-9 ? ", \((f - d).weeksPhrase) after the deadline (week \(d.compact))" : ", deadline week \(d.compact) met" } ?? "")\n")
        }
    }
}
