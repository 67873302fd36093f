import SlipwayCore

/// A constraint tracker document as written (the format of
/// `shared/seed/aws-migration-constraint-tracker.md`), before it is mapped to a plan.
/// Every piece keeps the 1-based line it came from.
public struct TrackerDocument: Sendable {
    public var title = ""
    public var titleLine = 1
    /// `**Key**: value` lines before the first section, in order.
    public var metadata: [(key: String, value: String, line: Int)] = []
    /// "Key Statistics" as the document states them: `Total Constraints`, `Critical`, ...
    public var statistics: [(key: String, value: Int, line: Int)] = []
    public var constraints: [Entry] = []
    public var phases: [PhaseBlock] = []
    public var table: [Row] = []
    public var tableLine: Int?
    /// "Next Steps": groups of actions with the week they are due, read only to
    /// check them against the phases (a plan has no place for them).
    public var actions: [ActionGroup] = []
    /// Sections with no place in a plan (success criteria, next steps, prose).
    public var unmapped: [(what: String, line: Int)] = []
    /// Every line, for the phrases that carry the deadline and the budget.
    public var lines: [String] = []

    public struct Entry: Sendable {
        public var section: String
        public var name: String
        public var severity: Constraint.Severity?
        public var line: Int
        /// The numbered section (`## 1. Technical Constraints`) it sits in.
        public var category: String
        public var categoryLine: Int
        public var sentence: String?
        public var fields: [Field] = []

        public func field(_ key: String) -> Field? { fields.first { $0.key.lowercased() == key.lowercased() } }
    }

    /// A `- **Key**: value` bullet with its sub-bullets.
    public struct Field: Sendable {
        public var key: String
        public var value: String
        public var items: [String]
        public var line: Int
        public var itemLines: [Int]
    }

    public struct PhaseBlock: Sendable {
        public var number: Int
        public var name: String
        public var weeks: String?
        public var line: Int
        public var groups: [(title: String, activities: [(text: String, line: Int)], line: Int)] = []

        /// `Weeks 5-10` -> t in [4, 10); `Week 3` -> [2, 3).
        public var window: (start: Double, end: Double)? {
            guard let weeks else { return nil }
            let parts = weeks.split(separator: "-").compactMap { Double($0) }
            guard let first = parts.first, let last = parts.last else { return nil }
            return (first - 1, last)
        }
    }

    /// `1. **Immediate Actions** (This Week):` and its bullets.
    public struct ActionGroup: Sendable {
        public var title: String
        /// The end of the week the actions are due by (`This Week` is week 1, the
        /// plan's first: the tracker is written before the plan starts); nil when
        /// the heading names no week.
        public var week: Double?
        public var line: Int
        public var items: [(text: String, line: Int)] = []
    }

    /// A phase activity with its place: the index of its phase in `phases` and of
    /// its group in that phase.
    public struct Activity: Sendable {
        public var phase: Int
        public var group: Int
        /// As written, with any `(estimate X)` after it.
        public var text: String
        public var line: Int
    }

    /// Every phase activity in document order.
    /// - Complexity: O(*a*) for *a* activities.
    public var activities: [Activity] {
        var result: [Activity] = []
        for (p, phase) in phases.enumerated() {
            for (g, group) in phase.groups.enumerated() {
                for activity in group.activities {
                    result.append(Activity(phase: p, group: g, text: activity.text, line: activity.line))
                }
            }
        }
        return result
    }

    /// One row of the resolution tracking table, cells keyed by column title.
    public struct Row: Sendable {
        public var cells: [String: String]
        public var line: Int

        public func cell(_ column: String) -> String? {
            cells.first { $0.key.lowercased() == column.lowercased() }.map(\.value).flatMap { ["", "-", "—"].contains($0) ? nil : $0 }
        }
    }
}
