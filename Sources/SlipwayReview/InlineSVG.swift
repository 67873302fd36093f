import Foundation
import SlipwayCore

/// Graphviz's SVG made fit to sit inside a page: the XML declaration, the
/// DOCTYPE (which names a DTD on the web) and comments are dropped; every `id`
/// gets a prefix, since Graphviz numbers `graph0`, `node1`, `edge1` afresh in
/// each file and a page holds several; the root gets a class and a label.
enum InlineSVG {
    /// - Complexity: O(*n*) in the length of the SVG.
    static func embed(_ svg: String, prefix: String, label: String) -> String? {
        guard let start = svg.range(of: "<svg") else { return nil }
        var body = withoutComments(svg[start.lowerBound...])
        body = body.replacingOccurrences(of: " id=\"", with: " id=\"\(prefix)-")
            .replacingOccurrences(of: "url(#", with: "url(#\(prefix)-")
            .replacingOccurrences(of: "href=\"#", with: "href=\"#\(prefix)-")
        let attributes = " class=\"diagram\" role=\"img\" aria-label=\"\(EntityEscape.escape(label, apostrophe: false))\""
        body.replaceSubrange(body.startIndex..<body.index(body.startIndex, offsetBy: 4), with: "<svg" + attributes)
        return body.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The text without its `<!-- ... -->` comments (an unclosed one is kept), in one
    /// pass over the bytes: Graphviz writes a comment per node and edge, and
    /// removing them one search at a time was quadratic (5 s for the fever chart
    /// of a 5,000-task plan's 720 buffers).
    ///
    /// - Complexity: O(*n*) in the length of the text.
    static func withoutComments(_ text: Substring) -> String {
        let bytes = Array(text.utf8)
        var kept: [UInt8] = []
        kept.reserveCapacity(bytes.count)
        let open: [UInt8] = Array("<!--".utf8), close: [UInt8] = Array("-->".utf8)
        func matches(_ pattern: [UInt8], at k: Int) -> Bool {
            k + pattern.count <= bytes.count && bytes[k..<(k + pattern.count)].elementsEqual(pattern)
        }
        var k = 0
        while k < bytes.count {
            if bytes[k] == open[0], matches(open, at: k) {
                var end = k + open.count
                while end < bytes.count && !matches(close, at: end) { end += 1 }
                if end < bytes.count {
                    k = end + close.count
                    continue
                }
                // Unclosed: the rest is kept as it is.
                kept.append(contentsOf: bytes[k...])
                break
            }
            kept.append(bytes[k])
            k += 1
        }
        return String(decoding: kept, as: UTF8.self)
    }
}
