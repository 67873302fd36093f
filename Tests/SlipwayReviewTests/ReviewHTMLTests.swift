import Foundation
import Testing
import SlipwayCore
import SlipwayScheduling
import SlipwayReview

/// The review page without a browser: it parses as XML, its sections come in
/// order, it links to nothing outside itself but documentation, and text from a
/// plan is shown, never run.
struct ReviewHTMLTests {
    static let sectionIDs = ReviewSection.allCases.map(\.rawValue)

    @Test func theAWSPackIsWellFormedWithEverySectionInOrder() throws {
        let html = ReviewHTML.render(try ReviewFixtures.awsPack())
        let page = try XHTMLDocument(Data(html.utf8))
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">"))
        #expect(page.sectionIDs == Self.sectionIDs)
        // Every diagram the AWS plan has: risk, fever, trend, Gantt, network, constraint map.
        let svgs = page.elements(named: "svg")
        #expect(svgs.count == 6)
        #expect(Set(svgs.compactMap { $0.ancestors.first { $0.hasPrefix("figure-") } })
                == ["figure-risk", "figure-fever", "figure-trend", "figure-gantt", "figure-network", "figure-constraint-map"])
        // Graphviz numbers its ids afresh in each file: the page prefixes them, so none repeats.
        let ids = page.elements.compactMap { $0.attributes["id"] }
        #expect(ids.count == Set(ids).count, "duplicate ids: \(Dictionary(grouping: ids, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted().prefix(5))")
        // The register lists every constraint, the options are compared, the gate shows its criteria.
        let plan = try ReviewFixtures.awsPack().plan
        for c in plan.constraints { #expect(page.text.contains(c.title), "\(c.id) missing from the page") }
        #expect(page.text.contains("nats-protocol = hybrid"))
        #expect(page.text.contains("0 of 6 criteria met"))
        #expect(page.scripts.count == 1 && page.scripts[0].contains("table.sortable"))
    }

    @Test func theAWSPackLinksToNothingButDocumentation() throws {
        let html = ReviewHTML.render(try ReviewFixtures.awsPack())
        let page = try XHTMLDocument(Data(html.utf8))
        #expect(Self.externalAddresses(page).isEmpty, "\(Self.externalAddresses(page))")
        // Every "://" in the file is a namespace name or a documentation link's address.
        let allowed = page.elements.flatMap { e in e.attributes.filter { Self.isNamespace($0.key) || (e.name == "a" && e.attributes["class"] == "doc" && $0.key == "href") }.values }
        #expect(html.components(separatedBy: "://").count - 1 == allowed.filter { $0.contains("://") }.count)
        #expect(!page.styles.joined().contains("url(") && !page.styles.joined().contains("@import") && !page.styles.joined().contains("@font-face"))
    }

    /// What a page would fetch or send the reader to outside itself: any `src`,
    /// any address attribute that is not a fragment or a documentation link.
    static func externalAddresses(_ page: XHTMLDocument) -> [String] {
        var found: [String] = []
        for e in page.elements {
            for (key, value) in e.attributes {
                if key == "src" || key == "srcset" || key == "action" || key == "data" || key == "poster" { found.append("\(e.name) \(key)=\(value)") }
                if key == "href" || key == "xlink:href" {
                    let doc = e.name == "a" && e.attributes["class"] == "doc" && (value.hasPrefix("https://") || value.hasPrefix("http://"))
                    if !value.hasPrefix("#") && !doc { found.append("\(e.name) \(key)=\(value)") }
                }
                if key == "style" && value.contains("url(") { found.append("\(e.name) style=\(value)") }
            }
        }
        return found
    }

    static func isNamespace(_ attribute: String) -> Bool { attribute == "xmlns" || attribute.hasPrefix("xmlns:") }

    static let hostile = """
        plan: "<script>alert(\\"plan\\")</script> & 'Co'"
        start: 2025-01-13
        deadline: 3w
        owners:
          - {id: dev, name: "Dev \\"<b>\\" team", rate: 100}
        constraints:
          - id: c1
            title: "</td></tr><script>alert('c1')</script>"
            severity: high
            status: "<em>open</em>"
            target: week 1
            links: ["javascript:alert(1)", "https://example.org/docs?a=1&b=2"]
            mitigations:
              - {id: m1, title: "<img src=x onerror=alert(1)>", duration: 1-3w, owner: dev}
        tasks:
          - id: gate
            title: "Gate <i>\\"quoted\\"</i>"
            milestone: true
            after: [c1]
            criteria: ["<b>bold</b> & \\"done\\""]
        """

    @Test func textFromThePlanIsShownNeverRun() throws {
        let pack = try ReviewFixtures.pack(inputs: .init(text: Self.hostile))
        let html = ReviewHTML.render(pack)
        let page = try XHTMLDocument(Data(html.utf8))
        #expect(page.sectionIDs == Self.sectionIDs)
        // The page's own script is the only one; nothing from the plan became an element or a handler.
        #expect(page.elements(named: "script").count == 1)
        #expect(page.elements(named: "img").isEmpty && page.elements(named: "b").isEmpty && page.elements(named: "em").isEmpty
                && page.elements(named: "i").isEmpty)
        #expect(!page.elements.contains { $0.attributes.keys.contains { $0.hasPrefix("on") } })
        // The text reads as written.
        for written in ["<script>alert(\"plan\")</script> & 'Co'", "</td></tr><script>alert('c1')</script>", "<img src=x onerror=alert(1)>",
                        "Gate <i>\"quoted\"</i>", "<b>bold</b> & \"done\"", "<em>open</em>"] {
            #expect(page.text.contains(written), "\(written) not shown as text")
        }
        #expect(html.contains("&lt;script&gt;alert(&quot;plan&quot;)&lt;/script&gt; &amp; 'Co'") || html.contains("&lt;script&gt;alert(\"plan\")&lt;/script&gt; &amp; 'Co'"))
        // Only the http(s) link is a link; `javascript:` is not.
        let links = page.elements(named: "a").filter { $0.attributes["class"] == "doc" }.compactMap { $0.attributes["href"] }
        #expect(links == ["https://example.org/docs?a=1&b=2"])
        #expect(Self.externalAddresses(page).isEmpty)
    }

    /// No estimate that varies, no risk, no owner, no option, no constraint: every
    /// section is still there, and says what it lacks.
    @Test func aBarePlanStillHasEverySection() throws {
        let pack = try ReviewFixtures.pack(inputs: .init(text: "plan: Bare\ntasks:\n  - {id: a, duration: 2w}\n  - {id: b, duration: 1w, after: [a]}\n"))
        #expect(pack.simulation == nil && pack.leveled == nil && pack.comparison.isEmpty && pack.changes == nil)
        let page = try XHTMLDocument(Data(ReviewHTML.render(pack).utf8))
        #expect(page.sectionIDs == Self.sectionIDs)
        #expect(page.text.contains("The plan has no options or scenarios to compare."))
        #expect(page.text.contains("nothing to simulate"))
        #expect(page.text.contains("nothing to compare with yet"))
        // Fixed estimates: no buffer to size by rsse, and the headline says why.
        #expect(page.text.contains("Project buffer: none, since no estimate on the critical chain varies"))
        #expect(page.text.contains("Earned value: needs a saved baseline"))
        // Trend, Gantt, network and constraint map: no risk chart without a simulation, no fever chart without a buffer.
        #expect(page.elements(named: "svg").count == 4)
    }

    @Test func theSamePlanGivesTheSameBytes() throws {
        let inputs = ReviewPack.Inputs(text: Self.hostile)
        #expect(ReviewHTML.render(try ReviewFixtures.pack(inputs: inputs)) == ReviewHTML.render(try ReviewFixtures.pack(inputs: inputs)))
    }
}

