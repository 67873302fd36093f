import Foundation

/// The progress sidecar of a plan: `NAME.progress.yaml` next to `NAME.yaml`,
/// an append-only list of updates written by `slipway progress`.
///
/// Why a sidecar rather than editing the plan: the plan file is the author's,
/// with comments and layout that a YAML round trip would lose; the sidecar is
/// the tool's, so the plan is never rewritten, and each update keeps who
/// recorded what and when. The loader applies the updates in file order on top
/// of the plan's own progress fields (later updates win), and the forecast's
/// status date becomes the later of the plan's `status-date` and the last `as-of`.
public enum ProgressLog {
    /// Where the sidecar of a plan file lives: `plans/x.yaml` -> `plans/x.progress.yaml`.
    public static func sidecarPath(forPlan path: String) -> String {
        FilePath.joined(FilePath.directory(of: path), FilePath.stem(of: path) + ".progress.yaml")
    }

    /// The text of a sidecar and where it was read from (for diagnostics).
    public struct Source: Sendable {
        public var path: String
        public var text: String
        /// Why the file could not be read, when it exists but is unreadable.
        public var readError: String?

        public init(path: String, text: String, readError: String? = nil) {
            self.path = path
            self.text = text
            self.readError = readError
        }
    }

    /// One recorded update: what is known about a task as of a time.
    public struct Update: Sendable, Equatable {
        public var task: String
        /// The time the update describes (an end: `week 3` is t = 3).
        public var asOf: Double
        public var actualStart: Double?
        public var actualFinish: Double?
        public var percent: Double?
        public var remaining: Double?
        /// Money spent on the task so far (the total to date, not an increment).
        public var spent: Double?
        /// Who recorded it and when (ISO 8601), for the history.
        public var by: String?
        public var at: String?

        public init(task: String, asOf: Double, actualStart: Double? = nil, actualFinish: Double? = nil,
                    percent: Double? = nil, remaining: Double? = nil, spent: Double? = nil, by: String? = nil, at: String? = nil) {
            self.task = task
            self.asOf = asOf
            self.actualStart = actualStart
            self.actualFinish = actualFinish
            self.percent = percent
            self.remaining = remaining
            self.spent = spent
            self.by = by
            self.at = at
        }
    }

    static let entryKeys = ["task", "as-of", "actual-start", "actual-finish", "progress", "remaining", "spent", "by", "at"]

    /// Reads the sidecar and applies its updates to the plan. Problems are
    /// returned as diagnostics located in the sidecar file.
    ///
    /// - Parameter upTo: apply only the updates whose `as-of` is at or before this
    ///   time: the plan as it stood at an earlier update. Later updates are still
    ///   read and checked, so a bad entry is reported whatever the cut-off.
    /// - Complexity: O(*n* + *T*) in the size of the sidecar and the number of tasks.
    static func apply(_ source: Source, to plan: inout Plan, upTo: Double? = nil) -> [Diagnostic] {
        let reader = NodeReader(nodeLimit: 2 * source.text.utf8.count + 1_000)
        func located(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
            diagnostics.map { d in
                var d = d
                d.location = SourceLocation(line: d.location?.line ?? 1, column: d.location?.column ?? 1, file: source.path)
                return d
            }
        }
        if let problem = source.readError {
            return located([.error(.unreadableProgress, at: nil, "cannot read the progress file: \(problem)")])
        }
        if source.text.allSatisfy({ $0.isWhitespace }) { return [] }
        let root: YAMLNode
        var composeDiagnostics: [Diagnostic] = []
        do {
            guard let node = try YAMLComposer.compose(source.text, diagnostics: &composeDiagnostics) else { return [] }
            root = node
        } catch {
            var d = error.diagnostic
            d.code = .malformedProgress
            d.message += "; fix the progress file or move it away, the plan itself is untouched"
            return located([d])
        }
        if composeDiagnostics.hasErrors { return located(composeDiagnostics) }
        let syntax = TimeSyntax(unit: plan.unit, calendar: plan.calendar)
        var history = plan.progressHistory
        defer { plan.progressHistory = history }
        do {
            guard let top = try reader.fields(of: root, known: ["updates"], what: "the progress file") else { return located(reader.diagnostics) }
            for (_, list, _) in top {
                for item in try reader.items(of: list, what: "'updates'") ?? [] {
                    guard let (update, locations) = try readUpdate(item, reader: reader, syntax: syntax) else { continue }
                    guard let i = plan.taskIndex(of: update.task) else {
                        reader.error(.unknownReference, at: locations["task"] ?? item.location,
                                     "'\(update.task)' in the progress file is not a task of the plan\(Suggestion.hint(for: update.task, in: plan.tasks.map(\.id)))")
                        continue
                    }
                    if let upTo, update.asOf > upTo + 1e-9 { continue }
                    history.record(update, task: i, declared: plan.tasks[i].progress)
                    merge(update, into: &plan.tasks[i], locations: locations.mapValues { SourceLocation(line: $0.line, column: $0.column, file: source.path) })
                    plan.statusDate = max(plan.statusDate ?? update.asOf, update.asOf)
                    plan.recordedAsOf.append(update.asOf)
                }
            }
        } catch {
            reader.error(.malformedProgress, at: nil, "the progress file cannot be read: \(error)")
        }
        return located(reader.diagnostics)
    }

