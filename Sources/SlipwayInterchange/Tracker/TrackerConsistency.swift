import SlipwayCore

/// How a tracker disagrees with itself: statistics that do not count what the
/// document holds, severities that differ between a heading and the resolution
/// table, table rows that name no constraint, constraints missing from the table;
/// then the contradictions between sections, by line: a timeline that never ends
/// against a target week, a target the phases cannot meet, a next step due before
/// the phase that holds its work, a constraint that blocks the phase its own work is in.
public enum TrackerConsistency {
    /// Warnings in that order (the contradictions by line), each at the line of the
    /// statement it questions, with a note at the statement it is held against.
    ///
    /// - Parameters:
    ///   - matches: for each table row, its constraint (`TrackerImport.rowMatches`).
    ///   - cross: which activity is which constraint's mitigation and which action's work.
    /// - Complexity: O(*r* + *c* + *x*) for *r* table rows, *c* constraints and *x*
    ///   next-step actions.
    public static func findings(_ doc: TrackerDocument, matches: [Int?], cross: TrackerCrossReference) -> [Diagnostic] {
        var result: [Diagnostic] = []
        func at(_ line: Int) -> SourceLocation { SourceLocation(line: line, column: 1) }

        var counts: [Constraint.Severity: Int] = [:]
        for entry in doc.constraints { if let s = entry.severity { counts[s, default: 0] += 1 } }
        for (key, stated, line) in doc.statistics {
            let lower = key.lowercased()
            let actual: Int
            let what: String
            if lower.hasPrefix("total") {
                actual = doc.constraints.count
                what = "constraints"
            } else if let s = Constraint.Severity(rawValue: lower) {
                actual = counts[s] ?? 0
                what = "\(s.rawValue) constraints"
            } else {
                continue
            }
            if stated != actual {
                result.append(.warning(.statisticsMismatch, at: at(line),
                                       "the statistics claim \(stated) \(what), but the document holds \(actual)"))
            }
        }

        for (r, row) in doc.table.enumerated() {
            let label = row.cell("Constraint") ?? ""
            guard let e = matches[r] else {
                result.append(.warning(.unknownTableRow, at: at(row.line),
                                       "the table row '\(label)' names no constraint of the document"))
                continue
            }
            let entry = doc.constraints[e]
            if let cell = row.cell("Severity"), let tableSeverity = severity(in: cell), let headingSeverity = entry.severity,
               tableSeverity != headingSeverity {
                result.append(.warning(.severityMismatch, at: at(row.line),
                                       "'\(label)' is \(tableSeverity.rawValue.uppercased()) in the table but \(headingSeverity.rawValue.uppercased()) in its heading \(entry.section) (line \(entry.line))"))
            }
        }

        let listed = Set(matches.compactMap { $0 })
        for (e, entry) in doc.constraints.enumerated() where !listed.contains(e) {
            result.append(.warning(.missingFromTable, at: at(entry.line),
                                   "\(entry.section) '\(entry.name)' is missing from the resolution table: it has no status, owner, target or progress"))
        }
        return result + contradictions(doc, matches: matches, cross: cross).sortedByLocation()
    }

