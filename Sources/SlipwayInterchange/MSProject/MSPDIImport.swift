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
/// assignments owners or `needs`; calendar exceptions become holidays (the
/// project's calendar) and leave (a resource's own calendar). Ids come from the Text1 field `MSPDIExport`
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
        func warn(_ message: String, at element: XMLTree.Element? = nil) {
            warnings.append(.warning(.notImported, at: element.map { SourceLocation(line: $0.line, column: $0.column) }, message))
        }

        var plan = Plan(title: project.value("Title") ?? project.value("Name").map { $0.hasSuffix(".xml") ? String($0.dropLast(4)) : $0 } ?? "Imported project")
        let startDate = project.value("StartDate").flatMap { CivilDate(iso: String($0.prefix(10))) }
        plan.calendar = WorkCalendar(start: startDate)
        // Project counts durations in minutes of working time: a day is MinutesPerDay
        // (480 unless the file says 450 or 1440), a week MinutesPerWeek.
        let minutesPerDay = project.value("MinutesPerDay").flatMap(Double.init).flatMap { $0 > 0 ? $0 : nil } ?? 480
        let minutesPerWeek = project.value("MinutesPerWeek").flatMap(Double.init).flatMap { $0 > 0 ? $0 : nil } ?? 2400
        plan.calendar.daysPerWeek = minutesPerWeek / minutesPerDay
        var clock = WorkClock(calendar: plan.calendar)
        clock.hoursPerDay = minutesPerDay / 60
        if minutesPerDay != 480 {
            warn("the project's working day is \((minutesPerDay / 60).compact) hours; durations are read as days of that length", at: project)
        }
        plan.currency = project.value("CurrencyCode")
        /// A date before the project's start has no place in the plan: a warning, and
        /// the value is dropped rather than the import refused.
        func time(_ element: XMLTree.Element, _ field: String, what: String, owner: String) -> Double? {
            guard let text = element.value(field), let t = clock.time(of: text) else { return nil }
            if t < -1e-9 {
                warn("\(owner)'s \(what) \(text.prefix(10)) is before the project's start \(startDate?.description ?? ""); it is left out", at: element)
                return nil
            }
            return t
        }
        plan.statusDate = time(project, "StatusDate", what: "status date", owner: "the project")

        var ids = Set<String>()
        func unique(_ base: String) -> String {
            var id = base, n = 2
            while ids.contains(id) { id = "\(base)-\(n)"; n += 1 }
            ids.insert(id)
            return id
        }

        let calendars = MSPDICalendars(project: project, start: startDate, warn: { warn($0, at: $1) })
        plan.holidays = calendars.holidays
        var ownerOfUID: [String: String] = [:]
        for resource in project.children("Resources", "Resource") {
            guard let uid = resource.value("UID"), let name = resource.value("Name"), !name.isEmpty else { continue }
            let id = unique(resource.extended(MSPDIExport.resourceIDField) ?? TrackerNames.kebab(name))
            var owner = Owner(id: id, name: name, location: SourceLocation(line: 1, column: 1))
            if let units = resource.value("MaxUnits").flatMap(Double.init), units > 0 { owner.capacity = units }
            if let rate = resource.value("StandardRate").flatMap(Double.init), rate > 0 { owner.rate = rate * clock.hoursPerWeek }
            if let calendar = resource.value("CalendarUID") { owner.leave = calendars.leave[calendar] ?? [] }
            ownerOfUID[uid] = id
            plan.owners.append(owner)
        }

        var taskOfUID: [String: Int] = [:]
        // A summary task's UID -> the tasks under it, for links into or out of it.
        var childrenOfSummary: [String: [Int]] = [:]
        var pendingLinks: [(tasks: [Int], summary: String?, link: XMLTree.Element)] = []
        var phaseStack: [(level: Int, phase: Int?, group: String?, uid: String)] = []
        for element in project.children("Tasks", "Task") {
            guard let uid = element.value("UID"), element.value("IsNull") != "1" else { continue }
            let level = element.value("OutlineLevel").flatMap(Int.init) ?? 1
            let name = element.value("Name") ?? "Task \(uid)"
            if level == 0 { continue }
            while let last = phaseStack.last, last.level >= level { phaseStack.removeLast() }
            if element.value("Summary") == "1" {
                childrenOfSummary[uid] = []
                for link in element.elements(forName: "PredecessorLink") { pendingLinks.append(([], uid, link)) }
                if level == 1 {
                    var phase = Phase(id: unique(element.extended(MSPDIExport.taskIDField) ?? TrackerNames.kebab(name)), name: name, location: SourceLocation(line: 1, column: 1))
                    if let weeks = element.extended(MSPDIExport.taskWeeksField) {
                        let parts = weeks.split(separator: "-").compactMap { Double($0) }
                        if let first = parts.first { phase.weeksText = weeks; phase.windowStart = first - 1; phase.windowEnd = parts.last! }
                    }
                    plan.phases.append(phase)
                    phaseStack.append((level, plan.phases.count - 1, nil, uid))
                } else {
                    phaseStack.append((level, phaseStack.last?.phase, name, uid))
                }
                continue
            }
            let id = unique(element.extended(MSPDIExport.taskIDField) ?? TrackerNames.kebab(name))
            let format = element.value("DurationFormat").flatMap(Int.init)
            let elapsed = format.map(Self.elapsedFormats.contains) ?? false
            let weeks = element.value("Duration").flatMap(elapsed ? clock.weeks(ofElapsedDuration:) : clock.weeks(ofDuration:)) ?? 0
            var task = PlanTask(id: id, title: name, estimate: .fixed(max(0, weeks)), location: SourceLocation(line: 1, column: 1))
            if elapsed && weeks > 0 {
                warn("'\(id)' has an elapsed duration in Project (calendar time, weekends included); it is read as \((weeks * plan.calendar.daysPerWeek).compact) working days", at: element)
            }
            task.isMilestone = element.value("Milestone") == "1" || (element.value("Duration") != nil && weeks == 0)
            if task.isMilestone { task.estimate = .zero }
            let phase = phaseStack.last?.phase.map { plan.phases[$0] }
            task.phase = phase?.id
            task.group = phaseStack.last?.group
            switch element.value("ConstraintType") ?? "0" {
            case "0": break
            case "4":
                if let t = time(element, "ConstraintDate", what: "start-no-earlier-than date", owner: "'\(id)'"), abs(t - (phase?.windowStart ?? 0)) > 1e-9 { task.notBefore = t }
            default:
                warn("'\(id)' has constraint type \(element.value("ConstraintType")!) in Project; only Start No Earlier Than (4) has a place in a plan", at: element)
            }
            // Where Project placed a task later than its links alone would (a leveling
            // delay, a manually scheduled task), the start is kept as not-before.
            let delayed = (element.value("LevelingDelay").flatMap(Double.init) ?? 0) > 0
            let manual = element.value("Manual") == "1"
            if delayed || manual, let start = time(element, "Start", what: "start", owner: "'\(id)'") {
                task.notBefore = max(task.notBefore ?? 0, start)
                warn("'\(id)' is \(manual ? "scheduled manually" : "delayed by leveling") in Project; its start \(element.value("Start")!.prefix(10)) is kept as not-before", at: element)
            }
            task.due = time(element, "Deadline", what: "deadline", owner: "'\(id)'")
            task.cost = element.value("FixedCost").flatMap(Double.init).flatMap { $0 > 0 ? $0 : nil }
            readProgress(element, into: &task, clock: clock, warn: { warn($0, at: element) })
            if let notes = element.value("Notes"), !notes.isEmpty {
                task.notes = notes.split(separator: "\n").map(String.init)
            }
            taskOfUID[uid] = plan.tasks.count
            for summary in phaseStack { childrenOfSummary[summary.uid]!.append(plan.tasks.count) }
            for link in element.elements(forName: "PredecessorLink") { pendingLinks.append(([plan.tasks.count], nil, link)) }
            plan.tasks.append(task)
        }

        for (successors, summary, link) in pendingLinks {
            let successorTasks = summary.map { childrenOfSummary[$0] ?? [] } ?? successors
            guard let from = link.value("PredecessorUID") else { continue }
            let predecessors: [Int]
            if let i = taskOfUID[from] {
                predecessors = [i]
            } else if let children = childrenOfSummary[from] {
                predecessors = children
            } else {
                warn("a link from an unknown task (UID \(from)) is left out", at: link)
                continue
            }
            if summary != nil || taskOfUID[from] == nil {
                warn("a link \(summary != nil ? "into" : "from") a summary task is made to each task under it (\(successorTasks.count) successors, \(predecessors.count) predecessors)", at: link)
            }
            let type: LinkType
            switch link.value("Type") ?? "1" {
            case "0": type = .finishToFinish
            case "2": type = .startToFinish
            case "3": type = .startToStart
            default: type = .finishToStart
            }
            let raw = link.value("LinkLag").flatMap(Double.init) ?? 0
            let lagFormat = link.value("LagFormat").flatMap(Int.init)
            for i in predecessors {
                let lag: Double
                if let lagFormat, Self.percentFormats.contains(lagFormat) {
                    // A percentage of the predecessor's duration (FS-75%).
                    lag = raw / 100 * plan.tasks[i].estimate.mean
                } else {
                    lag = raw / 600 / clock.hoursPerWeek
                    if let lagFormat, Self.elapsedFormats.contains(lagFormat), raw != 0 {
                        warn("the lag of '\(plan.tasks[successorTasks.first ?? i].id)' after '\(plan.tasks[i].id)' is in elapsed time in Project; it is read as working time", at: link)
                    }
                }
                for j in successorTasks where j != i {
                    plan.tasks[j].after.append(Dependency(id: plan.tasks[i].id, type: type, lag: lag, location: SourceLocation(line: 1, column: 1)))
                }
            }
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

extension MSPDIImport {
    /// Project's elapsed duration and lag formats (ed, eh, ...; with "?" estimated).
    static let elapsedFormats: Set<Int> = [4, 6, 8, 10, 12, 20, 36, 38, 40, 42, 44, 52]
    /// Lags written as a percentage of the predecessor's duration.
    static let percentFormats: Set<Int> = [19, 20, 51, 52]

    /// Actual start and finish and percent complete, as progress. Project keeps them
    /// without a status date, and a plan needs a date for finished work: a task 100%
    /// done takes its finish as `actual-finish`, a started one its start as
    /// `actual-start`. A milestone is reached (100%) or not.
    static func readProgress(_ element: XMLTree.Element, into task: inout PlanTask, clock: WorkClock, warn: (String) -> Void) {
        let percent = element.value("PercentComplete").flatMap(Double.init) ?? 0
        let actualStart = element.value("ActualStart").flatMap { clock.time(of: $0) }
        let actualFinish = element.value("ActualFinish").flatMap { clock.time(of: $0) }
        if task.isMilestone {
            if percent >= 100 || actualFinish != nil {
                task.progress.actualFinish = actualFinish ?? element.value("Finish").flatMap { clock.time(of: $0) }
            } else if percent > 0 {
                warn("milestone '\(task.id)' is \(percent.compact)% complete in Project; a milestone is reached or not, so it is taken as not reached")
            }
            return
        }
        if percent >= 100 || actualFinish != nil {
            task.progress.percent = 100
            task.progress.actualStart = actualStart ?? element.value("Start").flatMap { clock.time(of: $0) }
            task.progress.actualFinish = actualFinish ?? element.value("Finish").flatMap { clock.time(of: $0) }
        } else if percent > 0 || actualStart != nil {
            if percent > 0 { task.progress.percent = percent }
            task.progress.actualStart = actualStart ?? element.value("Start").flatMap { clock.time(of: $0) }
        }
    }
}

// The diagnostic codes raised here.
extension DiagnosticCode {
    public static let malformedXml = DiagnosticCode("malformed-xml")
    public static let notMspdi = DiagnosticCode("not-mspdi")
}
