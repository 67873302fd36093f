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
    }

    public static func importTracker(text: String, source: String) -> Imported {
        let result = TrackerImport.run(TrackerParser.parse(text))
        let yaml = PlanYAML.render(result.plan, header: ["Imported from \(source) by 'slipway import tracker'."])
        return checked(yaml: yaml, diagnostics: result.warnings + result.findings)
    }

    public static func importMSPDI(text: String, source: String) -> Imported {
        switch MSPDIImport.run(xml: text) {
        case .failed(let d):
            return Imported(yaml: nil, plan: nil, diagnostics: [d], planDiagnostics: [])
        case .imported(let result):
            let yaml = PlanYAML.render(result.plan, header: ["Imported from \(source) by 'slipway import mspdi'."])
            return checked(yaml: yaml, diagnostics: result.warnings)
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

    /// Reads the YAML back as any plan file is read, so that what is written is
    /// exactly what `slipway check` will see.
    static func checked(yaml: String, diagnostics: [Diagnostic]) -> Imported {
        let loaded = CheckedPlan.load(text: yaml)
        let ok = loaded.schedule != nil
        return Imported(yaml: ok ? yaml : nil, plan: loaded.plan, diagnostics: diagnostics,
                        planDiagnostics: ok ? [] : loaded.diagnostics)
    }
}
