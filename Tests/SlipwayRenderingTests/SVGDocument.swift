import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The parts of a Graphviz SVG the tests look at: every `<g>` group (node, edge,
/// cluster) with its class, its `<title>` (the node name, `tail->head`, or the
/// cluster name) and the stroke colours drawn inside it. Parsing the file as XML
/// also checks that it is well-formed.
struct SVGDocument {
    struct Group {
        var classes: Set<String>
        var title: String
        var strokes: [String]
        var strokeWidths: [String]
    }

    var groups: [Group] = []

    init(_ data: Data) throws {
        let collector = Collector()
        let parser = XMLParser(data: data)
        parser.delegate = collector
        guard parser.parse() else {
            throw collector.error ?? parser.parserError ?? CocoaError(.fileReadCorruptFile)
        }
        groups = collector.groups
    }

    func groups(withClass name: String) -> [Group] { groups.filter { $0.classes.contains(name) } }
    var nodes: [Group] { groups(withClass: "node") }
    var edges: [Group] { groups(withClass: "edge") }
    var clusters: [Group] { groups(withClass: "cluster") }

    private final class Collector: NSObject, XMLParserDelegate {
        var groups: [Group] = []
        var open: [Group?] = []
        var inTitle = false
        var error: Error?

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            switch name {
            case "g":
                let classes = Set((attributes["class"] ?? "").split(separator: " ").map(String.init))
                open.append(Group(classes: classes, title: "", strokes: [], strokeWidths: []))
            case "title":
                inTitle = true
            default:
                guard let last = open.indices.last, open[last] != nil else { return }
                if let stroke = attributes["stroke"] { open[last]!.strokes.append(stroke) }
                if let width = attributes["stroke-width"] { open[last]!.strokeWidths.append(width) }
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard inTitle, let last = open.indices.last, open[last] != nil else { return }
            open[last]!.title += string
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            switch name {
            case "g":
                if let group = open.popLast(), let group { groups.append(group) }
            case "title":
                inTitle = false
            default:
                break
            }
        }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) { error = parseError }
    }
}
