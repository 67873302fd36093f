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
