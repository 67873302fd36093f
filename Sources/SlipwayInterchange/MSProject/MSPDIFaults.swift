import Foundation
import SlipwayCore

/// What a well-formed MSPDI file holds that cannot be read, element by element:
/// a task whose duration is not a duration, a link from a task that is not
/// there, an assignment to an unknown resource or task, a date that is not a
/// date (`2025-02-30`), a number that is not a number.
///
/// Without `lenient` each is an error at its element and nothing is imported
/// (all of them listed in one run). With `lenient` (`slipway import mspdi
/// --lenient`) the item is dropped with a warning at its line and the import
/// goes on: a task whose duration or outline level cannot be read is dropped
/// with its links (a warning each), a link or an assignment is dropped, and an
/// unreadable value (a date, a number) is left out while its task stays. The
/// counts give the summary line. A file that is not well-formed XML is refused
/// either way (`XMLTree`).
struct MSPDIFaults {
    let lenient: Bool
    private(set) var diagnostics: [Diagnostic] = []
    /// Faults found in the file (not the drops that follow from them).
    private(set) var faults = 0
    private(set) var dropped: [Item: Int] = [:]
    /// UIDs of the tasks dropped, for the links and assignments that name them.
    private(set) var droppedTasks = Set<String>()

    enum Item: Hashable { case task, link, assignment, value }

    init(lenient: Bool) {
        self.lenient = lenient
    }

    /// The file holds `what` with a fault: an error, or (lenient) dropped with a warning.
    mutating func fault(_ item: Item, _ what: String, _ reason: String, at element: XMLTree.Element) {
        faults += 1
        if lenient {
            drop(item, what, reason, at: element)
        } else {
            diagnostics.append(.error(.mspdiUnreadable, at: Self.location(element),
                                      "\(what): \(reason); fix it, or import with --lenient to drop it and import the rest"))
        }
    }

    /// `what` cannot be imported because of an earlier fault (a link to a dropped
    /// task): a warning when lenient; nothing otherwise, the file being refused.
    mutating func drop(_ item: Item, _ what: String, _ reason: String, at element: XMLTree.Element) {
        guard lenient else { return }
        dropped[item, default: 0] += 1
        diagnostics.append(.warning(.mspdiDropped, at: Self.location(element), "dropped \(what): \(reason)"))
    }

    mutating func dropTask(uid: String, _ what: String, _ reason: String, at element: XMLTree.Element, links: [XMLTree.Element]) {
        droppedTasks.insert(uid)
        fault(.task, what, reason, at: element)
        for link in links {
            drop(.link, "link from UID \(link.trimmed("PredecessorUID") ?? "?") to \(what)", "task UID \(uid) is dropped", at: link)
        }
    }

    /// The imported counts against the dropped ones: `imported 120 tasks, 140 links;
    /// dropped 2 tasks, 3 links, 1 assignment, 1 value`.
    func summary(tasks: Int, links: Int) -> String {
        func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
        var text = "imported \(count(tasks, "task")), \(count(links, "link")); "
        let parts = [(Item.task, "task"), (.link, "link"), (.assignment, "assignment"), (.value, "value")]
            .compactMap { item, noun in dropped[item].map { count($0, noun) } }
        text += parts.isEmpty ? "dropped nothing" : "dropped " + parts.joined(separator: ", ")
        return text
    }

    static func location(_ element: XMLTree.Element) -> SourceLocation {
        SourceLocation(line: element.line, column: element.column)
    }

    // MARK: - Reading values

    /// A number field: nil when absent or empty; a fault when it is not a finite number.
    mutating func number(_ element: XMLTree.Element, _ field: String, of owner: String) -> Double? {
        guard let child = element.child(field), let text = child.trimmedText else { return nil }
        if let x = Double(text), x.isFinite { return x }
        fault(.value, "\(field) of \(owner)", "'\(text.prefix(40))' is not a number", at: child)
        return nil
    }

    /// An integer field (a code or a level): nil when absent or empty; a fault otherwise.
    mutating func integer(_ element: XMLTree.Element, _ field: String, of owner: String) -> Int? {
        guard let child = element.child(field), let text = child.trimmedText else { return nil }
        if let n = Int(text) { return n }
        fault(.value, "\(field) of \(owner)", "'\(text.prefix(40))' is not a whole number", at: child)
        return nil
    }

    /// A date-time field as plan time: nil when absent or empty; a fault when it is
    /// not a date (`2025-02-30T08:00:00`, `soon`).
    mutating func time(_ element: XMLTree.Element, _ field: String, of owner: String, clock: WorkClock) -> Double? {
        guard let child = element.child(field), let text = child.trimmedText else { return nil }
        if let t = clock.time(of: text), t.isFinite { return t }
        fault(.value, "\(field) of \(owner)", "'\(text.prefix(40))' is not a date", at: child)
        return nil
    }
}

extension XMLTree.Element {
    /// The first child element with this name.
    func child(_ name: String) -> XMLTree.Element? { children.first { $0.localName == name } }
    /// The text without surrounding white space; nil when nothing is left.
    var trimmedText: String? {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }
    /// A child's trimmed text.
    func trimmed(_ name: String) -> String? { child(name)?.trimmedText }
}

// The diagnostic codes raised here.
extension DiagnosticCode {
    /// An element of a well-formed MSPDI file that cannot be read (without --lenient).
    public static let mspdiUnreadable = DiagnosticCode("mspdi-unreadable")
    /// An element dropped by `import mspdi --lenient`.
    public static let mspdiDropped = DiagnosticCode("mspdi-dropped")
}
