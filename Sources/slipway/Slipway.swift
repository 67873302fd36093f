import ArgumentParser
import Foundation

@main
struct Slipway: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "slipway",
        abstract: "Plans with dependencies, deadlines and slips: check, schedule and find the critical path.",
        discussion: """
            Example:
              slipway schedule plans/aws-migration.yaml

            Exit status: 0 success; 1 a check the command enforces failed (--fail-late, --strict);
            2 the plan is invalid or the command was misused.
            """,
        subcommands: [Check.self, ScheduleCommand.self, Critical.self, Render.self,
                      Simulate.self, Compare.self, Review.self, ProgressCommand.self, BaselineCommand.self, VarianceCommand.self, Earned.self, Buffers.self, Slip.self, Recover.self,
                      Import.self, Export.self])

    /// Usage errors exit with 2, as the plan-format contract says, instead of
    /// ArgumentParser's default 64.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            if exitCode(for: error) == .success { exit(withError: error) }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
    }
}
