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

/// Golden files: `SLIPWAY_UPDATE_GOLDEN=1 swift test --filter Golden` (or `make golden`) rewrites them.
enum Golden {
    static func check(_ text: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let url = Fixture.directory.appendingPathComponent("Golden").appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["SLIPWAY_UPDATE_GOLDEN"] == "1" {
            try text.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(text == expected, "\(name) differs from its golden file; run 'make golden' and review the diff", sourceLocation: sourceLocation)
    }
}
