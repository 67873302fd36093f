import Foundation
import SlipwayCore
import SlipwayScheduling

/// The plans the rendering tests draw.
enum Fixtures {
    static func url(_ name: String) -> URL {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent(name)
    }

    /// Loads and schedules a fixture plan, failing loudly when it is not valid.
    static func scheduled(_ name: String) throws -> (Plan, Schedule) {
        try scheduled(text: String(contentsOf: url(name), encoding: .utf8))
    }

    static func scheduled(text: String) throws -> (Plan, Schedule) {
        let checked = CheckedPlan.load(text: text)
        guard let plan = checked.plan, let schedule = checked.schedule else {
            throw FixtureError(description: checked.diagnostics.map { $0.rendered(path: "fixture") }.joined(separator: "\n"))
        }
        return (plan, schedule)
    }

    struct FixtureError: Error, CustomStringConvertible {
        var description: String
    }

    /// A layered plan of `count` tasks in four phases, with about 2.3 links per
    /// task and a constraint mitigated by every 25th task; the same text every run
    /// (a fixed linear congruential sequence).
    static func generatedPlan(tasks count: Int) -> String {
        var state: UInt64 = 0x5EED
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        let severities = ["critical", "high", "medium", "low"]
        var text = "plan: Generated \(count)\nphases:\n"
        for p in 0..<4 { text += "  - id: p\(p)\n    weeks: \(p * 10 + 1)-\(p * 10 + 10)\n" }
        var constraints = "constraints:\n"
        var tasks = "tasks:\n"
        for i in 0..<count {
            var entry = "  - id: t\(i)\n    title: Generated task number \(i) of the synthetic plan\n"
            entry += "    duration: \(1 + next(3))w\n    phase: p\(min(3, i * 4 / count))\n"
            if i > 0 {
                let links = Set((0..<(1 + next(3))).map { _ in max(0, i - 1 - next(min(i, 40))) })
                entry += "    after: [\(links.sorted().map { "t\($0)" }.joined(separator: ", "))]\n"
            }
            if i % 25 == 0 {
                constraints += "  - id: c\(i)\n    title: Generated constraint \(i)\n    severity: \(severities[(i / 25) % 4])\n"
                constraints += "    category: cat\((i / 25) % 3)\n    mitigations:\n"
                constraints += entry.split(separator: "\n").map { "    \($0)\n" }.joined()
            } else {
                tasks += entry
            }
        }
        return text + constraints + tasks
    }
}
