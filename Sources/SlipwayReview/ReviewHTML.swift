import SlipwayEngine
import SlipwayCore
import SlipwayScheduling
import SlipwayReports

/// The review pack as one self-contained HTML page: inline style, inline SVG,
/// a few lines of inline script to sort tables, and nothing fetched from
/// anywhere (the only external addresses are the plan's own documentation links).
/// Written as XHTML-compatible HTML (`HTMLWriter`), so that it also parses as XML.
///
/// The same plan, progress, baseline, iterations and seed give the same bytes:
/// nothing in the page depends on the clock.
public enum ReviewHTML {
    /// - Complexity: that of the diagrams' layouts (`ReviewDiagrams`), then
    ///   O(*T* + *C* · *L* + *E*) to write the page.
    public static func render(_ pack: ReviewPack) -> String {
        var page = Page(pack: pack, words: ReviewWords(plan: pack.plan))
        page.document()
        return page.html.output
    }

    /// A number for the sort script: at most six decimals, no exponent, the
    /// same on every machine.
    static func sortKey(_ value: Double) -> String {
        let rounded = (value * 1e6).rounded() / 1e6
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int(rounded)) }
        return String(rounded)
    }

    /// Where a value stands against what it should be, for a card or a cell.
    enum Tone { case plain, good, caution, bad }

    /// One page being written; each section is a method of its own file.
    struct Page {
        let pack: ReviewPack
        let words: ReviewWords
        var html = HTMLWriter()
        var plan: Plan { pack.plan }
        var schedule: Schedule { pack.schedule }

        init(pack: ReviewPack, words: ReviewWords) {
            self.pack = pack
            self.words = words
        }

        mutating func document() {
            html.raw("<!DOCTYPE html>\n")
            html.open("html", [("xmlns", "http://www.w3.org/1999/xhtml"), ("lang", "en")])
            html.newline()
            let title = "Review: \(plan.title)"
            html.element("head") { h in
                h.void("meta", [("charset", "utf-8")])
                h.void("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")])
                h.void("meta", [("name", "generator"), ("content", "slipway review")])
                h.element("title", text: title)
                h.newline()
                h.element("style") { $0.raw("\n" + ReviewStyle.css + "\n") }
            }
            html.newline()
            html.open("body")
            masthead()
            html.open("main")
            for section in ReviewSection.allCases { self.section(section) }
            html.close("main")
            html.element("footer") { f in
                f.element("p", text: "Written by 'slipway review' from the plan, its progress and its baselines: every figure is the one "
                    + "the slipway commands give (schedule, simulate, compare, variance, earned, buffers, critical, check --health). "
                    + "Tables sort when a header is clicked.")
            }
            html.newline()
            html.element("script") { $0.raw("\n" + ReviewStyle.script + "\n") }
            html.close("body")
            html.close("html")
            html.newline()
        }

        mutating func masthead() {
            let title = plan.title
            var meta = "Review pack · status date "
            meta += plan.statusDate.map { words.when($0) } ?? "none (the forecast runs from the start\(words.date(0).map { ", \($0)" } ?? ""))"
            meta += " · \(ReviewWords.iterations(pack.settings, plan: plan)), seed \(pack.settings.seed)"
            if let b = pack.baseline { meta += " · baseline '\(b.name)' saved \(b.savedAt)" }
            html.element("header", [("class", "masthead")]) { h in
                h.element("h1", text: title)
                h.element("p", text: meta)
                h.element("nav", [("aria-label", "Sections")]) { n in
                    for (k, s) in ReviewSection.allCases.enumerated() {
                        n.element("a", [("href", "#\(s.rawValue)")], text: "\(k + 1). \(s.title)")
                    }
                }
            }
            html.newline()
        }

        mutating func section(_ s: ReviewSection) {
            html.open("section", [("id", s.rawValue)])
            html.element("h2", text: "\((ReviewSection.allCases.firstIndex(of: s) ?? 0) + 1). \(s.title)")
            switch s {
            case .headline: headline()
            case .decisions: decisions()
            case .constraints: constraintRegister()
            case .critical: criticalPath()
            case .buffers: buffers()
            case .changes: changes()
            case .nextTwoWeeks: nextTwoWeeks()
            case .health: health()
            case .diagrams: diagrams()
            }
            html.close("section")
            html.newline()
        }

        // MARK: - Pieces

        mutating func paragraph(_ text: String, class name: String? = nil) {
            html.element("p", name.map { [("class", $0)] } ?? [], text: text)
        }

        /// A table whose rows the script can sort; `numeric` columns are right-aligned.
        mutating func table(_ headers: [String], numeric: Set<Int> = [], sortable: Bool = true, _ rows: (inout Page) -> Void) {
            html.open("div", [("class", "scroll")])
            html.open("table", sortable ? [("class", "sortable")] : [])
            html.element("thead") { t in
                t.element("tr") { r in
                    for (k, h) in headers.enumerated() { r.element("th", numeric.contains(k) ? [("class", "num")] : [], text: h) }
                }
            }
            html.open("tbody")
            rows(&self)
            html.close("tbody")
            html.close("table")
            html.close("div")
            html.newline()
        }

        /// A cell of text, with a sort key for numbers.
        mutating func cell(_ text: String, sort: Double? = nil, class name: String? = nil) {
            var attributes: HTMLWriter.Attributes = []
            if let name { attributes.append(("class", name)) }
            if let sort, sort.isFinite { attributes.append(("data-sort", ReviewHTML.sortKey(sort))) }
            html.element("td", attributes, text: text)
        }

        /// A cell with a title and its id beneath.
        mutating func nameCell(_ title: String, id: String) {
            html.element("td", [("data-sort", title.lowercased())]) { c in
                c.text(title)
                c.void("br")
                c.element("span", [("class", "id")], text: id)
            }
        }

        mutating func badge(_ text: String, class name: String) {
            html.element("span", [("class", "badge \(name)")], text: text)
        }

        mutating func severityCell(_ severity: Constraint.Severity?) {
            html.element("td", [("data-sort", "\(severity?.rank ?? 9)")]) { c in
                c.element("span", [("class", "badge sev-\(severity?.rawValue ?? "none")")], text: severity?.rawValue ?? "none")
            }
        }

        /// A figure with its SVG inline, its caption and its note.
        mutating func figure(_ f: ReviewFigure) {
            html.element("figure", [("id", "figure-\(f.id)")] + (f.zoomable ? [("class", "zoomable")] : [])) { h in
                h.element("figcaption", text: f.caption)
                if let svg = f.svg {
                    h.element("div", [("class", "frame")]) { $0.raw(svg) }
                }
                if f.note != nil || f.hint != nil {
                    h.element("p", [("class", "note")]) { p in
                        if let note = f.note { p.text(note) }
                        if let hint = f.hint { p.element("span", [("class", "screen-only")], text: (f.note == nil ? "" : " ") + hint) }
                    }
                }
            }
            html.newline()
        }

        mutating func card(_ label: String, _ value: String, detail: String?, change: String?, tone: Tone) {
            let toneClass = tone == .bad ? " bad" : tone == .good ? " good" : tone == .caution ? " caution" : ""
            html.element("div", [("class", "card" + toneClass)]) { c in
                c.element("div", [("class", "label")], text: label)
                c.element("div", [("class", "value")], text: value)
                if let detail { c.element("div", [("class", "detail")], text: detail) }
                if let change { c.element("div", [("class", "change")], text: change) }
            }
        }
    }
}
