import Foundation

/// The outcome of loading a plan file: the plan, when it could be read at all,
/// and every problem found. A plan with error diagnostics must not be scheduled.
public struct LoadResult: Sendable {
    public var plan: Plan?
    public var diagnostics: [Diagnostic]

    public var isValid: Bool { plan != nil && !diagnostics.hasErrors }
}

/// Reads plan files (section 2 of the plan-format contract) into `Plan` values.
public enum PlanLoader {
    /// Larger inputs are refused before parsing: a plan of a million tasks is about
    /// 100 MB, and anything far beyond is a mistake or an attack on memory.
    public static let maximumInputBytes = 256 * 1024 * 1024

    /// Loads a plan file; `-` reads standard input. The plan's progress sidecar
    /// (`ProgressLog.sidecarPath(forPlan:)`), when there is one, is applied on top.
    public static func load(path: String, maximumBytes: Int = maximumInputBytes) -> LoadResult {
        let read = text(path: path, maximumBytes: maximumBytes)
        guard let text = read.text else { return LoadResult(plan: nil, diagnostics: read.problem.map { [$0] } ?? []) }
        return load(text: text, sidecar: path == "-" ? nil : sidecar(forPlan: path), maximumBytes: maximumBytes)
    }

    /// The text of a plan file (`-` reads standard input), or the one error that
    /// keeps it from being read: unreadable, too large, or not UTF-8 (at the
    /// first bad byte). For a command that loads the same text more than once.
    public static func text(path: String, maximumBytes: Int = maximumInputBytes) -> (text: String?, problem: Diagnostic?) {
        switch InputFile.read(path, limit: maximumBytes) {
        case .success(let data):
            guard let text = String(data: data, encoding: .utf8) else {
                return (nil, .error(.notUtf8, at: UTF8Check.firstInvalid(in: data),
                                    "the plan file is not UTF-8 text: this byte cannot be read as UTF-8; save the file as UTF-8"))
            }
            return (text, nil)
        case .failure(.tooLarge(_, let size, let limit)):
            return (nil, tooLarge(size, limit: limit))
        case .failure(let failure):
            return (nil, .error(.unreadableFile, at: nil, "cannot read the plan: \(failure)"))
        }
    }

    /// The progress sidecar of a plan file, when it exists and can be read. One
    /// that exists but cannot be read is an error source too, not silently ignored.
    public static func sidecar(forPlan path: String) -> ProgressLog.Source? {
        let sidecarPath = ProgressLog.sidecarPath(forPlan: path)
        guard FileManager.default.fileExists(atPath: sidecarPath) else { return nil }
        guard let data = FileManager.default.contents(atPath: sidecarPath), let text = String(data: data, encoding: .utf8) else {
            return ProgressLog.Source(path: sidecarPath, text: "", readError: "it is not a readable UTF-8 file")
        }
        return ProgressLog.Source(path: sidecarPath, text: text)
    }

    /// Parses plan text, then applies a progress sidecar when one is given.
    public static func load(text: String, progress: ProgressLog.Source?) -> LoadResult {
        load(text: text, sidecar: progress, maximumBytes: maximumInputBytes)
    }

    /// Parses plan text.
    ///
    /// - Complexity: O(*n*) in the size of the text, plus O(*t* log *t*) to index
    ///   the *t* ids it declares.
    public static func load(text: String, maximumBytes: Int = maximumInputBytes) -> LoadResult {
        load(text: text, sidecar: nil, maximumBytes: maximumBytes)
    }

    private static func load(text: String, sidecar: ProgressLog.Source?, maximumBytes: Int) -> LoadResult {
        load(text: text, sidecar: sidecar, variant: PlanVariant(), maximumBytes: maximumBytes)
    }

    /// A plan as a variant: with options chosen from outside and a scenario
    /// applied, never written back.
    public struct PlanVariant: Sendable {
        /// Constraint id → option id, on top of the scenario's choices.
        public var choices: [String: String]
        public var scenario: Scenario?
        /// Apply only the progress updates recorded as of this time or before:
        /// the plan as it stood at an earlier update (the review's slip trend).
        public var progressUpTo: Double?

        public init(choices: [String: String] = [:], scenario: Scenario? = nil, progressUpTo: Double? = nil) {
            self.choices = choices
            self.scenario = scenario
            self.progressUpTo = progressUpTo
        }
    }

