import Foundation
import SlipwayEngine
import SlipwayCore
import SlipwayInterchange
import SlipwayScheduling
import Testing

/// Files next to the tests, found from this source file so that `swift test` works from any directory.
enum Fixture {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

    static func url(_ name: String) -> URL { directory.appendingPathComponent("Fixtures").appendingPathComponent(name) }

    static func text(_ name: String) throws -> String { try String(contentsOf: url(name), encoding: .utf8) }

    /// The seed tracker: the fixture copy, so that the tests do not need `shared/` beside the clone.
    static func seed() throws -> String { try text("aws-migration-constraint-tracker.md") }

    static func scheduled(_ name: String) throws -> (Plan, Schedule) {
        try scheduled(text: text(name))
    }

    static func scheduled(text: String) throws -> (Plan, Schedule) {
        let checked = CheckedPlan.load(text: text)
        #expect(!checked.diagnostics.hasErrors, "\(checked.diagnostics.map { $0.rendered(path: "plan") })")
        return (try #require(checked.plan), try #require(checked.schedule))
    }

    static func importedSeed() throws -> Interchange.Imported {
        Interchange.importTracker(text: try seed(), source: "aws-migration-constraint-tracker.md")
    }
}
