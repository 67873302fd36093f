import SlipwayCore
import SlipwayScheduling
enum MSPDIExport { static func render(plan: Plan, schedule: Schedule) -> Interchange.Exported { .init(text: "", diagnostics: []) } }
enum TJPExport { static func render(plan: Plan, schedule: Schedule) -> Interchange.Exported { .init(text: "", diagnostics: []) } }
enum MermaidExport { static func render(plan: Plan, schedule: Schedule) -> Interchange.Exported { .init(text: "", diagnostics: []) } }
enum ICSExport { static func render(plan: Plan, schedule: Schedule) -> Interchange.Exported { .init(text: "", diagnostics: []) } }
enum PlanCSV { static func render(plan: Plan, schedule: Schedule) -> String { "" } }
enum MSPDIImport { struct R { var plan: Plan; var warnings: [Diagnostic] }
  static func run(xml: String) -> Result<R, Diagnostic> { .failure(.error("x", at: nil, "x")) } }
extension Diagnostic: Error {}
