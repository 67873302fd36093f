import Foundation
import SlipwayEngine
import SlipwayCore
import SlipwayInterchange
import SlipwayScheduling
import Testing

/// Schedules the exported `.tjp` with TaskJuggler (`tj3`, installed by `make test`)
/// and compares its task end dates with Slipway's. Reported as skipped when tj3 is absent.
@Suite struct TaskJugglerTests {
    /// tj3 where `make tj3` looks for it: on the PATH.
    static let tj3: String? = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin")
        .split(separator: ":").map { "\($0)/tj3" }.first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(.enabled(if: tj3 != nil, "needs TaskJuggler's tj3 on the PATH; `make test` installs it with apt-get"),
          arguments: ["finish-to-start.yaml", "other-link-types.yaml", "calendar.yaml", "seed"])
    func taskJugglerEndDatesEqualSlipways(fixture: String) throws {
        let tj3 = try #require(Self.tj3)
        let (plan, schedule) = fixture == "seed"
            ? try Fixture.scheduled(text: try #require(try Fixture.importedSeed().yaml))
            : try Fixture.scheduled(fixture)
        var text = try #require(TJPExport.render(plan: plan, schedule: schedule).text)
        text += "taskreport slipway_end \"slipway-end\" {\n  formats csv\n  columns id, end\n  timeformat \"%Y-%m-%d\"\n}\n"
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("slipway-tj3-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("plan.tjp")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tj3)
        process.arguments = ["--silent", "-o", dir.path, file.path]
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let csv = try String(contentsOf: dir.appendingPathComponent("slipway-end.csv"), encoding: .utf8)
        var ends: [String: String] = [:]
        for line in csv.split(separator: "\n").dropFirst() {
            let cells = line.split(separator: ";").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
            if cells.count == 2 { ends[String(cells[0].split(separator: ".").last!)] = cells[1] }
        }
        var compared = 0
        for (i, task) in plan.tasks.enumerated() where !task.isMilestone {
            let id = task.id.replacingOccurrences(of: "-", with: "_")
            let expected = plan.calendar.date(at: schedule.timing.earlyFinish[i], as: .end)!.description
            #expect(ends[id] == expected, "\(task.id): TaskJuggler \(ends[id] ?? "nothing"), Slipway \(expected)")
            compared += 1
        }
        #expect(compared > 0)
    }
}