    /// Later news replaces earlier: a new percent makes an older `remaining`
    /// stale, a finish leaves nothing remaining, and a percent below 100 after a
    /// finish takes the finish back (the way to correct a mistaken `--done`).
    static func merge(_ update: Update, into task: inout PlanTask, locations: [String: SourceLocation]) {
        if let v = update.actualStart { task.progress.actualStart = v }
        if let v = update.percent {
            task.progress.percent = v
            if update.remaining == nil { task.progress.remaining = nil }
            if v < 100, update.actualFinish == nil { task.progress.actualFinish = nil }
        }
        if let v = update.remaining { task.progress.remaining = v }
        if let v = update.actualFinish {
            task.progress.actualFinish = v
            task.progress.remaining = nil
        }
        if let v = update.spent { task.progress.spent = v }
        for key in ["actual-start", "actual-finish", "progress", "remaining", "spent"] {
            if let l = locations[key] { task.setLocation(l, of: key) }
        }
    }

    private static func readUpdate(_ node: YAMLNode, reader: NodeReader, syntax: TimeSyntax) throws -> (Update, [String: SourceLocation])? {
        guard let fields = try reader.fields(of: node, known: entryKeys, what: "a progress update") else { return nil }
        var task: String?, asOf: Double?
        var update = Update(task: "", asOf: 0)
        var locations: [String: SourceLocation] = [:]
        func point(_ value: YAMLNode, _ edge: WorkCalendar.Edge, _ what: String) throws -> Double? {
            guard let text = try reader.string(value, what: what) else { return nil }
            switch syntax.point(text, as: edge) {
            case .success(let t) where t >= 0: return t
            case .success: reader.error(.badTime, at: value.location, "\(what) '\(text)' is before the plan starts (t = 0)")
            case .failure(let f): reader.error(.badTime, at: value.location, "\(what): \(f.message)")
            }
            return nil
        }
        for (key, value, keyLocation) in fields {
            locations[key] = keyLocation
            switch key {
            case "task": task = try reader.string(value, what: "'task'")
            case "as-of": asOf = try point(value, .end, "'as-of'")
            case "actual-start": update.actualStart = try point(value, .start, "'actual-start'")
            case "actual-finish": update.actualFinish = try point(value, .end, "'actual-finish'")
            case "progress":
                if let p = try reader.number(value, what: "'progress'", minimum: 0) {
                    if p <= 100 { update.percent = p } else { reader.error(.badProgress, at: value.location, "'progress' must be a percentage from 0 to 100, not \(p.compact)") }
                }
            case "remaining":
                guard let text = try reader.string(value, what: "'remaining'") else { continue }
                switch syntax.duration(text) {
                case .success(let w) where w >= 0: update.remaining = w
                case .success: reader.error(.badDuration, at: value.location, "'remaining' cannot be negative")
                case .failure(let f): reader.error(.badDuration, at: value.location, f.message)
                }
            case "spent": update.spent = try reader.number(value, what: "'spent'", minimum: 0)
            case "by": update.by = try reader.string(value, what: "'by'")
            case "at": update.at = try reader.string(value, what: "'at'")
            default: break
            }
        }
        guard let task, let asOf else {
            reader.error(.missingKey, at: node.location, "a progress update needs 'task' and 'as-of'")
            return nil
        }
        update.task = task
        update.asOf = asOf
        return (update, locations)
    }

