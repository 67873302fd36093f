import SlipwayEngine
import SlipwayCore

/// Where a Markdown plan disagrees with itself: a count it states against the
/// items it describes ("24 risks" where 9 are written), phase windows against the
/// total length it states, and summed estimates against a total effort it states
/// (for the document and for each phase whose heading states one).
enum MarkdownPlanConsistency {
    /// - Complexity: O(*s* (*i* + *t*)) for *s* statements, *i* items and *t* tasks; a
    ///   document states a handful of totals.
    static func findings(_ doc: MarkdownPlanDocument, plan: Plan) -> [Diagnostic] {
        var result: [Diagnostic] = []
        func at(_ line: Int) -> SourceLocation { SourceLocation(line: line, column: 1) }
        let constraints = doc.items.filter { $0.kind == .constraint }
        var seen = Set<String>()
        let estimatedLines = Set(doc.items.filter { $0.estimate != nil }.map(\.line))
        for s in doc.statements {
            switch s.what {
            case .count(let noun, let severity):
                let found: Int
                switch noun {
                case "risk": found = severity.map { sev in constraints.filter { $0.severity == sev }.count } ?? constraints.count
                case "phase": found = doc.phases.count
                case "task": found = plan.tasks.count
                case "milestone": found = plan.tasks.filter(\.isMilestone).count
                default: continue
                }
                // A count stated twice is reported once.
                guard Int(s.value) != found, seen.insert("\(noun)-\(severity?.rawValue ?? "")-\(Int(s.value))").inserted else { continue }
                let what = severity.map { "\($0.rawValue) \(noun)s" } ?? "\(noun)s"
                result.append(.warning(.statedCountMismatch, at: at(s.line),
                                       "the document states \(Int(s.value)) \(what) ('\(s.text)'), but it describes \(found)"))
            case .length:
                guard let (p, end) = plan.phases.enumerated().compactMap({ i, ph in ph.windowEnd.map { (i, $0) } }).max(by: { $0.1 < $1.1 }),
                      end > s.value + 1e-9 else { continue }
                result.append(.warning(.phasesExceedLength, at: plan.phases[p].location,
                                       "the phase windows run to week \(end.compact), beyond the total length the document states (\(s.value.compact) weeks)",
                                       notes: [.init("the stated length: '\(s.text)'", at: at(s.line))]))
            case .effort:
                let estimated = plan.tasks.filter { estimatedLines.contains($0.location.line) }
                let sum = estimated.reduce(0) { $0 + $1.estimate.mean }
                guard !estimated.isEmpty, abs(sum - s.value) > max(0.05 * s.value, 1e-6) else { continue }
                result.append(.warning(.effortMismatch, at: at(s.line),
                                       "the document states a total of \(hours(s.value)) ('\(s.text)'), but its \(estimated.count) estimates sum to \(hours(sum))"))
            }
        }
        for (p, phase) in doc.phases.enumerated() {
            guard let stated = phase.statedEffort else { continue }
            let items = doc.items.filter { $0.phase == p && $0.kind != .constraint && $0.estimate != nil }
            let sum = items.reduce(0) { $0 + $1.estimate!.mean }
            guard !items.isEmpty, abs(sum - stated.weeks) > max(0.05 * stated.weeks, 1e-6) else { continue }
            result.append(.warning(.effortMismatch, at: at(phase.line),
                                   "\(phase.word.lowercased()) \(phase.number) states \(stated.text), but its \(items.count) estimates sum to \(hours(sum))"))
        }
        return result
    }

    /// Weeks as hours at 40 a week, the unit effort totals are most often stated in.
    static func hours(_ weeks: Double) -> String { "\((weeks * 40).compact) hours" }
}

extension DiagnosticCode {
    public static let statedCountMismatch = DiagnosticCode("stated-count-mismatch")
    public static let phasesExceedLength = DiagnosticCode("phases-exceed-length")
    public static let effortMismatch = DiagnosticCode("effort-mismatch")
}
