import ArgumentParser
import Foundation
import SlipwayCore
import SlipwayScheduling

extension Slipway {
    struct BaselineCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "baseline",
            abstract: "Save the current schedule as a baseline, or list saved baselines.",
            discussion: """
                Baselines live next to the plan: plans/x.baseline.json (the default one)
                and plans/x.NAME.baseline.json (--name NAME).

                Examples:
                  slipway baseline save plans/aws-migration.yaml
                  slipway baseline save plans/aws-migration.yaml --name kickoff
                  slipway baseline list plans/aws-migration.yaml
                """,
            subcommands: [Save.self, List.self])

        struct Save: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Save the current forecast as a baseline (atomically).",
                discussion: """
                    Records per task its early start and finish and whether it is critical,
                    the finish, constraint resolutions, the critical path, an FNV-1a 64-bit
                    fingerprint of the plan file (and of its progress file) and the time.

                    Example:
                      slipway baseline save plans/aws-migration.yaml --name kickoff
                    """)

            @OptionGroup var options: PlanOptions

            @Option(help: "Name of the baseline ([a-z0-9][a-z0-9_-]*); default: the plan's default baseline.")
            var name: String?

            @Flag(help: "Replace an existing baseline of that name.")
            var force = false

            func validate() throws {
                if options.plan == "-" { throw ValidationError("a baseline is saved next to a plan file; it cannot come from standard input") }
                if let name, !BaselineStore.isValidName(name) {
                    throw ValidationError("--name '\(name)' must be lower-case letters, digits, '-' and '_', starting with a letter or digit")
                }
            }

            func run() throws {
                let (plan, schedule) = try options.loadScheduled(showWarnings: false)
                let path = BaselineStore.path(forPlan: options.plan, name: name)
                if !force, FileManager.default.fileExists(atPath: path) {
                    Console.error("error: \(path) exists; use --force to replace it, or --name to save another baseline")
                    throw ExitCode(2)
                }
                let savedAt: String
                do { savedAt = try RecordingTime.stamp() } catch {
                    Console.error("error: \(error); nothing saved")
                    throw ExitCode(2)
                }
                let baseline = Baseline(plan: plan, schedule: schedule, name: name ?? BaselineStore.defaultName,
                                        planFile: FilePath.name(of: options.plan),
                                        planHash: ContentHash.ofFile(options.plan) ?? "",
                                        progressHash: ContentHash.ofFile(ProgressLog.sidecarPath(forPlan: options.plan)),
                                        savedAt: savedAt)
                do {
                    try BaselineStore.save(baseline, to: path)
                } catch {
                    Console.error("error: \(error)")
                    throw ExitCode(2)
                }
                Console.write("Saved baseline '\(baseline.name)' to \(path): finish week \(baseline.finish.compact), \(baseline.tasks.count) tasks\n")
            }
        }

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "List the baselines saved next to a plan.",
                discussion: """
                    Example:
                      slipway baseline list plans/aws-migration.yaml
                    """)

            @OptionGroup var options: PlanOptions

            func run() throws {
                let entries = BaselineStore.list(forPlan: options.plan)
                if entries.isEmpty {
                    Console.write("No baselines for \(options.plan); save one with 'slipway baseline save \(options.plan)'\n")
                    return
                }
                let hash = ContentHash.ofFile(options.plan)
                let progressHash = ContentHash.ofFile(ProgressLog.sidecarPath(forPlan: options.plan))
                var bad = false
                for entry in entries {
                    switch entry.baseline {
                    case .success(let b):
                        let state = (b.planHash == hash ? "plan unchanged" : "plan changed since")
                            + (b.progressHash == progressHash ? "" : ", progress recorded since")
                        Console.write("\(entry.name)\t\(b.savedAt)\tfinish week \(b.finish.compact)\t\(b.tasks.count) tasks\t\(state)\t\(entry.path)\n")
                    case .failure(let problem):
                        bad = true
                        Console.error(problem.description)
                    }
                }
                if bad { throw ExitCode(2) }
            }
        }
    }
}
