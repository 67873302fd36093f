import SlipwayCore

/// Builds YAML text line by line with scalars quoted only where plain YAML would
/// misread them (YAML 1.2, section 7.3: double-quoted scalars and their escapes).
struct YAMLText {
    private(set) var text = ""

    mutating func line(_ level: Int, _ content: String) {
        text += String(repeating: "  ", count: level) + content + "\n"
    }

    mutating func blank() { text += "\n" }

    mutating func field(_ level: Int, _ key: String, _ value: String) {
        line(level, "\(key): \(Self.scalar(value))")
    }

    /// The first field of a list entry: `- key: value` at the list's indentation.
    mutating func item(_ level: Int, _ key: String, _ value: String) {
        line(level - 1, "  - \(key): \(Self.scalar(value))")
    }

    mutating func list(_ level: Int, _ key: String, _ values: [String], flow: Bool = false) {
        guard !values.isEmpty else { return }
        if flow {
            line(level, "\(key): [" + values.map(Self.scalar).joined(separator: ", ") + "]")
            return
        }
        line(level, "\(key):")
        for v in values { line(level, "  - " + Self.scalar(v)) }
    }

    /// A plain scalar when it is safe in block and flow context, else double-quoted.
    static func scalar(_ s: String) -> String {
        if isPlainSafe(s) { return s }
        // DEL may stand raw in JSON but not in YAML.
        return JSONString.quoted(s).replacingOccurrences(of: "\u{7F}", with: "\\x7F")
    }

    private static let reserved: Set<String> = ["true", "false", "yes", "no", "on", "off", "null", "~", "y", "n"]

    private static func isPlainSafe(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, let last = s.unicodeScalars.last else { return false }
        if reserved.contains(s.lowercased()) || last == " " || first == " " { return false }
        if !(("a"..."z").contains(first) || ("A"..."Z").contains(first) || ("0"..."9").contains(first)) { return false }
        // Letters, digits, spaces and a few marks that never start YAML syntax mid-scalar.
        return s.unicodeScalars.allSatisfy { u in
            ("a"..."z").contains(u) || ("A"..."Z").contains(u) || ("0"..."9").contains(u)
                || u == " " || u == "-" || u == "." || u == "_" || u == "/" || u == "(" || u == ")" || u == "+"
        } && !s.contains(" -") && !s.contains("- ")
    }
}

extension String {
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
