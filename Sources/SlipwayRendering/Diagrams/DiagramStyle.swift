import SlipwayCore

/// The look shared by every diagram: fonts, the severity palette, the critical
/// style, and the text helpers that keep labels legible at review size.
public enum DiagramStyle {
    public static let font = "Helvetica"
    /// Node and axis text, in points; at 100% zoom a point is a pixel at 72 dpi.
    public static let fontSize = 11.0
    /// The smallest text any diagram uses (legend, edge labels).
    public static let smallFontSize = 10.0
    public static let titleFontSize = 16.0
    public static let clusterFontSize = 12.0

    /// Critical tasks and links: bold and red, and nothing else is drawn in this red.
    public static let criticalColor = "#c0182a"
    public static let criticalPenWidth = "3"
    /// The SVG class Graphviz writes on critical nodes and edges.
    public static let criticalClass = "critical"
    public static let lateColor = "#c0182a"
    public static let lineColor = "#555555"
    public static let mutedColor = "#8c8c8c"

    /// Fill for the severity of the constraint a task mitigates, or for a
    /// constraint itself; light tones so that black text and the red critical
    /// outline stay readable on them.
    public static func fill(for severity: Constraint.Severity?) -> String {
        switch severity {
        case .critical: return "#f4a6a0"
        case .high: return "#fdc98a"
        case .medium: return "#fcefa1"
        case .low: return "#cfe8c4"
        case nil: return "#ffffff"
        }
    }

    public static func severityName(_ severity: Constraint.Severity?) -> String {
        severity?.rawValue ?? "no constraint"
    }

    /// Splits text into lines of at most `width` characters at spaces; a word
    /// longer than the width gets a line of its own. At most `maxLines` lines: the
    /// last one ends with an ellipsis when text was left out.
    public static func wrap(_ text: String, width: Int, maxLines: Int = .max) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty { lines.append(current) }
        guard lines.count > maxLines, maxLines > 0 else { return lines }
        var kept = Array(lines.prefix(maxLines))
        var last = kept[maxLines - 1]
        if last.count + 1 > width { last = String(last.prefix(max(1, width - 1))) }
        kept[maxLines - 1] = last + "…"
        return kept
    }

    /// Escapes text for a plain Graphviz label, where `\` starts an escape such as `\n`.
    public static func escapeLabel(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\")
    }

    /// Lines joined for a plain label, each centred.
    public static func centredLines(_ lines: [String]) -> String {
        lines.map(escapeLabel).joined(separator: "\\n")
    }

    /// Lines joined for a plain label, each left-aligned (`\l` ends a left-aligned line).
    public static func leftLines(_ lines: [String]) -> String {
        lines.map { escapeLabel($0) + "\\l" }.joined()
    }

    /// Escapes text for an HTML-like label.
    public static func escapeHTML(_ text: String) -> String {
        EntityEscape.escape(text, apostrophe: false, dropControls: false)
    }

    /// Inches, as Graphviz wants widths and heights, from points.
    public static func inches(_ points: Double) -> String { format(points / 72) }

    /// A number with at most three decimals and no trailing zeros, for attributes
    /// that must be the same on every run and machine.
    public static func format(_ value: Double) -> String {
        let rounded = (value * 1000).rounded() / 1000
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}

/// The legend box both graph diagrams start with: one entry per severity colour.
enum Legend {
    /// Adds the legend cluster and its severity entries, labelled by `label`.
    ///
    /// - Returns: the cluster, for the diagram's own entries, and the small font size they use.
    static func begin(in spec: inout GraphSpec, severityLabel label: (Constraint.Severity) -> String) -> (cluster: Int, fontSize: GraphSpec.Value) {
        let legend = spec.addCluster(.init(name: "cluster_legend", attributes: [
            ("label", "Legend"), ("labeljust", "l"), ("style", "rounded"), ("color", "#b0b0b0"),
            ("fontname", .text(DiagramStyle.font)), ("fontsize", .text(DiagramStyle.format(DiagramStyle.clusterFontSize))),
            ("class", "legend"),
        ]))
        let small = GraphSpec.Value.text(DiagramStyle.format(DiagramStyle.smallFontSize))
        for severity in Constraint.Severity.allCases {
            spec.addNode("legend:\(severity.rawValue)", [
                ("label", .text(label(severity))), ("fillcolor", .text(DiagramStyle.fill(for: severity))),
                ("fontsize", small), ("class", "legend"),
            ], cluster: legend)
        }
        return (legend, small)
    }
}
