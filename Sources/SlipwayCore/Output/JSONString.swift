/// JSON string quoting (RFC 8259, section 7). The result is also a valid YAML
/// double-quoted scalar, since YAML 1.2 reads JSON, so the YAML writers use it too.
public enum JSONString {
    /// Appends `s` to `out` in double quotes, escaping quotes, backslashes and
    /// control characters.
    ///
    /// - Complexity: O(*n*) in the length of `s`; a string with nothing to escape
    ///   is appended whole.
    public static func quote(_ s: String, into out: inout String) {
        out += "\""
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            out += s
            out += "\""
            return
        }
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }

    public static func quoted(_ s: String) -> String {
        var out = ""
        quote(s, into: &out)
        return out
    }
}
