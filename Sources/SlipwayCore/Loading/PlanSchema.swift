/// The keys each kind of mapping in a plan file may have. Anything else is an
/// error, so that a typo (`dependson`, `duraton`) cannot pass silently.
enum PlanSchema {
    static let plan = ["plan", "start", "unit", "days-per-week", "deadline", "budget", "currency",
                       "status-date", "owners", "phases", "constraints", "tasks"]
    static let owner = ["id", "name", "capacity", "rate", "skills"]
    static let phase = ["id", "name", "weeks"]
    static let constraint = ["id", "title", "category", "severity", "status", "progress", "owner",
                             "target", "blocks", "mitigations", "description", "impact",
                             "section", "name", "label", "severity-note", "timeline", "options", "limits", "links", "risks"]
    static let task = ["id", "title", "duration", "milestone", "owner", "needs", "phase", "after",
                       "not-before", "due", "cost", "why", "notes", "group",
                       "actual-start", "actual-finish", "progress", "remaining",
                       "wait", "skills", "crash", "risks", "criteria"]
    static let link = ["id", "type", "lag", "why", "hard"]
    static let risk = ["id", "title", "probability", "impact", "on", "mode", "why"]
    static let criterion = ["text", "status"]
    static let crash = ["to", "cost"]

    /// `[a-z0-9][a-z0-9._-]*`
    static func isValidID(_ id: String) -> Bool {
        guard let first = id.utf8.first, isLowerAlnum(first) else { return false }
        return id.utf8.allSatisfy { isLowerAlnum($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") }
    }

    private static func isLowerAlnum(_ c: UInt8) -> Bool {
        (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9"))
    }
}
