import Foundation
import Testing
import SlipwayEngine
import SlipwayCore
import SlipwayScheduling

/// Each file in Fixtures/invalid is a broken plan that states, in its own comments,
/// the diagnostics it must produce:
///
///     # expect: LINE:COL error ID: message
///     # expect-note: LINE:COL message      (a note of the expectation above)
///
/// The test loads the file and compares every error, in order, with the list.
struct PlanValidationTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/invalid")

    static var fixtures: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
    }

    struct Expected: Equatable, CustomStringConvertible {
        var location: String
        var text: String
        var notes: [String] = []
        var description: String { ([location + " " + text] + notes).joined(separator: "\n  note ") }
    }

    static func expectations(in text: String) -> [Expected] {
        var result: [Expected] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("# expect: ") {
                let body = line.dropFirst("# expect: ".count)
                let space = body.firstIndex(of: " ")!
                result.append(Expected(location: String(body[..<space]), text: String(body[body.index(after: space)...])))
            } else if line.hasPrefix("# expect-note: ") {
                result[result.count - 1].notes.append(String(line.dropFirst("# expect-note: ".count)))
            }
        }
        return result
    }

    static func actual(_ diagnostics: [Diagnostic]) -> [Expected] {
        diagnostics.errors.map { d in
            Expected(location: d.location.map { "\($0.line):\($0.column)" } ?? "-",
                     text: "error \(d.id): \(d.message)",
                     notes: d.notes.map { n in "\(n.location.map { "\($0.line):\($0.column)" } ?? "-") \(n.message)" })
        }
    }

    @Test func everyFixtureStatesItsDiagnostics() {
        #expect(Self.fixtures.count >= 20)
    }

    @Test(arguments: fixtures)
    func invalidPlanReportsExactlyItsExpectedErrors(_ name: String) throws {
        let text = try String(contentsOf: Self.directory.appendingPathComponent(name), encoding: .utf8)
        let expected = Self.expectations(in: text)
        #expect(!expected.isEmpty, "\(name) states no expectation")
        let checked = CheckedPlan.load(text: text)
        #expect(checked.schedule == nil, "\(name) must not schedule")
        #expect(Self.actual(checked.diagnostics) == expected)
    }
}
