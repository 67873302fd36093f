import CYaml

/// Builds `YAMLNode` trees from libyaml's event stream (the C parser that Yams
/// bundles as its `CYaml` module).
///
/// Why not `Yams.compose`: on a 100,000-task plan (13 MB) it took 2-7 s of the
/// 5 s budget for a whole `slipway schedule` run, building class-backed nodes and
/// resolving tags that the plan reader never uses. Streaming the same events into
/// plain enums takes a fraction of that. The loop is iterative, so deep nesting
/// cannot overflow the stack.
enum YAMLComposer {
    struct Failure: Error {
        var diagnostic: Diagnostic
    }

    /// The first document of `text`, or nil for a stream with no document.
    /// Duplicate keys are reported in `diagnostics` (the first one wins).
    ///
    /// - Complexity: O(*n*) in the size of the text.
    static func compose(_ text: String, diagnostics: inout [Diagnostic]) throws(Failure) -> YAMLNode? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            throw Failure(diagnostic: .error(.malformedYaml, at: nil, "cannot start the YAML parser (out of memory?)"))
        }
        defer { yaml_parser_delete(&parser) }
        var bytes = Array(text.utf8)
        return try bytes.withUnsafeMutableBufferPointer { buffer throws(Failure) -> YAMLNode? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            return try run(&parser, diagnostics: &diagnostics)
        }
    }

    /// An open collection. A class, so that appending to its array mutates the one
    /// buffer in place (an enum payload would be copied on every append).
    private final class Frame {
        let isMapping: Bool
        let location: SourceLocation
        let anchor: String?
        var items: [YAMLNode] = []
        var pairs: [YAMLPair] = []
        var pendingKey: YAMLNode?

        init(isMapping: Bool, location: SourceLocation, anchor: String?) {
            self.isMapping = isMapping
            self.location = location
            self.anchor = anchor
        }

        var node: YAMLNode { isMapping ? .mapping(pairs, location) : .sequence(items, location) }
    }

    private static func run(_ parser: inout yaml_parser_t, diagnostics: inout [Diagnostic]) throws(Failure) -> YAMLNode? {
        var anchors: [String: YAMLNode] = [:]
        var stack: [Frame] = []
        var root: YAMLNode?
        var documents = 0
        var event = yaml_event_t()

        func add(_ node: YAMLNode) {
            guard let top = stack.last else {
                if root == nil { root = node }
                return
            }
            guard top.isMapping else {
                top.items.append(node)
                return
            }
            guard let key = top.pendingKey else {
                top.pendingKey = node
                return
            }
            top.pendingKey = nil
            // Mappings in plans have a handful of keys, so a linear look-up is cheapest.
            if case .scalar(let k) = key, let first = top.pairs.first(where: { if case .scalar(let f) = $0.key { return f.string == k.string } else { return false } }) {
                diagnostics.append(.error(.duplicateKey, at: k.location,
                                          "duplicate key '\(k.string)' in one mapping; each key may appear once (the first is used)",
                                          notes: [.init("'\(k.string)' is first given here", at: first.key.location)]))
            } else {
                top.pairs.append(YAMLPair(key: key, value: node))
            }
        }

        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else {
                throw Failure(diagnostic: parseError(parser))
            }
            defer { yaml_event_delete(&event) }
            let location = SourceLocation(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return root
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents == 2 {
                    diagnostics.append(.warning(.extraDocument, at: location, "the file holds more than one YAML document; only the first is read"))
                }
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                let value = String(decoding: UnsafeBufferPointer(start: scalar.value, count: Int(scalar.length)), as: UTF8.self)
                let node = YAMLNode.scalar(YAMLScalar(string: value, location: location))
                if let anchor = scalar.anchor { anchors[String(cString: anchor)] = node }
                if documents <= 1 { add(node) }
            case YAML_SEQUENCE_START_EVENT:
                stack.append(Frame(isMapping: false, location: location, anchor: event.data.sequence_start.anchor.map { String(cString: $0) }))
            case YAML_MAPPING_START_EVENT:
                stack.append(Frame(isMapping: true, location: location, anchor: event.data.mapping_start.anchor.map { String(cString: $0) }))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let frame = stack.popLast() else { break }
                let node = frame.node
                if let anchor = frame.anchor { anchors[anchor] = node }
                if documents <= 1 { add(node) }
            case YAML_ALIAS_EVENT:
                let name = event.data.alias.anchor.map { String(cString: $0) } ?? ""
                guard let node = anchors[name] else {
                    throw Failure(diagnostic: .error(.malformedYaml, at: location, "malformed YAML: found undefined alias '*\(name)'; define it with '&\(name)' before using it"))
                }
                if documents <= 1 { add(node) }
            default:
                break
            }
        }
    }

    private static func parseError(_ parser: yaml_parser_t) -> Diagnostic {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown error"
        let at = SourceLocation(line: Int(parser.problem_mark.line) + 1, column: Int(parser.problem_mark.column) + 1)
        var notes: [Diagnostic.Note] = []
        if let context = parser.context {
            notes.append(.init(String(cString: context), at: SourceLocation(line: Int(parser.context_mark.line) + 1, column: Int(parser.context_mark.column) + 1)))
        }
        return .error(.malformedYaml, at: at, "malformed YAML: \(problem)", notes: notes)
    }
}

// The diagnostic codes raised here.
extension DiagnosticCode {
    public static let duplicateKey = DiagnosticCode("duplicate-key")
    public static let extraDocument = DiagnosticCode("extra-document")
    public static let malformedYaml = DiagnosticCode("malformed-yaml")
}
