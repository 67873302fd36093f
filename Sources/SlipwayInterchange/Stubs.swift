import SlipwayCore
import SlipwayScheduling
enum TJPExport { static func render(plan: Plan, schedule: Schedule) -> Interchange.Exported { .init(text: "", diagnostics: []) } }
enum MermaidExport { static func render(plan: Plan, schedule: Schedule) -> Interchange.Exported { .init(text: "", diagnostics: []) } }
enum ICSExport { static func render(plan: Plan, schedule: Schedule) -> Interchange.Exported { .init(text: "", diagnostics: []) } }
enum PlanCSV { static func render(plan: Plan, schedule: Schedule) -> String { "" } }