    /// Statements of two sections that cannot both hold.
    static func contradictions(_ doc: TrackerDocument, matches: [Int?], cross: TrackerCrossReference) -> [Diagnostic] {
        var result: [Diagnostic] = []
        func at(_ line: Int) -> SourceLocation { SourceLocation(line: line, column: 1) }
        var rowOf = [Int?](repeating: nil, count: doc.constraints.count)
        for (r, e) in matches.enumerated() { if let e { rowOf[e] = r } }
        func phaseText(_ p: Int) -> String {
            let block = doc.phases[p]
            return "Phase \(block.number): \(block.name)" + (block.weeks.map { " (weeks \($0))" } ?? "")
        }

        for (e, entry) in doc.constraints.enumerated() {
            let what = "\(entry.section) '\(entry.name)'"
            let row = rowOf[e].map { doc.table[$0] }
            let target = row.flatMap { $0.cell("Target Date") ?? $0.cell("Target") }.flatMap(week)
            let label = row?.cell("Constraint") ?? entry.name

            if let timeline = entry.field("timeline"), isOpenEnded(timeline.value), let row, let target {
                result.append(.warning(.openTimelineTarget, at: at(timeline.line),
                    "\(what) has the timeline '\(timeline.value)', which has no end, but the resolution table gives it a target of week \(target.compact) (line \(row.line)): give the work an end, or the table no date",
                    notes: [.init("'\(label)' is due week \(target.compact) here", at: at(row.line))]))
            }
            guard let a = cross.activityOfConstraint[e] else { continue }
            let activity = cross.activities[a]
            if let row, let target, let start = doc.phases[activity.phase].window?.start, start >= target {
                result.append(.warning(.phaseAfterTarget, at: at(row.line),
                    "the table's target for '\(label)' (\(entry.section)) is week \(target.compact), but the phases place its work, '\(activity.text)', in \(phaseText(activity.phase)), which opens only after week \(target.compact)",
                    notes: [.init("'\(activity.text)' is in \(phaseText(activity.phase))", at: at(activity.line))]))
            }
            if let severity = entry.field("severity"), TrackerImport.blocksEntireMigration(severity.value),
               TrackerNames.kebab(doc.phases[activity.phase].name) == TrackerImport.migrationPhase {
                result.append(.warning(.blocksOwnPhase, at: at(severity.line),
                    "\(what) blocks the entire migration, but the phases place its own work, '\(activity.text)', in \(phaseText(activity.phase)): the rest of that phase waits for it",
                    notes: [.init("'\(activity.text)' is in \(phaseText(activity.phase))", at: at(activity.line))]))
            }
        }

        for (i, action) in cross.actions.enumerated() {
            guard let due = action.week, let a = cross.activityOfAction[i] else { continue }
            let activity = cross.activities[a]
            guard let start = doc.phases[activity.phase].window?.start, start >= due else { continue }
            result.append(.warning(.actionBeforePhase, at: at(action.line),
                "'\(action.text)' (\(action.group), due by week \(due.compact)) comes before its phase: the phases place '\(activity.text)' in \(phaseText(activity.phase)), which opens only after week \(due.compact)",
                notes: [.init("'\(activity.text)' is in \(phaseText(activity.phase))", at: at(activity.line))]))
        }
        return result
    }

    /// A timeline that names no end: "Ongoing", "Throughout migration", "Continuous".
    static func isOpenEnded(_ timeline: String) -> Bool {
        let lower = timeline.lowercased()
        return ["ongoing", "throughout", "continuous", "continual", "indefinite"].contains { lower.hasPrefix($0) }
    }

    /// `Week 4` -> 4 (an end: the end of week 4).
    static func week(_ text: String) -> Double? {
        text.wholeMatch(of: Self.weekPattern).flatMap { Double($0.1) }
    }

    /// `🔴 CRITICAL` -> critical.
    static func severity(in cell: String) -> Constraint.Severity? {
        cell.split(separator: " ").lazy.compactMap { Constraint.Severity(rawValue: $0.lowercased()) }.first
    }
}

// The diagnostic codes raised here.
extension DiagnosticCode {
    public static let actionBeforePhase = DiagnosticCode("action-before-phase")
    public static let blocksOwnPhase = DiagnosticCode("blocks-own-phase")
    public static let missingFromTable = DiagnosticCode("missing-from-table")
    public static let openTimelineTarget = DiagnosticCode("open-timeline-target")
    public static let phaseAfterTarget = DiagnosticCode("phase-after-target")
    public static let severityMismatch = DiagnosticCode("severity-mismatch")
    public static let statisticsMismatch = DiagnosticCode("statistics-mismatch")
    public static let unknownTableRow = DiagnosticCode("unknown-table-row")
}

// Swift parses a regex literal each time it is evaluated: built once here (see
// MarkdownPlanReader's patterns). A `Regex` is immutable once built.
extension TrackerConsistency {
    nonisolated(unsafe) static let weekPattern = /[Ww]eek\s+(\d+)/
}
