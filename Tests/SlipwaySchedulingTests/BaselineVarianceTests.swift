import Foundation
import Testing
import SlipwayEngine
import SlipwayCore
@testable import SlipwayScheduling

/// Baselines round-trip, refuse damaged files with a sentence, save atomically,
/// and variance compares a known pair of schedules.
struct BaselineVarianceTests {
    static let before = """
        plan: Pair
        deadline: week 5
        constraints:
          - id: risk
            target: week 3
            mitigations:
              - id: fix
                duration: 1w
                after: [a]
        tasks:
          - id: a
            duration: 2w
          - id: b
            duration: 2w
            after: [a]
          - id: side
            duration: 3w
          - id: end
            milestone: true
            after: [b, side]
        """

    static func baseline(_ text: String) throws -> (Baseline, Plan, Schedule) {
        let checked = CheckedPlan.load(text: text)
        let plan = try #require(checked.plan), schedule = try #require(checked.schedule)
        let b = Baseline(plan: plan, schedule: schedule, name: "default", planFile: "pair.yaml",
                         planHash: ContentHash.fnv1a64(Data(text.utf8)), progressHash: nil, savedAt: "2025-01-13T09:00:00Z")
        return (b, plan, schedule)
    }

    @Test func varianceOfAKnownPair() throws {
        // Before: a 0-2, b 2-4, fix 2-3 (target 3 met), side 0-3, end 4; F = 4; critical a, b, end.
        // After: a takes 3w: a 0-3, b 3-5, fix 3-4 (target missed by 1), side 0-3, end 5; F = 5;
        // side keeps float 2. Then side grows to 6w: side 0-6, end 6, F = 6: side becomes critical, a and b leave.
        let (saved, _, _) = try Self.baseline(Self.before)
        let after = Self.before.replacingOccurrences(of: "  - id: a\n    duration: 2w", with: "  - id: a\n    duration: 3w")
            .replacingOccurrences(of: "duration: 3w\n  - id: end", with: "duration: 6w\n  - id: end")
        let checked = CheckedPlan.load(text: after)
        let plan = try #require(checked.plan), schedule = try #require(checked.schedule)
        let v = try Variance.compute(plan: plan, schedule: schedule, baseline: saved, path: "pair.baseline.json",
                                     planHash: ContentHash.fnv1a64(Data(after.utf8))).get()
        #expect(v.baselineFinish == 4)
        #expect(v.finish == 6)
        #expect(v.finishVariance == 2)
        #expect(v.lateBy == 1)
        #expect(v.baselineLateBy == nil)
        #expect(!v.planUnchanged)
        // No sidecar then (nil), none now: progress unchanged; a sidecar since: recorded.
        #expect(v.progressUnchanged)
        let withProgress = try Variance.compute(plan: plan, schedule: schedule, baseline: saved, path: "pair.baseline.json",
                                                planHash: nil, progressHash: "0123").get()
        #expect(!withProgress.progressUnchanged)
        func row(_ id: String) -> Variance.TaskVariance? { v.tasks.first { $0.id == id } }
        #expect(row("a")?.startVariance == 0)
        #expect(row("a")?.finishVariance == 1)
        #expect(row("b")?.startVariance == 1)
        #expect(row("b")?.finishVariance == 1)
        #expect(row("side")?.finishVariance == 3)
        #expect(row("end")?.finishVariance == 2)
        #expect(row("fix")?.finishVariance == 1)
        #expect(v.missedTargets.map(\.id) == ["risk"])
        #expect(v.missedTargets.first?.lateBy == 1)
        #expect(v.missedTargets.first?.newlyMissed == true)
        #expect(v.becameCritical == ["side"])
        #expect(Set(v.leftCritical) == ["a", "b"])
    }

    @Test func baselineRoundTripsThroughJSON() throws {
        let (saved, _, _) = try Self.baseline(Self.before)
        let read = try Baseline.decode(saved.encoded(), path: "x").get()
        #expect(read == saved)
        #expect(read.tasksByID["b"]?.earlyStart == 2)
        #expect(read.planHash.hasPrefix("fnv1a64:"))
    }

