import SlipwayCore

/// Writes XHTML-compatible markup: every element closed, void elements written
/// `<br/>`, every attribute quoted, and every piece of text escaped through
/// `EntityEscape`, so that the page parses as XML as well as HTML and text from
/// a plan (`<script>`, quotes, ampersands) is shown as text, never run.
///
/// Text goes in only through `text(_:)` and attribute values; markup only through
/// the element methods and `raw(_:)`, which takes output of Slipway's own
/// (the style sheet, the script, Graphviz's SVG).
struct HTMLWriter {
    private(set) var output = ""

    init(capacity: Int = 1 << 16) { output.reserveCapacity(capacity) }

    typealias Attributes = [(name: String, value: String)]

    mutating func raw(_ markup: String) { output += markup }

    mutating func text(_ s: String) { output += EntityEscape.escape(s, apostrophe: false) }

    mutating func open(_ name: String, _ attributes: Attributes = []) {
        output += "<" + name
        for (key, value) in attributes { output += " \(key)=\"\(EntityEscape.escape(value, apostrophe: false))\"" }
        output += ">"
    }

    mutating func close(_ name: String) { output += "</\(name)>" }

    /// An element around what `content` writes.
    mutating func element(_ name: String, _ attributes: Attributes = [], _ content: (inout HTMLWriter) -> Void) {
        open(name, attributes)
        content(&self)
        close(name)
    }

    /// An element holding text.
    mutating func element(_ name: String, _ attributes: Attributes = [], text: String) {
        open(name, attributes)
        self.text(text)
        close(name)
    }

    /// A void element: `<meta charset="utf-8"/>`.
    mutating func void(_ name: String, _ attributes: Attributes = []) {
        output += "<" + name
        for (key, value) in attributes { output += " \(key)=\"\(EntityEscape.escape(value, apostrophe: false))\"" }
        output += "/>"
    }

    mutating func newline() { output += "\n" }
}
