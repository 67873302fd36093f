import SlipwayCore
import SlipwayScheduling

/// The formats `slipway export` writes.
public enum ExportFormat: String, Sendable, CaseIterable {
    case tracker, mspdi, tjp, mermaid, csv, ics
}

extension Interchange {
    /// An export: the text, or nil when the plan cannot be written in the format
    /// (an error says why), and warnings about what the format cannot hold.
    public struct Exported: Sendable {
        public var text: String?
        public var diagnostics: [Diagnostic]
    }

    public static func export(plan: Plan, schedule: Schedule, format: ExportFormat) -> Exported {
        switch format {
        case .tracker: return TrackerExport.render(plan: plan, schedule: schedule)
        case .mspdi: return MSPDIExport.render(plan: plan, schedule: schedule)
        case .tjp: return TJPExport.render(plan: plan, schedule: schedule)
        case .mermaid: return MermaidExport.render(plan: plan, schedule: schedule)
        case .csv: return Exported(text: PlanCSV.render(plan: plan, schedule: schedule), diagnostics: [])
        case .ics: return ICSExport.render(plan: plan, schedule: schedule)
        }
    }
}
