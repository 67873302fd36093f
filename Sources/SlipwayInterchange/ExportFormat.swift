import SlipwayCore
import SlipwayScheduling
import SlipwayReports

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

    /// - Parameter baseline: a saved baseline; MS Project XML carries its dates as
    ///   each task's baseline, the other formats have no place for it.
    public static func export(plan: Plan, schedule: Schedule, format: ExportFormat, baseline: Baseline? = nil) -> Exported {
        switch format {
        case .tracker: return TrackerExport.render(plan: plan, schedule: schedule, headline: Headline.compute(plan: plan, schedule: schedule))
        case .mspdi:
            let entries = (baseline?.tasks ?? []).reduce(into: [String: MSPDIExport.BaselineEntry]()) {
                $0[$1.id] = MSPDIExport.BaselineEntry(start: $1.earlyStart, finish: $1.earlyFinish)
            }
            return MSPDIExport.render(plan: plan, schedule: schedule, baseline: entries)
        case .tjp: return TJPExport.render(plan: plan, schedule: schedule)
        case .mermaid: return MermaidExport.render(plan: plan, schedule: schedule)
        case .csv: return Exported(text: ScheduleCSV.render(plan: plan, schedule: schedule), diagnostics: [])
        case .ics: return ICSExport.render(plan: plan, schedule: schedule)
        }
    }
}