    /// Loads plan text as a variant (`slipway compare`): the options it chooses
    /// are scheduled instead of those marked `chosen`, and the scenario's changes
    /// are applied before references are resolved, so a change that names
    /// something the plan lacks is an error at the change.
    ///
    /// - Complexity: that of `load(text:)`, plus the scenario's changes.
    public static func load(text: String, sidecar: ProgressLog.Source?, variant: PlanVariant,
                            maximumBytes: Int = maximumInputBytes) -> LoadResult {
        switch parse(text, maximumBytes: maximumBytes) {
        case .done(let result): return result
        case .next(let parsed):
            let choices = (variant.scenario?.choices ?? [:]).merging(variant.choices) { _, explicit in explicit }
            switch read(parsed, choices: choices) {
            case .done(let result): return result
            case .next(var read):
                if let scenario = variant.scenario, var plan = read.plan {
                    read.plan = nil
                    ScenarioApplication.apply(scenario, to: &plan, reader: read.reader)
                    read.plan = plan
                }
                return resolve(read, sidecar: sidecar, progressUpTo: variant.progressUpTo)
            }
        }
    }

    /// Reads an overlay file of scenarios (one scenario as the top-level mapping,
    /// or `scenarios: [...]`) with the plan's time settings; diagnostics and the
    /// scenarios' locations name the overlay file.
    ///
    /// - Complexity: O(*n*) in the size of the overlay.
    public static func readScenarios(overlay text: String, path: String, for plan: Plan) -> (scenarios: [Scenario], diagnostics: [Diagnostic]) {
        func stamped(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
            diagnostics.map { d in
                var d = d
                if let l = d.location { d.location = SourceLocation(line: l.line, column: l.column, file: path) }
                d.notes = d.notes.map { n in var n = n; if let l = n.location { n.location = SourceLocation(line: l.line, column: l.column, file: path) }; return n }
                return d
            }
        }
        switch parse(text) {
        case .done(let result): return ([], stamped(result.diagnostics))
        case .next(let parsed):
            let reader = NodeReader(nodeLimit: parsed.nodeLimit)
            var planReader = PlanReader(reader: reader)
            planReader.syntax = TimeSyntax(unit: plan.unit, calendar: plan.calendar)
            var scenarios: [Scenario] = []
            do {
                let root = parsed.root
                var keys: [String] = []
                if root.isMapping {
                    var children = root.tree.children(of: root.index).makeIterator()
                    while let k = children.next(), children.next() != nil { keys.append(YAMLNode(tree: root.tree, index: k).string) }
                }
                if keys.contains("scenarios") {
                    guard let top = try reader.fields(of: root, known: ["scenarios"], what: "a scenario file") else { return ([], stamped(reader.diagnostics)) }
                    for (_, list, _) in top {
                        for item in try reader.itemsView(of: list, what: "'scenarios'") {
                            if let s = try planReader.readScenario(item) { scenarios.append(s) }
                        }
                    }
                } else if let s = try planReader.readScenario(root) {
                    scenarios.append(s)
                }
            } catch {
                return ([], stamped(parsed.diagnostics + reader.diagnostics + [.error(.malformedYaml, at: nil, "\(error)")]))
            }
            return (scenarios.map { $0.relocated(file: path) }, stamped(parsed.diagnostics + reader.diagnostics))
        }
    }

    // MARK: - Stages

    /// What a stage hands on: the input of the next stage, or the final result
    /// when loading ends early (no document, malformed YAML, an alias bomb).
    @_spi(Stages) public enum Stage<Next> {
        case next(Next)
        case done(LoadResult)
    }

    /// The composed YAML tree of a plan file, before it is read.
    @_spi(Stages) public struct Parsed {
        let root: YAMLNode
        let diagnostics: [Diagnostic]
        let bytes: Int
        let nodeLimit: Int
    }

    /// A plan read from its tree, before references are resolved.
    @_spi(Stages) public struct Read {
        var plan: Plan?
        let reader: NodeReader
        let composeDiagnostics: [Diagnostic]
        let nodeLimit: Int
    }

