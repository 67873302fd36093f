import SlipwayEngine
import SlipwayCore
import SlipwayScheduling
import SlipwayReports

/// The critical chain buffers: what `slipway buffers` says, its table and the
/// fever chart.
extension ReviewHTML.Page {
    mutating func buffers() {
        let b = pack.buffers
        for line in BufferReport.heading(plan: plan, b) { paragraph(line.replacingOccurrences(of: " -> ", with: " → ")) }
        let performance = ReviewPerformance(pack: pack, words: words)
        let table = performance.bufferTable()
        self.table(table.headers, numeric: table.numeric) { t in
            for (row, zone) in zip(table.rows, table.zones) {
                t.html.open("tr", zone == .red ? [("class", "late-row")] : zone == .yellow ? [("class", "caution-row")] : [])
                for (k, text) in row.enumerated() {
                    // Sizes, times and percentages sort as numbers; a dash sorts first.
                    let number = Double(text.replacingOccurrences(of: "%", with: ""))
                    t.cell(text, sort: table.numeric.contains(k) ? number ?? -1 : nil, class: table.numeric.contains(k) ? "num" : nil)
                }
                t.html.close("tr")
            }
        }
        if table.leftOut > 0 {
            paragraph("\(table.leftOut) more feeding buffers, all green or done; 'slipway buffers PLAN' lists them all.", class: "note")
        }
        var notes: [String] = []
        if !b.unbuffered.isEmpty {
            notes.append("No buffer for the feeding chains ending at " + b.unbuffered.prefix(12).map { BufferReport.id(of: $0, plan: plan) }.joined(separator: ", ")
                         + (b.unbuffered.count > 12 ? " and \(b.unbuffered.count - 12) more" : "") + ": only fixed estimates.")
        }
        let squeezed = b.buffers.filter { $0.squeezed > Timing.criticalTolerance }.count
        if squeezed > 0 {
            notes.append("Squeezed: \(squeezed) feeding chain\(squeezed == 1 ? " has" : "s have") less slack before the join than the buffer, "
                         + "so part of it is used before any work is done.")
        }
        if b.projectBuffer.status != nil {
            notes.append("Zones: green below a third of the buffer used, yellow from a third, red from two thirds (Goldratt 1997); "
                         + "a burn rate above 1 uses the buffer faster than the chain progresses.")
        } else {
            notes.append("No progress is recorded: the buffers' use and zones, and the fever chart's points, come with 'slipway progress'.")
        }
        paragraph(notes.joined(separator: " "), class: "note")
        if b.projectBuffer.size > Timing.criticalTolerance {
            figure(ReviewDiagrams.fever(pack))
        } else {
            paragraph("No fever chart: the project buffer has no size.", class: "muted")
        }
    }
}