    /// The file as `JSONOutput` writes it: keys in declaration order, one task per
    /// line, nil as `null`. Dates checked by hand in `varianceOfAKnownPair`.
    @Test func baselineFileHasOneTaskPerLine() throws {
        let (saved, _, _) = try Self.baseline(Self.before)
        #expect(String(decoding: saved.encoded(), as: UTF8.self) == """
            {
              "format": "slipway-baseline",
              "version": 1,
              "name": "default",
              "plan": "Pair",
              "planFile": "pair.yaml",
              "planHash": "\(saved.planHash)",
              "progressHash": null,
              "savedAt": "2025-01-13T09:00:00Z",
              "statusDate": null,
              "finish": 4,
              "deadline": 5,
              "criticalPath": [
                "a",
                "b",
                "end"
              ],
              "tasks": [
                {"id":"a","earlyStart":0,"earlyFinish":2,"duration":2,"totalFloat":0,"critical":true},
                {"id":"fix","earlyStart":2,"earlyFinish":3,"duration":1,"totalFloat":1,"critical":false},
                {"id":"b","earlyStart":2,"earlyFinish":4,"duration":2,"totalFloat":0,"critical":true},
                {"id":"side","earlyStart":0,"earlyFinish":3,"duration":3,"totalFloat":1,"critical":false},
                {"id":"end","earlyStart":4,"earlyFinish":4,"duration":0,"totalFloat":0,"critical":true}
              ],
              "constraints": [
                {"id":"risk","resolved":3,"target":3}
              ]
            }

            """)
    }

    /// Baselines saved before `JSONOutput` wrote them (`JSONEncoder`: keys sorted,
    /// nil values left out, numbers unrounded) still load.
    @Test func baselinesInTheEarlierLayoutStillLoad() throws {
        let text = """
            {
              "constraints" : [
                {
                  "id" : "risk",
                  "resolved" : 3
                }
              ],
              "criticalPath" : [
                "a"
              ],
              "finish" : 2.0000000000000004,
              "format" : "slipway-baseline",
              "name" : "default",
              "plan" : "Pair",
              "planFile" : "pair.yaml",
              "planHash" : "fnv1a64:0123456789abcdef",
              "savedAt" : "2025-01-13T09:00:00Z",
              "tasks" : [
                {
                  "critical" : true,
                  "duration" : 2,
                  "earlyFinish" : 2.0000000000000004,
                  "earlyStart" : 0,
                  "id" : "a",
                  "totalFloat" : 0
                }
              ],
              "version" : 1
            }

            """
        let read = try Baseline.decode(Data(text.utf8), path: "old.baseline.json").get()
        #expect(read.finish == 2.0000000000000004)
        #expect(read.deadline == nil && read.progressHash == nil && read.statusDate == nil)
        #expect(read.constraints.map(\.target) == [nil])
        #expect(read.tasks.map(\.id) == ["a"])
    }

    @Test func fnv1aMatchesPublishedVectors() {
        // FNV-1a 64 test vectors (draft-eastlake-fnv): "" and "a".
        #expect(ContentHash.fnv1a64(Data()) == "fnv1a64:cbf29ce484222325")
        #expect(ContentHash.fnv1a64(Data("a".utf8)) == "fnv1a64:af63dc4c8601ec8c")
    }

    @Test(arguments: [
        ("", "not JSON"),
        ("{\"format\": \"slipway-baseline\"", "not JSON"),
        ("[1, 2]", "wrong kind of value"),
        ("{\"format\": \"slipway-baseline\", \"version\": 1}", "missing"),
    ])
    func damagedBaselinesAreSentencesNotCrashes(text: String, expected: String) {
        guard case .failure(let problem) = Baseline.decode(Data(text.utf8), path: "p.baseline.json") else {
            Issue.record("accepted a damaged baseline"); return
        }
        #expect(problem.message.contains(expected), "\(problem.message)")
        #expect(problem.description.hasPrefix("p.baseline.json: error: "))
    }

    /// A baseline edited to `"earlyFinish": 1e300` was read, and the Gantt chart
    /// trapped converting its weeks to an Int (`render --diagram gantt`, `review`).
    /// Times beyond 10^15 weeks, which no plan reaches, are refused as damage.
    @Test func aBaselineTimeBeyondAnyPlanIsRefused() throws {
        let (saved, _, _) = try Self.baseline(Self.before)
        // The file as edited by hand: the writer would not write 1e300 itself.
        let first = try #require(String(data: saved.encoded(), encoding: .utf8))
        let line = try #require(first.split(separator: "\n").first { $0.contains("\"id\":\"\(saved.tasks[0].id)\"") })
        let edited = first.replacingOccurrences(of: line, with: line.replacingOccurrences(of: "\"earlyFinish\":\(saved.tasks[0].earlyFinish.compact)", with: "\"earlyFinish\":1e300"))
        #expect(edited != first)
        guard case .failure(let problem) = Baseline.decode(Data(edited.utf8), path: "p.baseline.json") else {
            Issue.record("accepted a finish of 1e300 weeks"); return
        }
        #expect(problem.description == "p.baseline.json: error: task '\(saved.tasks[0].id)' has a time beyond 10^15 weeks, which no plan can reach; the file was edited or damaged; save it again with 'slipway baseline save'")
        var finish = saved
        finish.finish = -1e15
        guard case .failure(let p2) = Baseline.decode(finish.encoded(), path: "p") else { Issue.record("accepted a finish of -1e15"); return }
        #expect(p2.message.hasPrefix("the baseline has a time beyond 10^15 weeks"))
        // Just inside the bound it is read: the limit is not a plan's 521,775 weeks,
        // since a schedule's sums of plan times may pass that.
        var far = saved
        far.tasks[0].earlyFinish = 9.9e14
        #expect((try? Baseline.decode(far.encoded(), path: "p").get()) != nil)
    }

    @Test func baselineOfAnotherPlanOrNewerVersionIsRefused() throws {
        let (saved, _, _) = try Self.baseline(Self.before)
        var other = saved
        other.tasks = other.tasks.map { var t = $0; t.id = "x-" + t.id; return t }
        let checked = CheckedPlan.load(text: Self.before)
        let result = Variance.compute(plan: checked.plan!, schedule: checked.schedule!, baseline: other, path: "p", planHash: nil)
        guard case .failure(let problem) = result else { Issue.record("paired with another plan's baseline"); return }
        #expect(problem.message.contains("belongs to another plan"))
        var newer = saved
        newer.version = 99
        guard case .failure(let p2) = Baseline.decode(newer.encoded(), path: "p") else { Issue.record("read a newer version"); return }
        #expect(p2.message.contains("newer slipway"))
    }

    @Test func baselinePathsSitNextToThePlan() {
        #expect(BaselineStore.path(forPlan: "plans/aws-migration.yaml", name: nil) == "plans/aws-migration.baseline.json")
        #expect(BaselineStore.path(forPlan: "plans/aws-migration.yaml", name: "kickoff") == "plans/aws-migration.kickoff.baseline.json")
        #expect(!BaselineStore.isValidName("../x"))
        #expect(!BaselineStore.isValidName("a.b"))
    }

    @Test func aFailedSaveLeavesTheOldBaselineAndNoTemporaryFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("slipway-atomic-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let (saved, _, _) = try Self.baseline(Self.before)
        let path = dir.appendingPathComponent("pair.baseline.json").path
        try BaselineStore.save(saved, to: path)
        let old = try Data(contentsOf: URL(fileURLWithPath: path))
        // The rename step fails when the target name is taken by a non-empty directory.
        let blocked = dir.appendingPathComponent("blocked.baseline.json")
        try FileManager.default.createDirectory(at: blocked.appendingPathComponent("inside"), withIntermediateDirectories: true)
        var changed = saved
        changed.finish = 99
        #expect(throws: (any Error).self) { try BaselineStore.save(changed, to: blocked.path) }
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        #expect(!names.contains { $0.hasSuffix(".tmp") }, "\(names)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == old)
        // A reader racing with saves only ever sees a whole baseline.
        let reader = Thread {
            for _ in 0..<200 {
                if let data = FileManager.default.contents(atPath: path), case .failure = Baseline.decode(data, path: path) {
                    fatalError("saw a partial baseline")
                }
            }
        }
        reader.start()
        for k in 0..<50 {
            changed.finish = Double(k)
            try BaselineStore.save(changed, to: path)
        }
        while !reader.isFinished { usleep(1000) }
        #expect(try Baseline.load(path: path).get().finish == 49)
    }
}