    /// Stage 1: size checks and the YAML composition. The stages are public (as
    /// SPI) so that the benchmark can time each one; `load(text:)` runs them in order.
    ///
    /// - Complexity: O(*n*) in the size of the text.
    @_spi(Stages) public static func parse(_ text: String, maximumBytes: Int = maximumInputBytes) -> Stage<Parsed> {
        let bytes = text.utf8.count
        if bytes > maximumBytes { return .done(LoadResult(plan: nil, diagnostics: [tooLarge(bytes, limit: maximumBytes)])) }
        if text.allSatisfy({ $0.isWhitespace }) {
            return .done(LoadResult(plan: nil, diagnostics: [.error(.emptyPlan, at: SourceLocation(line: 1, column: 1), "the plan file is empty; a plan needs at least 'plan: <title>'")]))
        }
        // A real document has fewer nodes than bytes; more, with aliases
        // expanded, is an alias bomb, refused while composing.
        let nodeLimit = 2 * bytes + 1_000
        var composeDiagnostics: [Diagnostic] = []
        do {
            guard let node = try YAMLComposer.compose(text, diagnostics: &composeDiagnostics, nodeLimit: nodeLimit) else {
                return .done(LoadResult(plan: nil, diagnostics: [.error(.emptyPlan, at: SourceLocation(line: 1, column: 1), "the plan file holds no YAML document")]))
            }
            return .next(Parsed(root: node, diagnostics: composeDiagnostics, bytes: bytes, nodeLimit: nodeLimit))
        } catch {
            return .done(LoadResult(plan: nil, diagnostics: [error.diagnostic]))
        }
    }

    /// Stage 2: the plan reader walks the tree into a `Plan`.
    ///
    /// - Complexity: O(*n*) in the number of YAML nodes.
    @_spi(Stages) public static func read(_ parsed: consuming Parsed, choices: [String: String] = [:]) -> Stage<Read> {
        let reader = NodeReader(nodeLimit: parsed.nodeLimit)
        do {
            var planReader = PlanReader(reader: reader, choices: choices)
            let plan = try planReader.read(parsed.root)
            return .next(Read(plan: plan, reader: reader, composeDiagnostics: parsed.diagnostics, nodeLimit: parsed.nodeLimit))
        } catch let exceeded as NodeReader.BudgetExceeded {
            return .done(LoadResult(plan: nil, diagnostics: [YAMLComposer.aliasBomb(at: exceeded.location, bytes: parsed.bytes, limit: parsed.nodeLimit)]))
        } catch {
            return .done(LoadResult(plan: nil, diagnostics: [.error(.malformedYaml, at: nil, "\(error)")]))
        }
    }

    /// Stage 3: ids and references across the plan, then the progress sidecar.
    ///
    /// - Complexity: that of `ReferenceCheck.check`, O(*n* + *r*) expected for *n*
    ///   ids and *r* references, plus the sidecar's entries.
    @_spi(Stages) public static func resolve(_ read: consuming Read, sidecar: ProgressLog.Source? = nil, progressUpTo: Double? = nil) -> LoadResult {
        let reader = read.reader
        var plan = read.plan
        var progressDiagnostics: [Diagnostic] = []
        if var p = plan, !reader.tooManyErrors {
            plan = nil
            ReferenceCheck(reader: reader).check(&p)
            p.progressHistory = ProgressHistory(declaredStatusDate: p.statusDate)
            if let sidecar { progressDiagnostics = ProgressLog.apply(sidecar, to: &p, upTo: progressUpTo) }
            let progressReader = NodeReader(nodeLimit: read.nodeLimit)
            ProgressCheck(reader: progressReader).check(p)
            progressDiagnostics += progressReader.diagnostics
            plan = p
        }
        // Report in file order, as a compiler does; the sort is stable, so
        // findings at one place keep the order in which they were made. The
        // sidecar's findings follow, in its own order.
        var diagnostics = (read.composeDiagnostics + reader.diagnostics).sortedByLocation() + progressDiagnostics
        if reader.errorCount > reader.errorLimit {
            diagnostics.append(.error(.tooManyErrors, at: nil, "\(reader.errorCount - reader.errorLimit) more errors not shown; fix the ones above first"))
        }
        return LoadResult(plan: plan, diagnostics: diagnostics)
    }

    private static func tooLarge(_ size: Int, limit: Int) -> Diagnostic {
        .error(.inputTooLarge, at: nil,
               "the plan file has \(size) bytes, over the limit of \(limit) bytes (\(limit / (1024 * 1024)) MiB); split the plan or check that this is the right file")
    }

}

// The diagnostic codes raised here.
extension DiagnosticCode {
    public static let emptyPlan = DiagnosticCode("empty-plan")
    public static let inputTooLarge = DiagnosticCode("input-too-large")
    public static let notUtf8 = DiagnosticCode("not-utf8")
    public static let tooManyErrors = DiagnosticCode("too-many-errors")
    public static let unreadableFile = DiagnosticCode("unreadable-file")
}