/// Without --iterations a plan leveled in every iteration gets as many as the
/// node-iteration budget allows, and the pack says so; a small plan, or one no
/// owner bounds, gets the full 10,000.
struct ReviewIterationTests {
    @Test func aLargeLeveledPlanGetsFewerIterationsAndThePackSaysSo() throws {
        let large = try #require(CheckedPlan.load(text: SyntheticPlan.withOwners(tasks: 3_000, seed: 1)).plan)
        let settings = ReviewPack.Settings.default(for: large)
        // 25,000,000 / 3,000 nodes.
        #expect(settings.iterations == 8_333 && settings.reducedFrom == 10_000)
        let aws = try #require(CheckedPlan.load(path: ReviewFixtures.awsPlanPath).plan)
        #expect(ReviewPack.Settings.default(for: aws).iterations == 10_000 && ReviewPack.Settings.default(for: aws).reducedFrom == nil)
        let unowned = try #require(CheckedPlan.load(text: SyntheticPlan.layered(tasks: 3_000)).plan)
        #expect(ReviewPack.Settings.default(for: unowned).iterations == 10_000)
        let pack = try ReviewFixtures.pack(inputs: .init(text: ReviewHTMLTests.hostile), settings: .init(iterations: 300, reducedFrom: 10_000))
        let page = try XHTMLDocument(Data(ReviewHTML.render(pack).utf8))
        #expect(page.text.contains("300 iterations (fewer than 10,000 for a plan of 2 tasks leveled in every iteration; --iterations sets them)"))
    }
}
