import SlipwayEngine
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import SlipwayCore

/// Reads Microsoft Project XML (MSPDI) into a plan: level-1 summary tasks become
/// phases, other tasks keep their durations, predecessor links (type codes 0 FF,
/// 1 FS, 2 SF, 3 SS, lags in tenths of minutes), Start No Earlier Than dates,
/// deadlines, fixed costs and percent complete; resources become owners and
/// assignments owners or `needs`. Ids come from the Text1 field `MSPDIExport`
/// writes, else from the names in kebab case.
public enum MSPDIImport {
    public struct Result: Sendable {
        public var plan: Plan
        public var warnings: [Diagnostic]
    }

    /// - Complexity: O(*n*) in the size of the XML, plus O(*T* log *T*) to index tasks.
    public enum Outcome: Sendable {
        case imported(Result)
        /// The file is not XML, or not Microsoft Project's.
        case failed(Diagnostic)
    }

    public static func run(xml: String) -> Outcome {
        let project: XMLTree.Element
        switch XMLTree.parse(xml) {
        case .failed(let diagnostic): return .failed(diagnostic)
        case .document(let root): project = root
        }
        guard project.localName == "Project" else {
            return .failed(.error(.notMspdi, at: SourceLocation(line: project.line, column: project.column),
                                  "the root element is <\(project.localName)>, not <Project>; this is not Microsoft Project XML"))
        }
        var warnings: [Diagnostic] = []
        func warn(_ message: String) { warnings.append(.warning(.notImported, at: nil, message)) }

        var plan = Plan(title: project.value("Title") ?? project.value("Name").map { $0.hasSuffix(".xml") ? String($0.dropLast(4)) : $0 } ?? "Imported project")
        let startDate = project.value("StartDate").flatMap { CivilDate(iso: String($0.prefix(10))) }
        plan.calendar = WorkCalendar(start: startDate)
        if let minutes = project.value("MinutesPerWeek").flatMap(Double.init), minutes != 2400 {
            plan.calendar.daysPerWeek = minutes / 480
        }
        let clock = WorkClock(calendar: plan.calendar)
        plan.currency = project.value("CurrencyCode")
        plan.statusDate = project.value("StatusDate").flatMap(clock.time)

        var ids = Set<String>()
        func unique(_ base: String) -> String {
            var id = base, n = 2
            while ids.contains(id) { id = "\(base)-\(n)"; n += 1 }
            ids.insert(id)
            return id
        }

        var ownerOfUID: [String: String] = [:]
        for resource in project.children("Resources", "Resource") {
            guard let uid = resource.value("UID"), let name = resource.value("Name"), !name.isEmpty else { continue }
            let id = unique(resource.extended(MSPDIExport.resourceIDField) ?? TrackerNames.kebab(name))
            var owner = Owner(id: id, name: name, location: SourceLocation(line: 1, column: 1))
            if let units = resource.value("MaxUnits").flatMap(Double.init), units > 0 { owner.capacity = units }
            if let rate = resource.value("StandardRate").flatMap(Double.init), rate > 0 { owner.rate = rate * clock.hoursPerWeek }
            ownerOfUID[uid] = id
            plan.owners.append(owner)
        }

        var taskOfUID: [String: Int] = [:]
        var pendingLinks: [(task: Int, link: XMLTree.Element)] = []
        var phaseStack: [(level: Int, phase: Int?, group: String?)] = []
        for element in project.children("Tasks", "Task") {
            guard let uid = element.value("UID"), element.value("IsNull") != "1" else { continue }
            let level = element.value("OutlineLevel").flatMap(Int.init) ?? 1
            let name = element.value("Name") ?? "Task \(uid)"
            if level == 0 { continue }
            while let last = phaseStack.last, last.level >= level { phaseStack.removeLast() }
            if element.value("Summary") == "1" {
                if level == 1 {
                    var phase = Phase(id: unique(element.extended(MSPDIExport.taskIDField) ?? TrackerNames.kebab(name)), name: name, location: SourceLocation(line: 1, column: 1))
                    if let weeks = element.extended(MSPDIExport.taskWeeksField) {
                        let parts = weeks.split(separator: "-").compactMap { Double($0) }
                        if let first = parts.first { phase.weeksText = weeks; phase.windowStart = first - 1; phase.windowEnd = parts.last! }
                    }
                    plan.phases.append(phase)
                    phaseStack.append((level, plan.phases.count - 1, nil))
                } else {
                    phaseStack.append((level, phaseStack.last?.phase, name))
                }
                continue
            }
            let id = unique(element.extended(MSPDIExport.taskIDField) ?? TrackerNames.kebab(name))
            let weeks = element.value("Duration").flatMap(clock.weeks(ofDuration:)) ?? 0
            var task = PlanTask(id: id, title: name, estimate: .fixed(max(0, weeks)), location: SourceLocation(line: 1, column: 1))
            task.isMilestone = element.value("Milestone") == "1" || (element.value("Duration") != nil && weeks == 0)
            if task.isMilestone { task.estimate = .zero }
            let phase = phaseStack.last?.phase.map { plan.phases[$0] }
            task.phase = phase?.id
            task.group = phaseStack.last?.group
            switch element.value("ConstraintType") ?? "0" {
            case "0": break
            case "4":
                if let t = element.value("ConstraintDate").flatMap(clock.time), abs(t - (phase?.windowStart ?? 0)) > 1e-9 { task.notBefore = t }
            default:
                warn("'\(id)' has constraint type \(element.value("ConstraintType")!) in Project; only Start No Earlier Than (4) has a place in a plan")
            }
            task.due = element.value("Deadline").flatMap(clock.time)
            task.cost = element.value("FixedCost").flatMap(Double.init).flatMap { $0 > 0 ? $0 : nil }
            if let p = element.value("PercentComplete").flatMap(Double.init), p > 0 { task.progress.percent = p }
            if let notes = element.value("Notes"), !notes.isEmpty {
                task.notes = notes.split(separator: "\n").map(String.init)
            }
            taskOfUID[uid] = plan.tasks.count
            for link in element.elements(forName: "PredecessorLink") { pendingLinks.append((plan.tasks.count, link)) }
            plan.tasks.append(task)
        }

        for (j, link) in pendingLinks {
            guard let from = link.value("PredecessorUID"), let i = taskOfUID[from] else {
                warn("'\(plan.tasks[j].id)' follows a summary task or an unknown task (UID \(link.value("PredecessorUID") ?? "?")); the link is left out")
                continue
            }
            let type: LinkType
            switch link.value("Type") ?? "1" {
            case "0": type = .finishToFinish
            case "2": type = .startToFinish
            case "3": type = .startToStart
            default: type = .finishToStart
            }
            let lag = (link.value("LinkLag").flatMap(Double.init) ?? 0) / 600 / clock.hoursPerWeek
            if let format = link.value("LagFormat").flatMap(Int.init), [4, 6, 8, 10, 12, 20].contains(format) {
                warn("the lag of '\(plan.tasks[j].id)' after '\(plan.tasks[i].id)' is in elapsed time in Project; it is read as working time")
            }
            plan.tasks[j].after.append(Dependency(id: plan.tasks[i].id, type: type, lag: lag, location: SourceLocation(line: 1, column: 1)))
        }

        for a in project.children("Assignments", "Assignment") {
            guard let t = a.value("TaskUID").flatMap({ taskOfUID[$0] }), let owner = a.value("ResourceUID").flatMap({ ownerOfUID[$0] }) else { continue }
            let units = a.value("Units").flatMap(Double.init) ?? 1
            plan.tasks[t].needs.append(OwnerUnits(owner: owner, units: units))
        }
        for t in plan.tasks.indices {
            let needs = plan.tasks[t].needs
            guard let first = needs.first else { continue }
            plan.tasks[t].owner = first.owner
            if needs.count == 1 && first.units == 1 { plan.tasks[t].needs = [] }
        }
        return .imported(Result(plan: plan, warnings: warnings))
    }
}

// The diagnostic codes raised here.
extension DiagnosticCode {
    public static let malformedXml = DiagnosticCode("malformed-xml")
    public static let notMspdi = DiagnosticCode("not-mspdi")
}
