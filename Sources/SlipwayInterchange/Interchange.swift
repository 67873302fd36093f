import SlipwayCore
import SlipwayScheduling

/// The entry points of the interchange formats, for the command line and tests.
public enum Interchange {
    /// An imported plan: its YAML, the diagnostics about the input (with the input's
    /// lines) and those of checking the plan it made.
    public struct Imported: Sendable {
        /// Nil when the input could not be read or the plan does not check.
        public var yaml: String?
        public var plan: Plan?
        public var diagnostics: [Diagnostic]
        public var planDiagnostics: [Diagnostic]
        /// One line on what was found ("imported 12 risks, 4 phases, 40 tasks; ..."), for standard error.
        public var summary: String? = nil
    }

    /// Imports a tracker: the seed's layout (numbered constraints with a
    /// `**Constraint**:` sentence or a `Constraint` table) exactly as it always was,
    /// any other Markdown plan through `MarkdownPlanReader`. A document in which
    /// nothing is recognised is an error unless `allowEmpty`.
    public static func importTracker(text: String, source: String, allowEmpty: Bool = false) -> Imported {
        let doc = TrackerParser.parse(text)
        if doc.constraints.contains(where: { $0.sentence != nil }) || !doc.table.isEmpty {
            let result = TrackerImport.run(doc)
            let yaml = PlanYAML.render(result.plan, header: ["Imported from \(source) by 'slipway import tracker'."])
            var imported = checked(yaml: yaml, diagnostics: result.warnings + result.findings)
            let headings = doc.constraints.count + doc.phases.count + doc.unmapped.filter { $0.what.hasPrefix("heading") }.count
            imported.summary = "imported \(result.plan.constraints.count) constraints, \(result.plan.phases.count) phases, \(result.plan.tasks.count) tasks; "
                + "\(doc.constraints.count + doc.phases.count) of \(headings) item headings and \(doc.tableLine == nil ? 0 : 1) of \(doc.tableLine == nil ? 0 : 1) tables mapped"
            return imported
        }
        let result = MarkdownPlanImport.run(MarkdownPlanReader.parse(text))
        if result.isEmpty && !allowEmpty {
            return Imported(yaml: nil, plan: nil, diagnostics: result.warnings, planDiagnostics: [], summary: result.summary)
        }
        let yaml = PlanYAML.render(result.plan, header: ["Imported from \(source) by 'slipway import tracker'."])
        var imported = checked(yaml: yaml, diagnostics: result.warnings.filter { $0.severity == .warning } + result.findings)
        imported.summary = result.summary
        return imported
    }

    /// - Parameter lenient: import what can be read and drop the rest with a
    ///   warning each, and say on the summary line what was dropped (`MSPDIFaults`).
    public static func importMSPDI(text: String, source: String, lenient: Bool = false) -> Imported {
        switch MSPDIImport.run(xml: text, lenient: lenient) {
        case .failed(let d):
            return Imported(yaml: nil, plan: nil, diagnostics: [d], planDiagnostics: [])
        case .refused(let diagnostics):
            return Imported(yaml: nil, plan: nil, diagnostics: diagnostics, planDiagnostics: [])
        case .imported(let result):
            let yaml = PlanYAML.render(result.plan, header: ["Imported from \(source) by 'slipway import mspdi\(lenient ? " --lenient" : "")'."])
            var imported = checked(yaml: yaml, diagnostics: result.warnings)
            imported.summary = result.summary
            return imported
        }
    }

    public static func importMermaid(text: String, source: String) -> Imported {
        switch MermaidImport.run(text: text) {
        case .failed(let d):
            return Imported(yaml: nil, plan: nil, diagnostics: [d], planDiagnostics: [])
        case .imported(let result):
            let yaml = PlanYAML.render(result.plan, header: ["Imported from \(source) by 'slipway import mermaid'."])
            return checked(yaml: yaml, diagnostics: result.warnings)
        }
    }

    /// A PSPLIB single-mode instance (`.sm`); `source` names the file and gives
    /// the plan its title (`j301_1.sm` -> `PSPLIB j301_1`).
    public static func importPSPLIB(text: String, source: String) -> Imported {
        switch PSPLIBInstance.parse(text: text) {
        case .failed(let d):
            return Imported(yaml: nil, plan: nil, diagnostics: [d], planDiagnostics: [])
        case .parsed(let instance):
            let name = source.split(separator: "/").last.map { $0.hasSuffix(".sm") ? String($0.dropLast(3)) : String($0) } ?? source
            let plan = PSPLIBImport.plan(instance, title: "PSPLIB \(name)")
            let yaml = PlanYAML.render(plan, header: ["Imported from \(source) by 'slipway import psplib'.",
                                                      "One period is one week; j1 and j\(instance.duration.count) are the dummy source and sink."])
            return checked(yaml: yaml, diagnostics: [])
        }
    }

    /// Reads the YAML back as any plan file is read, so that what is written is
    /// exactly what `slipway check` will see.
    static func checked(yaml: String, diagnostics: [Diagnostic]) -> Imported {
        let loaded = CheckedPlan.load(text: yaml)
        let ok = loaded.schedule != nil
        return Imported(yaml: ok ? yaml : nil, plan: loaded.plan, diagnostics: diagnostics,
                        planDiagnostics: ok ? [] : loaded.diagnostics)
    }
}
