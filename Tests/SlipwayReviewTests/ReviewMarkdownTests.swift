import Foundation
import Testing
import SlipwayCore
import SlipwayScheduling
import SlipwayReview
import SlipwayTestSupport

/// The Markdown summary for a pull request: golden for the AWS plan, with the
/// figures a reader checks by hand asserted too, so that a golden file
/// regenerated from a bug does not pass unseen.
struct ReviewMarkdownTests {
    @Test func theAWSSummaryMatchesGolden() throws {
        let text = ReviewMarkdown.render(try ReviewFixtures.awsPack())
        Golden.check(text, against: "aws-migration-review.md")
        #expect(text.contains("- **Finish by the links: week 12.5 (2025-04-09); deadline week 12: LATE by 0.5 weeks**\n"))
        #expect(text.contains("- **Leveled by owner capacity: week 13.5 (2025-04-16); deadline week 12: LATE by 1.5 weeks**\n"))
        #expect(text.contains("- Cost: 54,090 USD of a 50,000 budget: over by 4,090\n"))
        // Seven targets are missed by the links (README, "What the AWS plan says"),
        // and the Aurora connections' one only once owners' capacities count.
        let late = text.components(separatedBy: "### Constraints late against their target")[1].components(separatedBy: "\n## ")[0]
            .split(separator: "\n").filter { $0.hasPrefix("| ") && !$0.hasPrefix("| Constraint") }
        #expect(late.count == 8)
        #expect(late.filter { $0.contains("w leveled |") }.map { $0.contains("(`aurora-connections`)") } == [true])
        #expect(text.contains("```mermaid\ngantt\n"))
        #expect(text.contains("| nats-protocol = hybrid |"))
    }

    @Test func textFromThePlanIsEscapedForMarkdown() throws {
        let text = ReviewMarkdown.render(try ReviewFixtures.pack(inputs: .init(text: ReviewHTMLTests.hostile)))
        #expect(!text.contains("<script>") && !text.contains("<img") && !text.contains("<b>"))
        #expect(text.contains("# Review: &lt;script&gt;alert(\"plan\")&lt;/script&gt; & 'Co'\n"))
        // A bar in a title would end a table cell: constraint titles end up in the late table.
        #expect(text.contains("&lt;/td&gt;&lt;/tr&gt;&lt;script&gt;alert('c1')&lt;/script&gt; (`c1`)"))
    }
}
