import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A review page read as XML with Foundation's SAX parser (`XMLParser`): that it
/// parses at all is the well-formedness check; what it collects is what the tests
/// look at. `XMLDocument` is not used: it crashes, rather than throws, on input
/// libxml2 cannot read.
struct XHTMLDocument {
    struct Element {
        var name: String
        var attributes: [String: String]
        /// The `id`s of the enclosing elements, innermost last.
        var ancestors: [String]
    }

    var elements: [Element] = []
    /// All character data outside `<script>` and `<style>`, concatenated with spaces.
    var text = ""
    var scripts: [String] = []
    var styles: [String] = []

    init(_ data: Data) throws {
        let collector = Collector()
        let parser = XMLParser(data: data)
        parser.delegate = collector
        // No external entity is ever fetched.
        parser.shouldResolveExternalEntities = false
        guard parser.parse() else {
            throw collector.error ?? parser.parserError ?? CocoaError(.fileReadCorruptFile)
        }
        elements = collector.elements
        text = collector.text
        scripts = collector.scripts
        styles = collector.styles
    }

    func elements(named name: String) -> [Element] { elements.filter { $0.name == name } }

    /// The ids of the `<section>`s, in document order.
    var sectionIDs: [String] { elements(named: "section").compactMap { $0.attributes["id"] } }

    private final class Collector: NSObject, XMLParserDelegate {
        var elements: [Element] = []
        var text = ""
        var scripts: [String] = []
        var styles: [String] = []
        var stack: [(name: String, id: String?)] = []
        var raw = ""
        var error: Error?

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            elements.append(Element(name: name, attributes: attributes, ancestors: stack.compactMap(\.id)))
            stack.append((name, attributes["id"]))
            raw = ""
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { collect(string) }

        func parser(_ parser: XMLParser, foundCDATA block: Data) { collect(String(decoding: block, as: UTF8.self)) }

        private func collect(_ string: String) {
            switch stack.last?.name {
            case "script", "style": raw += string
            default: text += string
            }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "script" { scripts.append(raw) }
            if name == "style" { styles.append(raw) }
            if name != "script" && name != "style" { text += " " }
            stack.removeLast()
        }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) { error = parseError }
    }
}
