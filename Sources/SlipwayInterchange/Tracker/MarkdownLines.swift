/// The lines of a Markdown document as an editor shows them.
///
/// Swift reads "\r\n" as one `Character`, so splitting a `String` on "\n" leaves a
/// Windows (CRLF) file as one line: the split here is on Unicode scalars, and a
/// leading byte-order mark (which editors on Windows write) is not part of the
/// first line. A lone "\r" (old Mac) ends a line too.
public enum MarkdownLines {
    /// - Complexity: O(*n*) in the length of the text.
    public static func split(_ text: String) -> [String] {
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        var scalars = text.unicodeScalars[...]
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }
        var previousWasCR = false
        for scalar in scalars {
            if scalar == "\n" {
                if !previousWasCR { lines.append(String(current)); current = .init() }
                previousWasCR = false
            } else if scalar == "\r" {
                lines.append(String(current))
                current = .init()
                previousWasCR = true
            } else {
                current.append(scalar)
                previousWasCR = false
            }
        }
        lines.append(String(current))
        return lines
    }

    /// For each line, whether it belongs to a fenced code block (```` ``` ```` or
    /// `~~~`, the fences included): code is an example, not content.
    /// - Complexity: O(*n*) in the number of lines.
    public static func fenced(_ lines: [String]) -> [Bool] {
        var result = [Bool](repeating: false, count: lines.count)
        var fence: Character?
        for (i, line) in lines.enumerated() {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            let opens = trimmed.hasPrefix("```") ? Character("`") : trimmed.hasPrefix("~~~") ? Character("~") : nil
            if let f = fence {
                result[i] = true
                if opens == f { fence = nil }
            } else if let opens {
                result[i] = true
                fence = opens
            }
        }
        return result
    }
}
