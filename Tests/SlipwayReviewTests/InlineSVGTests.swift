import Testing
@testable import SlipwayReview

/// Graphviz's comments leave the inline SVG in one pass, as the old search-and-remove
/// loop left them, and an unclosed comment is kept as it is.
struct InlineSVGTests {
    /// The loop `embed` used before (quadratic), as the reference.
    static func naive(_ text: String) -> String {
        var body = text
        while let open = body.range(of: "<!--"), let close = body.range(of: "-->", range: open.upperBound..<body.endIndex) {
            body.removeSubrange(open.lowerBound..<close.upperBound)
        }
        return body
    }

    @Test(arguments: [
        "<svg><!-- a --><g/><!--b--></svg>",
        "<svg><!-- unclosed <g/></svg>",
        "<svg><!-- a --><!-- b --><!-- c",
        "<!----><!-->--><svg/>",
        "no comment at all, é ü",
        "<svg><!-- é --><text>ü</text>--></svg>",
    ])
    func commentsLeaveAsTheyDidBefore(_ text: String) {
        #expect(InlineSVG.withoutComments(Substring(text)) == Self.naive(text))
    }

    @Test func manyCommentsLeaveInOnePass() {
        let text = String(repeating: "<!-- node -->\n<g class=\"node\"><text>x</text></g>\n", count: 20_000)
        let stripped = InlineSVG.withoutComments(Substring(text))
        #expect(!stripped.contains("<!--") && stripped.components(separatedBy: "<g class").count == 20_001)
    }
}
