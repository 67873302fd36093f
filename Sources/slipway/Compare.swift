import ArgumentParser
import Foundation
import SlipwayCore
import SlipwayReports
import SlipwayScheduling

extension Slipway {
    struct Compare: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compare options and scenarios: finish, chance of the deadline, cost.",
            discussion: """
                Loads the plan once per alternative — the plan as it is, each option of a
                constraint (options: with chosen: true on one), each scenario (in the
                plan's scenarios: or a file of its own) — schedules it, levels it by
                owner capacity when owners do the work, and simulates it with the same
                seed. Reports the finish by the links and leveled, the chance of the
                deadline and P80, the cost against the budget, the targets missed, how
                the critical path changes and which tasks move most; the best by the
                chance of the deadline (then cost) is marked. Without --option or
                --scenario every option and every scenario of the plan is compared.

                Examples:
                  slipway compare plans/aws-migration.yaml
                  slipway compare plans/aws-migration.yaml --option nats-protocol=all
                  slipway compare plans/aws-migration.yaml --scenario second-core-stream --scenario plans/what-if.yaml
                  slipway compare plans/aws-migration.yaml --format markdown --iterations 2000
                """)

        @OptionGroup var options: PlanOptions

        @Option(name: .customLong("option"), help: "Compare the options of this constraint (CONSTRAINT=all, or CONSTRAINT=OPTION); repeatable.")
        var optionChoices: [String] = []

        @Option(help: "A scenario to compare: the id of one in the plan, or a YAML file of one (repeatable).")
        var scenario: [String] = []

        @Option(help: "Simulation iterations per alternative.")
        var iterations: Int = 10_000

        @Option(help: "The random seed: the same seed gives the same numbers.")
        var seed: UInt64 = 1

        @Option(help: "Output format: table, json or markdown.")
        var format: VarianceFormat = .table

        func validate() throws {
            if iterations < 2 || iterations > 10_000_000 { throw ValidationError("--iterations must be from 2 to 10,000,000") }
            for choice in optionChoices where !choice.contains("=") {
                throw ValidationError("--option '\(choice)' must be CONSTRAINT=all or CONSTRAINT=OPTION")
            }
        }

        func run() throws {
            // Read once: every alternative is loaded from this text (standard
            // input cannot be read twice), with the progress sidecar read once too.
            let read = PlanLoader.text(path: options.plan)
            guard let text = read.text else {
                Console.report(read.problem.map { [$0] } ?? [], path: options.displayPath)
                throw ExitCode(2)
            }
            let sidecar = options.sidecar
            let (plan, _) = try options.loadScheduled(showWarnings: false, source: (text, sidecar))
            let alternatives = try Self.alternatives(plan: plan, optionChoices: optionChoices, scenarios: scenario)
            let settings = Comparison.Settings(iterations: iterations, seed: seed)
            let outcomes = Comparison.run(text: text, sidecar: sidecar, alternatives: alternatives, settings: settings)
            // An alternative that cannot be loaded is bad input (a scenario naming
            // what the plan lacks, an option whose work the rest of the plan names):
            // every problem, then exit 2 with nothing compared.
            let invalid = outcomes.filter { !$0.errors.isEmpty }
            for o in invalid {
                Console.error("\(o.alternative.label):")
                Console.report(o.errors, path: options.displayPath)
            }
            if !invalid.isEmpty { throw ExitCode(2) }
            switch format {
            case .table: Console.write(ComparisonReport.render(plan: plan, outcomes: outcomes, settings: settings))
            case .json: Console.write(ComparisonReport.renderJSON(plan: plan, outcomes: outcomes, settings: settings))
            case .markdown: Console.write(ComparisonReport.renderMarkdown(plan: plan, outcomes: outcomes, settings: settings))
            }
        }

        /// The alternatives the arguments name; overlay files are read with the
        /// plan's time settings and refused, at their line, when they name
        /// unknown ids (that is found when each is loaded) or are malformed.
        static func alternatives(plan: Plan, optionChoices: [String], scenarios names: [String]) throws -> [Comparison.Alternative] {
            if optionChoices.isEmpty && names.isEmpty { return Comparison.alternatives(of: plan) }
            var result = [Comparison.Alternative(label: Comparison.planLabel(plan), kind: .plan, variant: .init())]
            for choice in optionChoices {
                let parts = choice.split(separator: "=", maxSplits: 1).map(String.init)
                guard let c = plan.constraints.first(where: { $0.id == parts[0] }), !c.choices.isEmpty else {
                    Console.error("error: --option: '\(parts[0])' is not a constraint with options\(Suggestion.hint(for: parts[0], in: plan.constraints.filter { !$0.choices.isEmpty }.map(\.id)))")
                    throw ExitCode(2)
                }
                let wanted = parts[1] == "all" ? c.choices.map(\.id) : [parts[1]]
                for id in wanted {
                    guard let k = c.choices.firstIndex(where: { $0.id == id }) else {
                        Console.error("error: --option: '\(id)' is not an option of '\(c.id)'\(Suggestion.hint(for: id, in: c.choices.map(\.id)))")
                        throw ExitCode(2)
                    }
                    // The chosen option is the plan as it is, already the first row
                    // (its label names it); an option asked for twice is one row.
                    let kind = Comparison.Alternative.Kind.option(constraint: c.id, option: id, chosenInPlan: false)
                    guard k != c.chosen, !result.contains(where: { $0.kind == kind }) else { continue }
                    result.append(Comparison.Alternative(label: "\(c.id) = \(id)", kind: kind, variant: .init(choices: [c.id: id])))
                }
            }
            for name in names {
                if let s = plan.scenarios.first(where: { $0.id == name }) {
                    result.append(Comparison.Alternative(label: "scenario \(s.id)", kind: .scenario(id: s.id), variant: .init(scenario: s)))
                    continue
                }
                guard FileManager.default.fileExists(atPath: name) else {
                    Console.error("error: --scenario: '\(name)' is neither a scenario of the plan nor a file\(Suggestion.hint(for: name, in: plan.scenarios.map(\.id)))")
                    throw ExitCode(2)
                }
                guard case .success(let data) = InputFile.read(name) else {
                    Console.error("error: --scenario: '\(name)' cannot be read")
                    throw ExitCode(2)
                }
                let (scenarios, diagnostics) = PlanLoader.readScenarios(overlay: String(decoding: data, as: UTF8.self), path: name, for: plan)
                Console.report(diagnostics, path: name)
                if diagnostics.hasErrors { throw ExitCode(2) }
                for s in scenarios {
                    result.append(Comparison.Alternative(label: "scenario \(s.id)", kind: .scenario(id: s.id), variant: .init(scenario: s)))
                }
            }
            return result
        }
    }
}
