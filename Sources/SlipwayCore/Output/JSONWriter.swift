/// The text sink of `JSONOutput`: it holds the layout rules, so that every JSON
/// output of Slipway looks the same.
///
/// Containers up to `prettyDepth` put each element on its own line, indented two
/// spaces a level; deeper ones stay on one line without spaces, so that a schedule
/// reads (and diffs) as one task per line. An empty container is `[]` or `{}`.
/// Keys are written in the order given: the writer never sorts.
struct JSONWriter {
    private(set) var text = ""
    /// One entry per open container, the top-level value's slot first: whether it
    /// has an element yet (a comma goes before the next), its closing bracket, and
    /// the identity `JSONOutputEncoder` checks its writes against.
    private var open: [(hasElements: Bool, closer: Unicode.Scalar, id: Int)] = [(false, " ", 0)]
    private let prettyDepth: Int

    init(prettyDepth: Int = 2) {
        self.prettyDepth = prettyDepth
    }

    /// How many containers are open.
    var depth: Int { open.count - 1 }
    /// The identity of the innermost open container (0 for the top level).
    var innermostID: Int { open[open.count - 1].id }

    /// Starts an element of the innermost container: the comma, the line break and
    /// indentation when that container is pretty, and the key of an object member.
    mutating func element(_ key: String?) {
        if open[open.count - 1].hasElements { text += "," }
        open[open.count - 1].hasElements = true
        if depth >= 1 && depth <= prettyDepth {
            text += "\n"
            indent(depth)
        }
        if let key {
            JSONString.quote(key, into: &text)
            text += depth <= prettyDepth ? ": " : ":"
        }
    }

    /// Opens an object (`{`, closed by `}`) or an array (`[`, closed by `]`) as the
    /// element just started.
    mutating func open(_ bracket: Unicode.Scalar, closer: Unicode.Scalar, id: Int) {
        text.unicodeScalars.append(bracket)
        open.append((false, closer, id))
    }

    /// Closes the innermost container; a pretty one that has elements ends on its
    /// own line, at the indentation of its opening line.
    mutating func close() {
        let closed = open.removeLast()
        if closed.hasElements && depth + 1 <= prettyDepth {
            text += "\n"
            indent(depth)
        }
        text.unicodeScalars.append(closed.closer)
    }

    mutating func append(_ raw: String) { text += raw }

    mutating func appendQuoted(_ string: String) { JSONString.quote(string, into: &text) }

    /// Numbers in weeks, rounded to 1e-9 so that float noise (0.30000000000000004)
    /// does not leak into output; whole numbers print without a fraction; a number
    /// JSON cannot hold (infinite, NaN) is `null`.
    static func number(_ v: Double) -> String {
        guard v.isFinite else { return "null" }
        return v.compact
    }

    private mutating func indent(_ levels: Int) {
        for _ in 0..<levels { text += "  " }
    }
}
