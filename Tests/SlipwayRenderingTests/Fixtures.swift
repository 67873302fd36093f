import Foundation
import SlipwayEngine
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

    /// The layered plan of the benchmarks (`SyntheticPlan.layered`).
    static func generatedPlan(tasks count: Int) -> String { SyntheticPlan.layered(tasks: count) }
}
