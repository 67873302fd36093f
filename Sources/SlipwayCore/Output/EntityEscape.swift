/// Escapes text for XML element content and attribute values (XML 1.0, section
/// 2.4) and for HTML: one escaper for the MSPDI export, the Graphviz HTML-like
/// labels and any page Slipway writes.
public enum EntityEscape {
    /// - Parameters:
    ///   - apostrophe: escape `'` too (`&apos;`), for attribute values in single quotes.
    ///   - dropControls: drop the control characters XML 1.0 cannot carry at all
    ///     (all below U+0020 except tab, line feed and carriage return).
    /// - Complexity: O(*n*) in the length of the text.
    public static func escape(_ s: String, apostrophe: Bool = true, dropControls: Bool = true) -> String {
        // Most values (ids, numbers, dates, titles) need nothing: return them as
        // they are, without building a new string scalar by scalar.
        let plain = s.utf8.allSatisfy { byte in
            byte != UInt8(ascii: "&") && byte != UInt8(ascii: "<") && byte != UInt8(ascii: ">") && byte != UInt8(ascii: "\"")
                && (!apostrophe || byte != UInt8(ascii: "'")) && (!dropControls || byte >= 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D)
        }
        if plain { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'" where apostrophe: out += "&apos;"
            default:
                if dropControls, u.value < 0x20, u != "\n", u != "\t", u != "\r" { continue }
                out.unicodeScalars.append(u)
            }
        }
        return out
    }
}
