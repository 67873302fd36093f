import SlipwayEngine
import SlipwayCore

/// A hand-written Markdown plan in any of the common shapes (risk registers,
/// phase plans, roadmaps, blocker lists, ticket tables), as `MarkdownPlanReader`
/// read it, before it is mapped to a plan. Every piece keeps its 1-based line.
public struct MarkdownPlanDocument: Sendable {
    public var title: String?
    public var titleLine = 1
    public var items: [Item] = []
    public var phases: [PhaseEntry] = []
    public var tables: [Table] = []
    public var sections: [Section] = []
    /// `**Key**: value` lines outside any item or phase.
    public var metadata: [(key: String, value: String, line: Int)] = []
    /// Headings below the title, and those that became an item or a phase or hold one.
    public var headings = 0
    public var mappedHeadings = 0
    /// The first date the document writes, which the plan starts from.
    public var firstDate: (date: CivilDate, line: Int)?
    /// What the document says of itself, to check against what it holds.
    public var statements: [Statement] = []
    /// The nearest supported form seen where nothing was mapped, for the error.
    public var nearMisses: [(form: String, line: Int)] = []

    public enum Kind: String, Sendable { case constraint, task, milestone }

    /// One risk, constraint or blocker (`kind == .constraint`), or one piece of work.
    public struct Item: Sendable {
        public var kind: Kind
        /// The id the document gives it (`R-001`, `Task 1.1`, `1.2`, a table's ID cell).
        public var label: String?
        public var name: String
        public var line: Int
        public var severity: Constraint.Severity?
        public var owner: String?
        public var status: String?
        public var done = false
        public var estimate: Estimate?
        var estimateUnit: MarkdownVocabulary.Unit?
        public var start: String?
        public var end: String?
        public var due: String?
        /// Names of predecessors as written (`Task 1.2`, `R-001`, a title).
        public var after: [String] = []
        public var phase: Int?
        public var section: Int?
        public var table: Int?
        public var description: String?
        public var mitigation: String?
        public var notes: [String] = []
        public var level: Int
    }

    /// `## Phase 1: Foundation (Weeks 1-2)`, `### Sprint 3`, `## Wave 2 — Q1 2025`.
    public struct PhaseEntry: Sendable {
        public var word: String
        public var number: String
        public var name: String
        public var line: Int
        public var level: Int
        /// The text the window is read from (the heading, or a `**Duration**:` line).
        public var windowText: String?
        public var windowLine: Int
        /// `(Weeks 1-2) - 69 hours`: the effort the heading states for the phase.
        public var statedEffort: (weeks: Double, text: String)?
        /// `**Duration**: 2 weeks`: a length without a place; the phase follows the one before.
        public var length: Double?
    }

    /// A table: mapped when one column names its items.
    public struct Table: Sendable {
        public var line: Int
        public var header: [String]
        public var nameColumn: Int?
        public var rows = 0
        public var isConstraint = false
        /// Columns with no place in a plan.
        public var ignored: [String] = []
        public var section: Int?
        /// Rows that had no name, or cells that could not be read, by line.
        public var problems: [(what: String, line: Int)] = []
        public var pointsColumn = false
    }

    /// A `#`/`##` section: what it held that a plan has no place for.
    public struct Section: Sendable {
        public var title: String
        public var line: Int
        public var isRisk: Bool
        public var unmapped = 0
        public var unmappedFields: [String] = []
    }

    /// "24 risks", "Total Tasks: 40", "12 weeks total", "Total effort: 320 hours".
    public struct Statement: Sendable {
        public enum What: Sendable, Equatable { case count(noun: String, severity: Constraint.Severity?), length, effort }
        public var what: What
        public var value: Double
        public var text: String
        public var line: Int
    }
}
