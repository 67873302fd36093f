import SlipwayEngine
import SlipwayCore
import SlipwayInterchange
import SlipwayScheduling
import SlipwayTestSupport
import Testing

/// Every export of the links fixture and the seed's import, against reviewed files.
/// Regenerate with `make golden` (SLIPWAY_UPDATE_GOLDEN=1) and review the diff.
@Suite struct GoldenTests {
    @Test(arguments: ExportFormat.allCases)
    func exportMatchesGolden(format: ExportFormat) throws {
        let (plan, schedule) = try Fixture.scheduled("links.yaml")
        let text = try #require(Interchange.export(plan: plan, schedule: schedule, format: format).text)
        let suffix = ["tracker": "md", "mspdi": "xml", "tjp": "tjp", "mermaid": "md", "csv": "csv", "ics": "ics"][format.rawValue]!
        Golden.check(text, against: "links-\(format.rawValue).\(suffix)")
    }

    @Test func seedImportMatchesGolden() throws {
        Golden.check(try #require(try Fixture.importedSeed().yaml), against: "aws-migration-tracker.yaml")
    }

    @Test func seedTrackerExportMatchesGolden() throws {
        let (plan, schedule) = try Fixture.scheduled(text: try #require(try Fixture.importedSeed().yaml))
        Golden.check(try #require(TrackerExport.render(plan: plan, schedule: schedule).text), against: "aws-migration-tracker.export.md")
    }
}
