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
        var body = String(svg[start.lowerBound...])
        while let open = body.range(of: "<!--"), let close = body.range(of: "-->", range: open.upperBound..<body.endIndex) {
            body.removeSubrange(open.lowerBound..<close.upperBound)
        }
        body = body.replacingOccurrences(of: " id=\"", with: " id=\"\(prefix)-")
            .replacingOccurrences(of: "url(#", with: "url(#\(prefix)-")
            .replacingOccurrences(of: "href=\"#", with: "href=\"#\(prefix)-")
        let attributes = " class=\"diagram\" role=\"img\" aria-label=\"\(EntityEscape.escape(label, apostrophe: false))\""
        body.replaceSubrange(body.startIndex..<body.index(body.startIndex, offsetBy: 4), with: "<svg" + attributes)
        return body.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
