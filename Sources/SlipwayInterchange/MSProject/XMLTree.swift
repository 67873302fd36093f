import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import SlipwayCore

/// A small element tree read with Foundation's SAX `XMLParser`, for the MSPDI
/// importer: what it needs of XML (names, text, children) and no more.
///
/// Why not `XMLDocument`: on Linux it crashes on input libxml2 cannot parse at
/// all (an empty file, an unknown encoding), and it resolves external entities
/// (`<!ENTITY x SYSTEM "file:///etc/passwd">` reads that file into the document).
/// Here a document type that declares entities is refused before parsing (no
/// external entity, no "billion laughs"), external entities are never resolved,
/// and every failure is a located diagnostic.
final class XMLTree {
    final class Element {
        let name: String
        var text = ""
        var children: [Element] = []
        let line: Int
        let column: Int

        init(name: String, line: Int, column: Int) {
            self.name = name
            self.line = line
            self.column = column
        }

        var localName: String { name.split(separator: ":").last.map(String.init) ?? name }
        var stringValue: String { text }

        func elements(forName name: String) -> [Element] { children.filter { $0.localName == name } }
        /// The text of the first child element with this name.
        func value(_ name: String) -> String? { children.first { $0.localName == name }?.text }
        func children(_ container: String, _ name: String) -> [Element] {
            elements(forName: container).first?.elements(forName: name) ?? []
        }
        /// The value of a custom field (`<ExtendedAttribute><FieldID>...`).
        func extended(_ field: String) -> String? {
            elements(forName: "ExtendedAttribute").first { $0.value("FieldID") == field }?.value("Value")
        }
    }

    /// Reads a document, or says where and why it cannot be read.
    ///
    /// - Complexity: O(*n*) in the size of the text.
    enum Parsed {
        case document(Element)
        case failed(Diagnostic)
    }

    static func parse(_ text: String) -> Parsed {
        if text.allSatisfy(\.isWhitespace) {
            return .failed(.error(.malformedXml, at: SourceLocation(line: 1, column: 1), "the file is empty; Microsoft Project XML starts with <Project>"))
        }
        if let declaration = entityDeclaration(in: text) {
            return .failed(.error(.xmlEntities, at: declaration,
                                   "the document type declares entities; Slipway does not expand or load them (they can read other files or expand without bound), so remove the <!DOCTYPE ...> block"))
        }
        let delegate = Builder()
        let parser = XMLParser(data: Data(text.utf8))
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        parser.delegate = delegate
        let ok = parser.parse()
        if !ok || delegate.failure != nil {
            let line = max(1, delegate.failure?.line ?? parser.lineNumber), column = max(1, delegate.failure?.column ?? parser.columnNumber)
            let reason = delegate.failure?.message ?? parser.parserError.map { describe($0) } ?? "the XML is malformed"
            return .failed(.error(.malformedXml, at: SourceLocation(line: line, column: column), "the file is not well-formed XML: \(reason)"))
        }
        // Foundation's parser can end without complaint on a file cut short:
        // elements still open at the end mean the file is truncated.
        if let open = delegate.stack.last {
            return .failed(.error(.malformedXml, at: SourceLocation(line: max(1, open.line), column: max(1, open.column)),
                                  "the file ends before <\(open.localName)> is closed (truncated?)"))
        }
        guard let root = delegate.root else {
            return .failed(.error(.malformedXml, at: SourceLocation(line: 1, column: 1), "the file holds no XML element"))
        }
        return .document(root)
    }

    /// Where a `<!ENTITY` declaration is, when the text has a document type.
    static func entityDeclaration(in text: String) -> SourceLocation? {
        guard text.range(of: "<!DOCTYPE", options: .caseInsensitive) != nil,
              let entity = text.range(of: "<!ENTITY", options: .caseInsensitive) else { return nil }
        let before = text[..<entity.lowerBound]
        let line = before.reduce(1) { $0 + ($1 == "\n" ? 1 : 0) }
        let column = before.count - (before.lastIndex(of: "\n").map { before.distance(from: before.startIndex, to: $0) + 1 } ?? 0) + 1
        return SourceLocation(line: line, column: column)
    }

    static func describe(_ error: Error) -> String {
        let code = (error as NSError).code
        switch code {
        case 4: return "the document is empty"
        case 5: return "the file ends before the document does (truncated?)"
        case 9: return "a character is not allowed in XML (or the encoding is not one XML knows)"
        case 76: return "an element is not closed"
        case 77: return "an end tag does not match its start tag"
        default: return "parser error \(code)"
        }
    }

    /// Builds the tree from SAX events; refuses entity declarations that slip
    /// through (`foundInternalEntityDeclarationWithName`).
    private final class Builder: NSObject, XMLParserDelegate {
        var root: Element?
        var stack: [Element] = []
        var failure: (line: Int, column: Int, message: String)?

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            let element = Element(name: elementName, line: parser.lineNumber, column: parser.columnNumber)
            if let parent = stack.last { parent.children.append(element) } else if root == nil { root = element }
            stack.append(element)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            _ = stack.popLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.text += string
        }

        func parser(_ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?) {
            refuse(parser, "the document declares the entity '\(name)'; Slipway does not expand entities")
        }

        func parser(_ parser: XMLParser, foundExternalEntityDeclarationWithName name: String, publicID: String?, systemID: String?) {
            refuse(parser, "the document declares the external entity '\(name)'; Slipway never loads external entities")
        }

        private func refuse(_ parser: XMLParser, _ message: String) {
            if failure == nil { failure = (parser.lineNumber, parser.columnNumber, message) }
            parser.abortParsing()
        }
    }
}

// The diagnostic codes raised here.
extension DiagnosticCode {
    public static let xmlEntities = DiagnosticCode("xml-entities")
}
