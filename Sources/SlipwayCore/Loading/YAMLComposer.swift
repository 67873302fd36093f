import CYaml
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Builds a `YAMLTree` from libyaml's event stream (the C parser that Yams
/// bundles as its `CYaml` module), in one pass that also refuses alias bombs.
///
/// Why not `Yams.compose`: on a 100,000-task plan (13 MB) it took 2-7 s of the
/// 5 s budget for a whole `slipway schedule` run, building class-backed nodes and
/// resolving tags that the plan reader never uses. Streaming the same events into
/// flat arrays takes a fraction of that. The loop is iterative, so deep nesting
/// cannot overflow the stack.
///
/// Alias bombs: an alias stands for the whole node it names, so nine lists of
/// nine aliases each are 9^9 nodes in 200 bytes (the "billion laughs" attack).
/// The tree itself never copies a node, but a reader walking it would visit every
/// copy and never end. So while composing, each node counts toward the expanded
/// size: an anchored node remembers its size, and an alias adds the size of what
/// it names. Past `nodeLimit` the text is refused at the event that crossed it.
enum YAMLComposer {
    struct Failure: Error {
        var diagnostic: Diagnostic
    }

    /// The first document of `text`, or nil for a stream with no document.
    /// Duplicate keys are reported in `diagnostics` (the first one wins).
    ///
    /// - Parameter nodeLimit: the most nodes the document may stand for with its
    ///   aliases expanded (every document of the stream counts). Only text with
    ///   a `*` in it is counted, since only it can hold an alias.
    /// - Throws: malformed YAML, an undefined alias, or an expansion past `nodeLimit`.
    /// - Complexity: O(*n*) in the size of the text, plus O(*k*) for each key of a
    ///   mapping of *k* keys up to 16 (the duplicate check), expected O(1) beyond.
    static func compose(_ text: String, diagnostics: inout [Diagnostic], nodeLimit: Int = .max) throws(Failure) -> YAMLNode? {
        try compose(text, diagnostics: &diagnostics, nodeLimit: nodeLimit, fastPath: true)
    }

