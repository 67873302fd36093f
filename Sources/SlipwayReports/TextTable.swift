/// Aligns rows of cells into columns for a terminal.
public struct TextTable {
    public enum Alignment { case left, right }

    public var headers: [String]
    public var alignments: [Alignment]
    public var rows: [[String]] = []
    /// ANSI style per row (for example bold red for critical tasks), applied after padding.
    public var rowStyles: [String?] = []

    public init(headers: [String], alignments: [Alignment]) {
        self.headers = headers
        self.alignments = alignments
    }

    public mutating func add(_ row: [String], style: String? = nil) {
        rows.append(row)
        rowStyles.append(style)
    }

    /// - Complexity: O(*r* · *c*) in rows and columns.
    public func render() -> String {
        var widths = headers.map(\.count)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (i, cell) in cells.enumerated() {
                let pad = String(repeating: " ", count: widths[i] - cell.count)
                let isLast = i == cells.count - 1
                parts.append(alignments[i] == .right ? pad + cell : (isLast ? cell : cell + pad))
            }
            return parts.joined(separator: "  ")
        }
        var out = line(headers) + "\n"
        out += line(widths.map { String(repeating: "-", count: $0) }) + "\n"
        for (row, style) in zip(rows, rowStyles) {
            let text = line(row)
            out += (style.map { $0 + text + "\u{1B}[0m" } ?? text) + "\n"
        }
        return out
    }
}
