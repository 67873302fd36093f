import SlipwayEngine
import SlipwayRendering
import Testing

@Suite struct DiagramStyleTests {
    @Test func wrapBreaksAtSpacesWithinTheWidth() {
        #expect(DiagramStyle.wrap("Implement new messaging layer on EventBridge", width: 20)
                == ["Implement new", "messaging layer on", "EventBridge"])
    }

    @Test func wrapGivesALongWordItsOwnLine() {
        #expect(DiagramStyle.wrap("a supercalifragilistic b", width: 5) == ["a", "supercalifragilistic", "b"])
    }

    @Test func wrapEndsWithAnEllipsisWhenLinesAreLeftOut() {
        #expect(DiagramStyle.wrap("one two three four five", width: 9, maxLines: 2) == ["one two", "three…"])
    }

    @Test func labelsAreEscaped() {
        #expect(DiagramStyle.escapeHTML("a < b & \"c\"") == "a &lt; b &amp; &quot;c&quot;")
        #expect(DiagramStyle.escapeLabel("C:\\path") == "C:\\\\path")
    }
}
