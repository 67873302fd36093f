import Testing
import SlipwayEngine
import SlipwayCore
@testable import SlipwayInterchange

/// Malformed and hostile MS Project files (issue 13): every one is refused with a
/// located error and nothing imported — no crash, no external entity read, no
/// entity expansion, no partial plan.
struct MSPDIHardeningTests {
    @Test(arguments: [
        ("", "1:1", "malformed-xml"),
        ("   \n", "1:1", "malformed-xml"),
        ("<?xml version=\"1.0\" encoding=\"klingon\"?>\n<Project/>", "1:", "malformed-xml"),
        ("<?xml version=\"1.0\"?>\n<Project><Title>abc</Title><Tasks><Task>", "2:", "malformed-xml"),
        ("<?xml version=\"1.0\"?>\n<!DOCTYPE p [\n<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n<Project><Title>&xxe;</Title></Project>", "3:1", "xml-entities"),
        ("<?xml version=\"1.0\"?>\n<!DOCTYPE l [<!ENTITY a \"lol\"><!ENTITY b \"&a;&a;&a;&a;&a;\">]>\n<Project><Title>&b;</Title></Project>", "2:", "xml-entities"),
        ("<?xml version=\"1.0\"?>\n<Schedule/>", "2:", "not-mspdi"),
    ])
    func malformedFilesAreRefusedAtTheirPlace(xml: String, at: String, code: String) {
        guard case .failed(let diagnostic) = MSPDIImport.run(xml: xml) else {
            Issue.record("imported a file it should refuse: \(xml.prefix(60))")
            return
        }
        #expect(diagnostic.severity == .error && diagnostic.id == code, "\(diagnostic)")
        let location = diagnostic.location.map { "\($0.line):\($0.column)" } ?? "none"
        #expect(location.hasPrefix(at), "\(location): \(diagnostic.message)")
        #expect(!diagnostic.message.contains("root:"), "no file contents in the message")
    }

    /// Through the entry point the command uses: nothing is produced to write.
    @Test func nothingIsWrittenForARefusedFile() {
        let imported = Interchange.importMSPDI(text: "<?xml version=\"1.0\"?>\n<Project><Tasks>", source: "cut.xml")
        #expect(imported.yaml == nil && imported.plan == nil)
        #expect(imported.diagnostics.first?.location?.line == 2)
    }
}
