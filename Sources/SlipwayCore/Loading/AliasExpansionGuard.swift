import CYaml

/// Refuses YAML whose aliases would expand it far beyond its own size, before
/// anything builds or hashes the expanded tree.
///
/// An alias stands for the whole node it names, so nine lists of nine aliases
/// each are 9^9 nodes in 200 bytes (the "billion laughs" attack). Yams shares the
/// aliased nodes, but hashing a mapping key or walking a list visits every copy,
/// and a run would never end. This guard streams libyaml's events once and counts
/// the expanded size: each anchored node remembers its size, and each alias adds
/// the size of what it names.
enum AliasExpansionGuard {
    struct Refusal: Error {
        var expandedNodes: Int
        var location: SourceLocation
    }

    /// - Returns: nil when the document's expanded size is within `limit` nodes.
    /// - Complexity: O(*n*) in the size of the text (one libyaml event pass).
    static func check(_ text: String, limit: Int) -> Refusal? {
        // Without a '*' there is no alias, and nothing to expand.
        guard text.utf8.contains(UInt8(ascii: "*")) else { return nil }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        var utf8 = Array(text.utf8)
        return utf8.withUnsafeMutableBufferPointer { buffer -> Refusal? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var anchorSize: [String: Int] = [:]
            // For each open collection: its anchor and the running total when it opened.
            var open: [(anchor: String?, totalAtOpen: Int)] = []
            var total = 0
            var event = yaml_event_t()
            while true {
                // Malformed YAML is reported by the real parse that follows.
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                let mark = SourceLocation(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return nil
                case YAML_SCALAR_EVENT:
                    total += 1
                    if let anchor = event.data.scalar.anchor { anchorSize[String(cString: anchor)] = 1 }
                case YAML_SEQUENCE_START_EVENT:
                    total += 1
                    open.append((event.data.sequence_start.anchor.map { String(cString: $0) }, total - 1))
                case YAML_MAPPING_START_EVENT:
                    total += 1
                    open.append((event.data.mapping_start.anchor.map { String(cString: $0) }, total - 1))
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    if let (anchor, start) = open.popLast(), let anchor { anchorSize[anchor] = total - start }
                case YAML_ALIAS_EVENT:
                    if let anchor = event.data.alias.anchor { total += anchorSize[String(cString: anchor)] ?? 1 }
                default:
                    break
                }
                if total > limit { return Refusal(expandedNodes: total, location: mark) }
            }
        }
    }
}