    /// `compose(_:diagnostics:nodeLimit:)`, reading the text with libyaml only
    /// when `fastPath` is false or `YAMLFastPath` gives up (the tests compare the two).
    static func compose(_ text: String, diagnostics: inout [Diagnostic], nodeLimit: Int, fastPath: Bool) throws(Failure) -> YAMLNode? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            throw Failure(diagnostic: .error(.malformedYaml, at: nil, "cannot start the YAML parser (out of memory?)"))
        }
        defer { yaml_parser_delete(&parser) }
        // Offsets and indices are 32-bit; the plan loader refuses files far smaller.
        let bytes = text.utf8.count
        guard bytes < Int(UInt32.max / 4) else {
            throw Failure(diagnostic: .error(.inputTooLarge, at: nil, "the YAML text has \(bytes) bytes, more than can be read"))
        }
        var text = text
        // `withUTF8` rethrows untyped errors, so the failure travels in a Result.
        let result = text.withUTF8 { buffer -> Result<YAMLNode?, Failure> in
            // No text, no document.
            guard let base = buffer.baseAddress else { return .success(nil) }
            yaml_parser_set_input_string(&parser, base, buffer.count)
            // Without a limit nothing is counted, so that no sum can overflow.
            let hasAlias = memchr(base, 0x2A, buffer.count) != nil
            let counting = hasAlias && nodeLimit < Int.max / 2
            if fastPath, let root = YAMLFastPath.compose(buffer, builder: Builder(bytes: bytes, nodeLimit: nodeLimit, counting: counting),
                                                         diagnostics: &diagnostics) {
                return .success(root)
            }
            var composer = Builder(bytes: bytes, nodeLimit: nodeLimit, counting: counting)
            do throws(Failure) {
                return .success(try composer.run(&parser, diagnostics: &diagnostics))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// The alias-bomb refusal, located where the expansion crossed the limit.
    static func aliasBomb(at location: SourceLocation, bytes: Int, limit: Int) -> Diagnostic {
        .error(.aliasExpansion, at: location,
               "YAML aliases expand this file to more than \(limit / max(1, bytes)) nodes per byte of it; refusing to read it (an alias bomb?). Write the entries out instead of nesting aliases")
    }

    /// Builds the tree from events, from libyaml or from `YAMLFastPath`. One
    /// builder per text: copies would share its `text`.
    struct Builder {
        let bytes: Int
        let nodeLimit: Int
        /// False when the text has no `*`, hence no alias: nothing to count.
        let counting: Bool

        var nodes: [YAMLTree.Node] = []
        let text: ScalarText
        /// Anchor name -> the node it names (-1 past the first document, where
        /// nodes are not kept) and its expanded size.
        var anchors: [String: (node: Int32, size: Int)] = [:]
        /// The innermost open collection, apart from the others (`open`, outermost
        /// first), so that counting its children touches no array.
        var top: Frame?
        var open: [Frame] = []
        /// The anchors of the open collections that have one, innermost last.
        /// Apart from the frames, as are the key indices, so that a frame is
        /// plain data, moved without retains.
        var openAnchors: [String] = []
        /// The kept keys of open mappings of more than 16 keys, by text, innermost last.
        var keyIndex: [[String: Int32]] = []
        var root: Int?
        var documents = 0
        /// Nodes of the whole stream with aliases expanded.
        var total = 0
        /// An undefined alias, thrown at the end of the stream: until then the
        /// expanded size is still counted, and a bomb further on is refused first.
        var undefined: Failure?

        /// An open collection.
        struct Frame {
            var node: Int32
            var isMapping: Bool
            /// Whether it has an anchor, the last of `openAnchors`.
            var anchored: Bool
            var totalAtOpen: Int
            var children: UInt32 = 0
            /// One bit per kept key of a mapping, by a hash of its bytes: a key
            /// whose bit is clear is new without comparing it with the others.
            var keyBits: UInt64 = 0
            /// A key that is not ASCII may equal another with other bytes (as
            /// Swift strings, canonically equivalent): then every key is compared.
            var nonASCIIKey = false
            /// Whether it has more than 16 keys, kept by text in `keyIndex`.
            var indexed = false
            /// The node of the key whose value is being read.
            var keySlot: Int32 = -1
        }

        init(bytes: Int, nodeLimit: Int, counting: Bool) {
            self.bytes = bytes
            self.nodeLimit = nodeLimit
            self.counting = counting
            // About one node per 8 bytes, and scalars a part of the text, for plans.
            nodes.reserveCapacity(bytes / 8)
            text = ScalarText(capacity: bytes)
        }

        /// Nodes are kept for the first document only; later ones are read for
        /// their anchors, their size and their errors.
        var keeping: Bool { documents <= 1 && undefined == nil }

        /// Streams libyaml's events into the tree.
        mutating func run(_ parser: inout yaml_parser_t, diagnostics: inout [Diagnostic]) throws(Failure) -> YAMLNode? {
            var event = yaml_event_t()
            while true {
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    throw undefined ?? Failure(diagnostic: YAMLComposer.parseError(parser))
                }
                defer { yaml_event_delete(&event) }
                let line = UInt32(truncatingIfNeeded: event.start_mark.line + 1)
                let column = UInt32(truncatingIfNeeded: event.start_mark.column + 1)
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return try finish()
                case YAML_DOCUMENT_START_EVENT:
                    documentStart(line: line, column: column, diagnostics: &diagnostics)
                case YAML_SCALAR_EVENT:
                    let scalar = event.data.scalar
                    try self.scalar(UnsafeBufferPointer(start: scalar.value, count: Int(scalar.length)),
                                    anchor: scalar.anchor.map { String(cString: $0) }, line: line, column: column, diagnostics: &diagnostics)
                case YAML_SEQUENCE_START_EVENT:
                    try open(isMapping: false, anchor: event.data.sequence_start.anchor.map { String(cString: $0) }, line: line, column: column)
                case YAML_MAPPING_START_EVENT:
                    try open(isMapping: true, anchor: event.data.mapping_start.anchor.map { String(cString: $0) }, line: line, column: column)
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    close(diagnostics: &diagnostics)
                case YAML_ALIAS_EVENT:
                    try alias(event.data.alias.anchor.map { String(cString: $0) } ?? "", line: line, column: column, diagnostics: &diagnostics)
                default:
                    break
                }
            }
        }

        // MARK: Events

        /// The end of the stream: the first document's root.
        func finish() throws(Failure) -> YAMLNode? {
            if let undefined { throw undefined }
            return root.map { YAMLNode(tree: YAMLTree(nodes: nodes, text: text), index: $0) }
        }

        mutating func documentStart(line: UInt32, column: UInt32, diagnostics: inout [Diagnostic]) {
            documents += 1
            if documents == 2 && undefined == nil {
                diagnostics.append(.warning(.extraDocument, at: SourceLocation(line: Int(line), column: Int(column)),
                                            "the file holds more than one YAML document; only the first is read"))
            }
        }

        mutating func scalar(_ value: UnsafeBufferPointer<UInt8>, anchor: String?, line: UInt32, column: UInt32,
                             diagnostics: inout [Diagnostic]) throws(Failure) {
            try count(1, line: line, column: column)
            var index: Int32 = -1
            if keeping {
                index = Int32(nodes.count)
                let start = text.append(value)
                nodes.append(YAMLTree.Node(line: line, column: column, a: UInt32(start), b: UInt32(value.count), kind: .scalar))
            }
            if let anchor { anchors[anchor] = (index, 1) }
            if keeping { added(Int(index), diagnostics: &diagnostics) }
        }

        mutating func open(isMapping: Bool, anchor: String?, line: UInt32, column: UInt32) throws(Failure) {
            try count(1, line: line, column: column)
            var index: Int32 = -1
            if keeping {
                index = Int32(nodes.count)
                nodes.append(YAMLTree.Node(line: line, column: column, a: 0, b: 0, kind: isMapping ? .mapping : .sequence))
            }
            if let outer = top { open.append(outer) }
            if let anchor { openAnchors.append(anchor) }
            top = Frame(node: index, isMapping: isMapping, anchored: anchor != nil, totalAtOpen: total - 1)
        }

        mutating func close(diagnostics: inout [Diagnostic]) {
            guard let frame = top else { return }
            top = open.popLast()
            if frame.anchored { anchors[openAnchors.removeLast()] = (frame.node, total - frame.totalAtOpen) }
            if frame.indexed { keyIndex.removeLast() }
            if keeping && frame.node >= 0 {
                nodes[Int(frame.node)].a = UInt32(nodes.count)
                nodes[Int(frame.node)].b = frame.children
                added(Int(frame.node), diagnostics: &diagnostics)
            }
        }

        mutating func alias(_ name: String, line: UInt32, column: UInt32, diagnostics: inout [Diagnostic]) throws(Failure) {
            let named = anchors[name]
            try count(named?.size ?? 1, line: line, column: column)
            guard let named else {
                if undefined == nil {
                    undefined = Failure(diagnostic: .error(.malformedYaml, at: SourceLocation(line: Int(line), column: Int(column)),
                                                           "malformed YAML: found undefined alias '*\(name)'; define it with '&\(name)' before using it"))
                }
                return
            }
            if keeping {
                let index = nodes.count
                nodes.append(YAMLTree.Node(line: line, column: column, a: UInt32(named.node), b: 0, kind: .alias))
                added(index, diagnostics: &diagnostics)
            }
        }

        /// Counts `size` more nodes of the expanded document; past the limit, the
        /// text is refused at this event.
        @inline(__always) mutating func count(_ size: Int, line: UInt32, column: UInt32) throws(Failure) {
            guard counting else { return }
            total += size
            if total > nodeLimit {
                throw Failure(diagnostic: YAMLComposer.aliasBomb(at: SourceLocation(line: Int(line), column: Int(column)), bytes: bytes, limit: nodeLimit))
            }
        }

        /// Node `index` (complete, with its descendants) joins its parent.
        ///
        /// A repeated key is found when its value is complete, as the composer
        /// always did: a progress file's diagnostics are reported in the order
        /// they are found, so a repeated key must come after the ones inside its value.
        mutating func added(_ index: Int, diagnostics: inout [Diagnostic]) {
            guard top != nil else {
                if root == nil { root = index }
                return
            }
            let position = top!.children
            top!.children += 1
            guard top!.isMapping else { return }
            if position % 2 == 0 {
                top!.keySlot = Int32(index)
                return
            }
            // A value: only a scalar key of its pair can repeat one given before.
            let slot = Int(top!.keySlot)
            let key = nodes[slot].kind == .alias ? Int(nodes[slot].a) : slot
            guard nodes[key].kind == .scalar else { return }
            if let first = firstKey(equalTo: key, before: slot, keys: Int(position + 1) / 2) {
                nodes[slot].dropped = true
                let name = Self.string(nodes, text, key)
                diagnostics.append(.error(.duplicateKey, at: Self.location(nodes, key),
                                          "duplicate key '\(name)' in one mapping; each key may appear once (the first is used)",
                                          notes: [.init("'\(name)' is first given here", at: Self.location(nodes, first))]))
            }
        }

        /// The first kept scalar key of the innermost mapping, among the pairs
        /// before node `slot`, with the same text as scalar `key` (the key at
        /// `slot`, its `keys`-th). Remembered by text once the mapping has more
        /// than 16 keys.
        mutating func firstKey(equalTo key: Int, before slot: Int, keys: Int) -> Int? {
            let mapping = Int(top!.node)
            if keys <= 16 {
                let (bit, ascii) = Self.fingerprint(nodes, text, key)
                let seen = top!.keyBits & bit != 0 || top!.nonASCIIKey || !ascii
                top!.keyBits |= bit
                if !ascii { top!.nonASCIIKey = true }
                if !seen { return nil }
                var i = mapping + 1
                while i < slot {
                    let k = nodes[i].kind == .alias ? Int(nodes[i].a) : i
                    if !nodes[i].dropped && nodes[k].kind == .scalar && Self.sameText(nodes, text, k, key) { return k }
                    i = Self.skipping(nodes, Self.skipping(nodes, i))
                }
                return nil
            }
            if !top!.indexed {
                var index: [String: Int32] = [:]
                var i = mapping + 1
                while i < slot {
                    let k = nodes[i].kind == .alias ? Int(nodes[i].a) : i
                    if !nodes[i].dropped && nodes[k].kind == .scalar {
                        let name = Self.string(nodes, text, k)
                        if index[name] == nil { index[name] = Int32(k) }
                    }
                    i = Self.skipping(nodes, Self.skipping(nodes, i))
                }
                keyIndex.append(index)
                top!.indexed = true
            }
            let name = Self.string(nodes, text, key)
            if let first = keyIndex[keyIndex.count - 1][name] { return Int(first) }
            keyIndex[keyIndex.count - 1][name] = Int32(key)
            return nil
        }

        // The helpers below are static, with the arrays they read as arguments:
        // as methods, a call from a mutating method would copy the builder.

        /// A bit chosen by the length and three bytes of scalar `i`, and whether it is ASCII.
        static func fingerprint(_ nodes: [YAMLTree.Node], _ text: ScalarText, _ i: Int) -> (bit: UInt64, ascii: Bool) {
            let t = text.bytes(Int(nodes[i].a), Int(nodes[i].b))
            var ascii = true
            for b in t where b >= 0x80 {
                ascii = false
                break
            }
            guard let first = t.first, let last = t.last else { return (1, ascii) }
            let h = t.count &* 31 &+ Int(first) &* 7 &+ Int(last) &* 13 &+ Int(t[t.count / 2])
            return (1 << UInt64(h & 63), ascii)
        }

        static func skipping(_ nodes: [YAMLTree.Node], _ i: Int) -> Int {
            switch nodes[i].kind {
            case .sequence, .mapping: return Int(nodes[i].a)
            case .scalar, .alias: return i + 1
            }
        }

        /// String equality: equal bytes, or, when either is not ASCII, equal as
        /// Swift strings (canonically equivalent).
        static func sameText(_ nodes: [YAMLTree.Node], _ text: ScalarText, _ x: Int, _ y: Int) -> Bool {
            let tx = text.bytes(Int(nodes[x].a), Int(nodes[x].b)), ty = text.bytes(Int(nodes[y].a), Int(nodes[y].b))
            if tx.count == ty.count && (tx.isEmpty || memcmp(tx.baseAddress!, ty.baseAddress!, tx.count) == 0) { return true }
            let ascii = !tx.contains { $0 >= 0x80 } && !ty.contains { $0 >= 0x80 }
            return ascii ? false : string(nodes, text, x) == string(nodes, text, y)
        }

        static func string(_ nodes: [YAMLTree.Node], _ text: ScalarText, _ i: Int) -> String {
            String(decoding: text.bytes(Int(nodes[i].a), Int(nodes[i].b)), as: UTF8.self)
        }

        static func location(_ nodes: [YAMLTree.Node], _ i: Int) -> SourceLocation {
            SourceLocation(line: Int(nodes[i].line), column: Int(nodes[i].column))
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
    public static let aliasExpansion = DiagnosticCode("alias-expansion")
    public static let duplicateKey = DiagnosticCode("duplicate-key")
    public static let extraDocument = DiagnosticCode("extra-document")
    public static let malformedYaml = DiagnosticCode("malformed-yaml")
}
