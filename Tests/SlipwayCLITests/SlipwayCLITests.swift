import Foundation
import SlipwayTestSupport
import Testing

/// The `slipway` executable as a user runs it: exit statuses, what goes to stdout
/// and stderr, standard input, colour, atomic output, and help text (golden).
struct SlipwayCLITests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The directory of the products built with these tests, `.build/<triple>/<configuration>/`:
    /// `swift test -c release` tests the release `slipway`, not a debug build left from an earlier run.
    /// On Linux the test runner is itself an executable in that directory; on macOS the
    /// runner is Xcode's, and the `.xctest` bundle it loaded sits in that directory.
    static let productsDirectory: URL? = {
        #if os(macOS)
        Bundle.allBundles.first { $0.bundlePath.hasSuffix(".xctest") }?.bundleURL.deletingLastPathComponent()
        #else
        Bundle.main.executableURL?.deletingLastPathComponent()
        #endif
    }()

    /// The `slipway` built for the configuration under test; a test that needs it fails,
    /// saying where it looked, rather than run another build of it or pass without it.
    static func executable() throws -> URL {
        let directory = try #require(productsDirectory, "cannot tell which directory the tests were built in")
        let binary = directory.appendingPathComponent("slipway")
        try #require(FileManager.default.isExecutableFile(atPath: binary.path), """
            no slipway executable at \(binary.path), beside the test runner; \
            `swift test` builds it, or build it with `swift build --product slipway` (add `-c release` for a release test run)
            """)
        return binary
    }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func slipway(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = try executable()
        process.arguments = arguments
        process.currentDirectoryURL = repository
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "NO_COLOR")
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    static let latePlan = """
        plan: Late
        deadline: 1w
        tasks:
          - {id: a, duration: 2w}
        """

    @Test func invalidPlanExitsTwoWithDiagnosticsOnStderrOnly() throws {
        let run = try Self.slipway(["schedule", "-"], stdin: "plan: Bad\ntasks:\n  - id: a\n    duraton: 2w\n")
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("<stdin>:4:5: error: unknown key 'duraton' in a task; did you mean 'duration'?"))
    }

    @Test func failLateExitsOneWhenTheDeadlineIsMissed() throws {
        let run = try Self.slipway(["schedule", "-", "--format", "json", "--fail-late"], stdin: Self.latePlan)
        #expect(run.status == 1)
        #expect(run.stdout.contains("\"finish\": 2"))
        #expect(run.stderr.contains("warning: the plan finishes at week 2, 1 week after the deadline (week 1)"))
        let relaxed = try Self.slipway(["schedule", "-", "--format", "json"], stdin: Self.latePlan)
        #expect(relaxed.status == 0)
    }

    @Test func misuseExitsTwo() throws {
        let run = try Self.slipway(["schedule", "--no-such-flag", "plan.yaml"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("Unknown option"))
    }

    @Test func outputToAPipeHasNoColour() throws {
        let run = try Self.slipway(["schedule", "-"], stdin: Self.latePlan)
        #expect(run.status == 0)
        #expect(!run.stdout.contains("\u{1B}["))
        #expect(run.stdout.contains("*  a "))
    }

    /// On a terminal (a pseudo-terminal from util-linux's `script`) critical rows are
    /// coloured, unless NO_COLOR is set.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"),
                   "needs /usr/bin/script (util-linux) to give slipway a pseudo-terminal"))
    func colourOnATerminalOnlyAndNeverWithNoColor() throws {
        let binary = try Self.executable().path
        let plan = Self.repository.appendingPathComponent("plans/aws-migration.yaml").path
        let command = "\(Self.shellQuoted(binary)) schedule \(Self.shellQuoted(plan)) 2>/dev/null"
        let coloured = try Self.runScript(command, environment: [:])
        #expect(coloured.contains("\u{1B}[1m\u{1B}[31m"))
        let plain = try Self.runScript(command, environment: ["NO_COLOR": "1"])
        #expect(!plain.contains("\u{1B}["))
        #expect(plain.contains("config-system"))
    }

    /// A path as one word for `sh -c`, whatever spaces or quotes it holds.
    /// Runs `body` in a new temporary directory, removed afterwards.
    static func inTemporaryDirectory(_ prefix: String = "slipway-cli", _ body: (URL) throws -> Void) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try body(directory)
    }

    static func shellQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    static func runScript(_ command: String, environment: [String: String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qc", command, "/dev/null"]
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "NO_COLOR")
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test func invalidPlanLeavesAnExistingOutputFileUntouched() throws {
        try Self.inTemporaryDirectory { directory in
            let target = directory.appendingPathComponent("schedule.json")
            try Data("previous".utf8).write(to: target)
            let run = try Self.slipway(["schedule", "-", "--format", "json", "-o", target.path], stdin: "plan: x\ntasks: [{id: a}]\n")
            #expect(run.status == 2)
            #expect(try String(contentsOf: target, encoding: .utf8) == "previous")
            let good = try Self.slipway(["schedule", "-", "--format", "json", "-o", target.path], stdin: Self.latePlan)
            #expect(good.status == 0)
            #expect(try String(contentsOf: target, encoding: .utf8).hasPrefix("{\n  \"plan\": \"Late\""))
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["schedule.json"], "no temporary file left")
        }
    }

    @Test func commandsThatLookBesideThePlanFileHandleStandardInput() throws {
        try Self.inTemporaryDirectory { directory in
            let svg = directory.appendingPathComponent("n.svg").path
            let render = try Self.slipway(["render", "-", "--diagram", "gantt", "--format", "svg", "-o", svg], stdin: Self.latePlan)
            #expect(render.status == 0)
            #expect(FileManager.default.fileExists(atPath: svg))
            let variance = try Self.slipway(["variance", "-"], stdin: Self.latePlan)
            #expect(variance.status == 2)
            #expect(variance.stderr.contains("give the file, not standard input"))
        }
    }

    @Test func outputNeverReplacesTheInputPlan() throws {
        try Self.inTemporaryDirectory { directory in
            let plan = directory.appendingPathComponent("p.yaml").path
            try Data(Self.latePlan.utf8).write(to: URL(fileURLWithPath: plan))
            for arguments in [["schedule", plan, "--format", "json", "-o", plan], ["export", plan, "--format", "csv", "-o", plan],
                              ["render", plan, "--diagram", "gantt", "--format", "svg", "-o", plan]] {
                let run = try Self.slipway(arguments)
                #expect(run.status == 2, "\(arguments)")
                #expect(run.stderr.contains("is the input file; refusing to write over it"))
            }
            // An import does not replace an existing plan unless told to.
            let tracker = directory.appendingPathComponent("t.md").path
            try Data("# T\n\n## 1. Technical\n\n### 1.1 X 🔴 CRITICAL\n\n**Constraint**: x\n- **Timeline**: 1 week\n".utf8).write(to: URL(fileURLWithPath: tracker))
            let refused = try Self.slipway(["import", "tracker", tracker, "-o", plan])
            #expect(refused.status == 2)
            #expect(refused.stderr.contains("exists; pass --force to replace it"))
            #expect(try String(contentsOfFile: plan, encoding: .utf8) == Self.latePlan)
        }
    }

    /// A document in which nothing is a risk or a task exits 2 and writes nothing;
    /// `--allow-empty` writes the empty plan. Every import says what it found on one line.
    @Test func importOfNothingRecognisedIsRefusedUnlessAllowed() throws {
        let notes = "# Notes\n\n## Decisions\n\n- We will decide later.\n"
        let refused = try Self.slipway(["import", "tracker", "-"], stdin: notes)
        #expect(refused.status == 2)
        #expect(refused.stdout.isEmpty)
        #expect(refused.stderr.contains("<stdin>:1:1: error: nothing in the document was recognised as a risk or a task"))
        let allowed = try Self.slipway(["import", "tracker", "-", "--allow-empty"], stdin: notes)
        #expect(allowed.status == 0)
        #expect(allowed.stdout.contains("plan: Notes"))
        let register = "# R\n\n## Risks\n\n### R-001: Outage 🔴\n**Owner**: Ana\n"
        let imported = try Self.slipway(["import", "tracker", "-"], stdin: register)
        #expect(imported.status == 0)
        #expect(imported.stderr.contains("<stdin>: imported 1 risk, 0 phases, 0 tasks"))
    }

    @Test func unreadableInputsAreNamedPlainly() throws {
        let directory = try Self.slipway(["check", "plans"])
        #expect(directory.status == 2)
        #expect(directory.stderr.contains("'plans' is a directory, not a file"))
        let missing = try Self.slipway(["schedule", "no-such-plan.yaml"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("there is no file 'no-such-plan.yaml'"))
    }

    @Test func simulationJSONHasTheContractShapeAndRepeatsWithItsSeed() throws {
        let plan = "plan: Risk\ndeadline: 3w\ntasks:\n  - {id: a, duration: 1-3w}\n  - {id: b, duration: 1w, after: [a]}\n"
        let run = try Self.slipway(["simulate", "-", "--iterations", "500", "--seed", "7", "--format", "json"], stdin: plan)
        #expect(run.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["iterations"] as? Double == 500 && object["seed"] as? Double == 7 && object["deadline"] as? Double == 3)
        let finish = try #require(object["finish"] as? [String: Double])
        #expect(Set(finish.keys) == ["mean", "stdev", "p10", "p50", "p80", "p90", "p95"])
        let p10 = try #require(finish["p10"]), p50 = try #require(finish["p50"]), p95 = try #require(finish["p95"])
        #expect(p10 <= p50 && p50 <= p95)
        #expect((object["probabilityOnTime"] as? Double).map { $0 >= 0 && $0 <= 1 } == true)
        #expect((object["criticality"] as? [String: Double])?["b"] == 1)
        let again = try Self.slipway(["simulate", "-", "--iterations", "500", "--seed", "7", "--format", "json"], stdin: plan)
        #expect(again.stdout == run.stdout)
    }

    @Test func concurrentProgressUpdatesAreAllKept() throws {
        try Self.inTemporaryDirectory { directory in
            let plan = directory.appendingPathComponent("p.yaml").path
            let tasks = (0..<8).map { "  - {id: t\($0), duration: 2w}" }.joined(separator: "\n")
            try Data("plan: Busy week\nstatus-date: week 1\ntasks:\n\(tasks)\n".utf8).write(to: URL(fileURLWithPath: plan))
            // Eight updates at once: each reads the sidecar, adds its line and writes it back.
            let binary = try Self.executable()
            let processes = try (0..<8).map { i -> Process in
                let process = Process()
                process.executableURL = binary
                process.arguments = ["progress", plan, "t\(i)", "--percent", "10"]
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                try process.run()
                return process
            }
            for process in processes { process.waitUntilExit() }
            #expect(processes.allSatisfy { $0.terminationStatus == 0 })
            let sidecar = try String(contentsOfFile: directory.appendingPathComponent("p.progress.yaml").path, encoding: .utf8)
            for i in 0..<8 { #expect(sidecar.contains("task: t\(i)\n"), "the update of t\(i) was lost") }
        }
    }

    /// Baseline, progress with spending, then earned value, as a user runs them:
    /// a 4-week task for a fixed 4,000, half done at week 2 for 2,500 spent.
    /// PV = EV = 2,000, AC = 2,500: SPI 1, CPI 0.8, EAC 5,000.
    @Test func earnedValueFromABaselineAndRecordedSpending() throws {
        try Self.inTemporaryDirectory { directory in
            let plan = directory.appendingPathComponent("p.yaml").path
            try Data("plan: Paid\ntasks:\n  - {id: a, duration: 4w, cost: 4000}\n".utf8).write(to: URL(fileURLWithPath: plan))
            let before = try Self.slipway(["earned", plan])
            #expect(before.status == 2)
            #expect(before.stderr.contains("no baseline here; save one first with 'slipway baseline save PLAN'"))
            #expect(try Self.slipway(["baseline", "save", plan]).status == 0)
            let noStatus = try Self.slipway(["earned", plan])
            #expect(noStatus.status == 2 && noStatus.stderr.contains("has no status date"))
            let progress = try Self.slipway(["progress", plan, "a", "--percent", "50", "--spent", "2500", "--as-of", "week 2"])
            #expect(progress.status == 0, "\(progress.stderr)")
            let run = try Self.slipway(["earned", plan, "--format", "json"])
            #expect(run.status == 0, "\(run.stderr)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
            #expect(object["plannedValue"] as? Double == 2000 && object["earnedValue"] as? Double == 2000)
            #expect(object["actualCost"] as? Double == 2500 && object["cpi"] as? Double == 0.8)
            #expect(object["estimateAtCompletion"] as? Double == 5000)
            let table = try Self.slipway(["earned", plan])
            #expect(table.stdout.contains("Over cost (CPI 0.8): it would cost 5,000 at completion, against 4,000 in the baseline."))
        }
    }

    /// SOURCE_DATE_EPOCH stamps the baseline and the progress update (the week-4
    /// example relies on it); a malformed value is refused and nothing is written.
    @Test func sourceDateEpochStampsBaselineAndProgress() throws {
        try Self.inTemporaryDirectory { directory in
            let plan = directory.appendingPathComponent("p.yaml").path
            try Data("plan: Stamped\ntasks:\n  - {id: a, duration: 4w}\n".utf8).write(to: URL(fileURLWithPath: plan))
            let refused = try Self.slipway(["baseline", "save", plan], environment: ["SOURCE_DATE_EPOCH": "soon"])
            #expect(refused.status == 2 && refused.stderr.contains("SOURCE_DATE_EPOCH='soon' is not a whole number of seconds"))
            #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("p.baseline.json").path))
            // 1,736,755,200 s = 20,101 days (2025-01-13) and 8 hours.
            #expect(try Self.slipway(["baseline", "save", plan], environment: ["SOURCE_DATE_EPOCH": "1736755200"]).status == 0)
            let baseline = try String(contentsOfFile: directory.appendingPathComponent("p.baseline.json").path, encoding: .utf8)
            #expect(baseline.contains("2025-01-13T08:00:00Z"))
            let progress = try Self.slipway(["progress", plan, "a", "--percent", "50", "--as-of", "week 2"],
                                            environment: ["SOURCE_DATE_EPOCH": "1738886400"])
            #expect(progress.status == 0, "\(progress.stderr)")
            let log = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0 != "p.yaml" && !$0.contains("baseline") }
            let sidecar = try String(contentsOfFile: directory.appendingPathComponent(try #require(log.first)).path, encoding: .utf8)
            #expect(sidecar.contains("2025-02-07T00:00:00Z"))
        }
    }

    /// A two-task chain of 2-4w and 1-3w: rsse sqrt(1² + 1²) = 1.41, half (3 + 2) / 2 = 2.5.
    @Test func buffersBySizingMethod() throws {
        let plan = "plan: Chain\ntasks:\n  - {id: a, duration: 2-4w}\n  - {id: b, duration: 1-3w, after: [a]}\n"
        let rsse = try Self.slipway(["buffers", "-"], stdin: plan)
        #expect(rsse.status == 0)
        #expect(rsse.stdout.contains("with the project buffer of 1.41 weeks, the promise is week 6.41"))
        let half = try Self.slipway(["buffers", "-", "--method", "half", "--format", "json"], stdin: plan)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(half.stdout.utf8)) as? [String: Any])
        #expect(object["method"] as? String == "half" && object["bufferedFinish"] as? Double == 7.5)
        let wrong = try Self.slipway(["buffers", "-", "--method", "third"], stdin: plan)
        #expect(wrong.status == 2)
    }

    @Test func renderDrawsBuffersAndTheFeverChartAndSaysWhatEarnedValueNeeds() throws {
        try Self.inTemporaryDirectory { directory in
            let plan = "plan: Chain\ntasks:\n  - {id: a, duration: 2-4w}\n  - {id: b, duration: 1-3w, after: [a]}\n"
            let gantt = directory.appendingPathComponent("g.svg").path, fever = directory.appendingPathComponent("f.svg").path
            let drawn = try Self.slipway(["render", "-", "--diagram", "gantt", "--buffers", "--format", "svg", "-o", gantt], stdin: plan)
            #expect(drawn.status == 0)
            #expect(try String(contentsOfFile: gantt, encoding: .utf8).contains("<title>buffer:project</title>"))
            #expect(try Self.slipway(["render", "-", "--diagram", "fever", "--format", "svg", "-o", fever], stdin: plan).status == 0)
            let earned = try Self.slipway(["render", "-", "--diagram", "earned", "-o", directory.appendingPathComponent("e.svg").path], stdin: plan)
            #expect(earned.status == 2)
            #expect(earned.stderr.contains("the earned value chart measures against a baseline, and there is none"))
        }
    }

    @Test func checkPrintsOnlyDiagnosticsAndASummary() throws {
        let run = try Self.slipway(["check", "plans/aws-migration.yaml"])
        #expect(run.status == 0)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.hasSuffix("plans/aws-migration.yaml: 0 errors, 15 warnings (46 tasks)\n"))
    }

    /// The pack to a file (and 'wrote' on stderr, nothing on stdout), the summary
    /// to standard output, and a missing baseline refused with exit status 2.
    @Test func reviewWritesThePackAndTheSummary() throws {
        try Self.inTemporaryDirectory { directory in
            let page = directory.appendingPathComponent("pack.html").path
            let run = try Self.slipway(["review", "plans/aws-migration.yaml", "--iterations", "200", "-o", page])
            #expect(run.status == 0 && run.stdout.isEmpty)
            #expect(run.stderr == "wrote \(page)\n")
            #expect(try String(contentsOfFile: page, encoding: .utf8).hasPrefix("<!DOCTYPE html>\n"))
            let summary = try Self.slipway(["review", "-", "--format", "markdown", "-o", "-", "--iterations", "100"], stdin: Self.latePlan)
            #expect(summary.status == 0)
            #expect(summary.stdout.hasPrefix("# Review: Late\n"))
            #expect(summary.stdout.contains("- **Finish: week 2; deadline week 1: LATE by 1 week**\n"))
            let missing = try Self.slipway(["review", "plans/aws-migration.yaml", "--baseline", "nope", "-o", page])
            #expect(missing.status == 2)
            #expect(missing.stderr.contains("aws-migration.nope.baseline.json: error: no baseline here"))
        }
    }

    @Test func importPSPLIBReportsAMalformedFileAtItsLineAndColumn() throws {
        let fixture = Self.repository.appendingPathComponent("Tests/SlipwayInterchangeTests/Fixtures/psplib/j301_1.sm").path
        var lines = try String(contentsOfFile: fixture, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines[19] = "   2        3          3           6  11  15"
        let run = try Self.slipway(["import", "psplib", "-"], stdin: lines.joined(separator: "\n"))
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr == "<stdin>:20:13: error: job 2 has 3 modes; only single-mode (.sm) files are supported\n")
        let good = try Self.slipway(["import", "psplib", fixture])
        #expect(good.status == 0)
        #expect(good.stdout.contains("  - id: j32\n"))
    }

    @Test func levelingEffortIsANumberOfSchedules() throws {
        let run = try Self.slipway(["schedule", "plans/aws-migration.yaml", "--level", "--effort=-1"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("--effort must be a number of schedules from 0 to 10,000,000"))
        // Int.max schedules ran for hours; one more than the bound is refused at once.
        let huge = try Self.slipway(["schedule", "plans/aws-migration.yaml", "--level", "--effort", "10000001"])
        #expect(huge.status == 2 && huge.stderr.contains("--effort must be a number of schedules from 0 to 10,000,000"))
    }

    @Test(arguments: [["--help"], ["schedule", "--help"], ["critical", "--help"], ["check", "--help"], ["review", "--help"]])
    func helpTextMatchesGolden(_ arguments: [String]) throws {
        let run = try Self.slipway(arguments, environment: ["COLUMNS": "100"])
        #expect(run.status == 0)
        Golden.check(run.stdout, against: "help-" + (arguments.count == 1 ? "slipway" : arguments[0]) + ".txt")
    }

    /// Numbers beyond the plan's limits on the command line are refused with a
    /// message and exit 2, never a trap (issue 13: integer conversions, inf in JSON).
    @Test(arguments: [
        ["slip", "-", "a", "99999999999999999999w"],
        ["recover", "-", "--target", "1e300"],
        ["slip", "-", "a=123456789012345678901234567890w"],
    ])
    func hugeNumbersOnTheCommandLineAreRefused(_ arguments: [String]) throws {
        let run = try Self.slipway(arguments, stdin: "plan: p\ndeadline: 1w\ntasks:\n  - {id: a, duration: 2w}\n")
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("beyond the 10,000 years"), "\(run.stderr)")
    }

    /// `--option C=all` compares every option once: the chosen one is the plan as
    /// it is (its row names it), not a second row with the same numbers.
    @Test func compareListsTheChosenOptionOnce() throws {
        let plan = """
            plan: Choice
            owners: [{id: dev}]
            constraints:
              - id: c
                options:
                  - {id: slow, chosen: true, mitigations: [{id: build-slow, duration: 3w, owner: dev}]}
                  - {id: fast, mitigations: [{id: build-fast, duration: 1w, owner: dev}]}
            tasks:
              - {id: ship, duration: 1w, owner: dev, after: [c]}
            """
        for option in ["c=all", "c=slow"] {
            let run = try Self.slipway(["compare", "-", "--option", option, "--option", "c=fast", "--iterations", "100"], stdin: plan)
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout.contains("2 alternatives"), "\(run.stdout)")
            #expect(run.stdout.contains("plan as it is (c = slow)") && run.stdout.contains("c = fast"))
            #expect(!run.stdout.contains("(chosen)"))
        }
        // A byte that is not UTF-8 is named at its line and column, and nothing is compared.
        try Self.inTemporaryDirectory { directory in
            let bad = directory.appendingPathComponent("bad.yaml")
            try Data("plan: x\ntasks:\n  - {id: a".utf8 + [0xFF] + Data(", duration: 1w}\n".utf8)).write(to: bad)
            let run = try Self.slipway(["compare", bad.path])
            #expect(run.status == 2 && run.stdout.isEmpty)
            #expect(run.stderr.contains("bad.yaml:3:11: error: the plan file is not UTF-8 text"), "\(run.stderr)")
        }
    }

    /// A started date beyond the limits is refused and nothing is written.
    @Test func progressWithAHugeStartIsRefused() throws {
        try Self.inTemporaryDirectory("slipway-huge") { directory in
            let plan = directory.appendingPathComponent("p.yaml").path
            try "plan: p\ntasks:\n  - {id: a, duration: 2w}\n".write(toFile: plan, atomically: true, encoding: .utf8)
            let run = try Self.slipway(["progress", plan, "a", "--started", "1e300", "--as-of", "week 1"])
            #expect(run.status == 2, "\(run.stderr)")
            #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("p.progress.yaml").path))
        }
    }
}