    // MARK: - Writing

    /// The first lines of a new sidecar.
    public static func header(planFile: String) -> String {
        """
        # Progress of \(planFile), recorded by `slipway progress`; the plan file is not edited.
        # Updates apply in order on top of the plan (later ones win). Times are weeks
        # from t = 0; the forecast's status date is the later of the plan's
        # status-date and the last as-of. Safe to edit by hand.
        updates:

        """
    }

    /// One update as YAML lines of the `updates` list, with the week (and the
    /// date, when the plan has a start) in a comment for people.
    public static func entryText(_ update: Update, calendar: WorkCalendar) -> String {
        func when(_ t: Double, _ edge: WorkCalendar.Edge) -> String {
            let week = edge == .end ? max(1, Int((t - 1e-9).rounded(.up))) : Int((t + 1e-9).rounded(.down)) + 1
            let date = calendar.date(at: t, as: edge).map { ", \($0)" } ?? ""
            return "\(t.compact)  # \(edge == .end ? "end of" : "start of") week \(week)\(date)"
        }
        var lines = ["  - task: \(update.task)", "    as-of: \(when(update.asOf, .end))"]
        if let v = update.actualStart { lines.append("    actual-start: \(when(v, .start))") }
        if let v = update.actualFinish { lines.append("    actual-finish: \(when(v, .end))") }
        if let v = update.percent { lines.append("    progress: \(v.compact)") }
        if let v = update.remaining { lines.append("    remaining: \(v.compact)w") }
        if let v = update.spent { lines.append("    spent: \(v.compact)") }
        if let v = update.by { lines.append("    by: \(yamlString(v))") }
        if let v = update.at { lines.append("    at: \(yamlString(v))") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The sidecar text with one more update at the end. `existing` is the
    /// current text, or nil when there is no sidecar yet.
    public static func appending(_ update: Update, to existing: String?, planFile: String, calendar: WorkCalendar) -> String {
        var text = existing ?? header(planFile: planFile)
        if text.allSatisfy({ $0.isWhitespace }) { text = header(planFile: planFile) }
        if !text.hasSuffix("\n") { text += "\n" }
        // A file of comments alone (every command reads it as no updates) gets the
        // `updates:` key before its first entry, keeping the comments.
        let onlyComments = text.split(separator: "\n").allSatisfy { line in
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            return trimmed.isEmpty || trimmed.hasPrefix("#")
        }
        if onlyComments { text += "updates:\n" }
        return text + entryText(update, calendar: calendar)
    }

    /// Quoted when plain YAML would misread it.
    static func yamlString(_ s: String) -> String {
        let plain = s.unicodeScalars.allSatisfy { c in
            (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9") || "-_.@+:".unicodeScalars.contains(c)
        }
        if plain && !s.isEmpty && !s.hasPrefix("-") && !s.hasSuffix(":") && !s.contains(": ") { return s }
        var out = ""
        JSONString.quote(s, into: &out)
        return out
    }
}

// The diagnostic codes raised here.
extension DiagnosticCode {
    public static let malformedProgress = DiagnosticCode("malformed-progress")
    public static let unreadableProgress = DiagnosticCode("unreadable-progress")
}
