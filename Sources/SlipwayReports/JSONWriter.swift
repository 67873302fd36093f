import SlipwayCore

/// Writes JSON with keys in the order given, so that output is stable byte for
/// byte and reads in the order of the contract.
public struct JSONWriter {
    public private(set) var text = ""
    private var needsComma = [false]
    /// Containers up to this depth put each element on its own line; deeper ones
    /// stay on one line, so a schedule reads (and diffs) as one task per line.
    private let prettyDepth: Int

    public init(prettyDepth: Int = 2) {
        self.prettyDepth = prettyDepth
    }

    public mutating func beginObject(_ key: String? = nil) { open(key, "{") }
    public mutating func endObject() { close("}") }
    public mutating func beginArray(_ key: String? = nil) { open(key, "[") }
    public mutating func endArray() { close("]") }

    public mutating func value(_ key: String?, _ v: String?) {
        element(key)
        if let v { JSONWriter.quote(v, into: &text) } else { text += "null" }
    }

    public mutating func value(_ key: String?, _ v: Double?) {
        element(key)
        text += v.map(JSONWriter.number) ?? "null"
    }

    /// Whole numbers such as seeds print exactly, even beyond 2^53.
    public mutating func value(_ key: String?, _ v: UInt64) {
        element(key)
        text += String(v)
    }

    public mutating func value(_ key: String?, _ v: Bool) {
        element(key)
        text += v ? "true" : "false"
    }

    /// Numbers in weeks, rounded to 1e-9 so that float noise (0.30000000000000004)
    /// does not leak into output; whole numbers print without a fraction.
    public static func number(_ v: Double) -> String {
        guard v.isFinite else { return "null" }
        return v.compact
    }

    public static func quote(_ s: String, into out: inout String) {
        JSONString.quote(s, into: &out)
    }

    private var depth: Int { needsComma.count - 1 }

    private mutating func element(_ key: String?) {
        if needsComma[needsComma.count - 1] { text += "," }
        needsComma[needsComma.count - 1] = true
        if depth >= 1 && depth <= prettyDepth {
            text += "\n" + String(repeating: "  ", count: depth)
        }
        if let key {
            JSONWriter.quote(key, into: &text)
            text += depth <= prettyDepth ? ": " : ":"
        }
    }

    private mutating func open(_ key: String?, _ bracket: String) {
        element(key)
        text += bracket
        needsComma.append(false)
    }

    private mutating func close(_ bracket: String) {
        let hadElements = needsComma.removeLast()
        if hadElements && depth + 1 <= prettyDepth {
            text += "\n" + String(repeating: "  ", count: depth)
        }
        text += bracket
    }
}
