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
        /// With `lenient`: what was imported and what dropped, on one line.
        public var summary: String? = nil
    }

    /// - Complexity: O(*n*) in the size of the XML, plus O(*T* log *T*) to index tasks.
    public enum Outcome: Sendable {
        case imported(Result)
        /// The file is not XML, or not Microsoft Project's.
        case failed(Diagnostic)
        /// Well-formed, but elements cannot be read (`MSPDIFaults`): each an error at
        /// its element, and nothing imported.
        case refused([Diagnostic])
    }

    /// - Parameter lenient: drop what cannot be read, with a warning each, rather
    ///   than refuse the file (`MSPDIFaults`).
    public static func run(xml: String, lenient: Bool = false) -> Outcome {
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
        var faults = MSPDIFaults(lenient: lenient)
        func warn(_ message: String, at element: XMLTree.Element? = nil) {
            warnings.append(.warning(.notImported, at: element.map { SourceLocation(line: $0.line, column: $0.column) }, message))
        }

        var plan = Plan(title: project.value("Title") ?? project.value("Name").map { $0.hasSuffix(".xml") ? String($0.dropLast(4)) : $0 } ?? "Imported project")
        let startText = project.trimmed("StartDate")
        let projectStart = startText.flatMap { CivilDate(iso: String($0.prefix(10))) }
        if let startText, projectStart == nil, let field = project.child("StartDate") {
            faults.fault(.value, "StartDate of the project", "'\(startText.prefix(40))' is not a date", at: field)
        }
        // Work that Project placed before the project's start (manually scheduled
        // tasks, actuals, files whose start date was changed after the work was
        // entered): the plan starts with the earliest of it, so that no date is lost,
        // and the tasks Project schedules from its start date keep it as not-before.
        let earliestWork = project.children("Tasks", "Task")
            .filter { $0.value("Summary") != "1" && $0.value("IsNull") != "1" }
            .flatMap { task in ["Start", "ActualStart"].compactMap { task.value($0).flatMap { CivilDate(iso: String($0.prefix(10))) } } }
            .min { $0.daysSinceEpoch < $1.daysSinceEpoch }
        var startDate = projectStart
        if let earliestWork, let projectStart, earliestWork.daysSinceEpoch < projectStart.daysSinceEpoch {
            startDate = earliestWork
            warn("work in the file starts on \(earliestWork), before the project's start \(projectStart); the plan starts on \(earliestWork), and tasks that Project schedules from the project's start keep it as not-before", at: project)
        }
        plan.calendar = WorkCalendar(start: startDate)
        // Project counts durations in minutes of working time: a day is MinutesPerDay
        // (480 unless the file says 450 or 1440), a week MinutesPerWeek.
        let minutesPerDay = faults.number(project, "MinutesPerDay", of: "the project").flatMap { $0 > 0 ? $0 : nil } ?? 480
        let minutesPerWeek = faults.number(project, "MinutesPerWeek", of: "the project").flatMap { $0 > 0 ? $0 : nil } ?? 2400
        plan.calendar.daysPerWeek = minutesPerWeek / minutesPerDay
        var clock = WorkClock(calendar: plan.calendar)
        clock.hoursPerDay = minutesPerDay / 60
        // Project places a duration's hours on its calendar's working hours: when the
        // calendar's day is not MinutesPerDay long (8 hours against 450 minutes), the
        // calendar decides where work ends.
        if let calendarHours = MSPDICalendars.workingHoursPerDay(project: project), abs(calendarHours - clock.hoursPerDay) > 1e-6 {
            warn("the project's day is \((minutesPerDay / 60).compact) hours (MinutesPerDay) but its calendar works \(calendarHours.compact) hours a day; durations are placed on the calendar's hours, as Project places them", at: project)
            clock.hoursPerDay = calendarHours
        } else if minutesPerDay != 480 {
            warn("the project's working day is \((minutesPerDay / 60).compact) hours; durations are read as days of that length", at: project)
        }
        plan.currency = project.value("CurrencyCode")
        /// A date before the project's start has no place in the plan: a warning, and
        /// the value is dropped rather than the import refused.
        func time(_ element: XMLTree.Element, _ field: String, what: String, owner: String, described: String? = nil) -> Double? {
            guard let t = faults.time(element, field, of: described ?? owner, clock: clock), let text = element.trimmed(field) else { return nil }
            if t < -1e-9 {
                warn("\(owner)'s \(what) \(text.prefix(10)) is before the project's start \(startDate?.description ?? ""); it is left out", at: element)
                return nil
            }
            return t
        }
        plan.statusDate = time(project, "StatusDate", what: "status date", owner: "the project")
        // The project's start, where work placed before it moved the plan's start earlier.
        let projectStartTime = startDate == projectStart ? nil : projectStart.flatMap { plan.calendar.time(of: $0, as: .start) }

        var ids = Set<String>()
        func unique(_ base: String) -> String {
            var id = base, n = 2
            while ids.contains(id) { id = "\(base)-\(n)"; n += 1 }
            ids.insert(id)
            return id
        }

        /// The id `MSPDIExport` keeps in a Text field, when the field holds one: a
        /// file from elsewhere may use Text1 for anything ("Task Text One").
        func keptID(_ element: XMLTree.Element, _ field: String) -> String? {
            element.extended(field).flatMap { Plan.isValidID($0) ? $0 : nil }
        }

        let calendars = MSPDICalendars(project: project, start: startDate, warn: { warn($0, at: $1) })
        plan.holidays = calendars.holidays
        var ownerOfUID: [String: String] = [:]
        // Every UID in the file, imported or not (a summary task, a resource without
        // a name): an assignment to one of these is skipped, to anything else dropped.
        var resourceUIDs = Set<String>(), taskUIDs = Set<String>()
        for resource in project.children("Resources", "Resource") {
            if let uid = resource.value("UID") { resourceUIDs.insert(uid) }
            guard let uid = resource.value("UID"), let name = resource.value("Name"), !name.isEmpty else { continue }
            let id = unique(keptID(resource, MSPDIExport.resourceIDField) ?? TrackerNames.kebab(name))
            var owner = Owner(id: id, name: name, location: SourceLocation(line: 1, column: 1))
            let described = "resource UID \(uid) '\(name)'"
            if let units = faults.number(resource, "MaxUnits", of: described), units > 0 { owner.capacity = units }
            if let rate = faults.number(resource, "StandardRate", of: described), rate > 0 { owner.rate = rate * clock.hoursPerWeek }
            if let calendar = resource.value("CalendarUID") { owner.leave = calendars.leave[calendar] ?? [] }
            ownerOfUID[uid] = id
            plan.owners.append(owner)
        }

        var taskOfUID: [String: Int] = [:]
        var uidOfTask: [String] = []
        // A summary task's UID -> the tasks under it, for links into or out of it.
        var childrenOfSummary: [String: [Int]] = [:]
        var pendingLinks: [(tasks: [Int], summary: String?, link: XMLTree.Element)] = []
        var phaseStack: [(level: Int, phase: Int?, group: String?, uid: String)] = []
        for element in project.children("Tasks", "Task") {
            guard let uid = element.value("UID"), element.value("IsNull") != "1" else { continue }
            taskUIDs.insert(uid)
            let name = element.value("Name") ?? "Task \(uid)"
            let described = "task UID \(uid) '\(name)'"
            let ownLinks = element.elements(forName: "PredecessorLink")
            var level = 1
            if let text = element.trimmed("OutlineLevel"), let field = element.child("OutlineLevel") {
                guard let n = Int(text) else {
                    faults.dropTask(uid: uid, described, "OutlineLevel '\(text.prefix(40))' is not a whole number", at: field, links: ownLinks)
                    continue
                }
                level = n
            }
            if level == 0 { continue }
            while let last = phaseStack.last, last.level >= level { phaseStack.removeLast() }
            if element.value("Summary") == "1" {
                childrenOfSummary[uid] = []
                for link in element.elements(forName: "PredecessorLink") { pendingLinks.append(([], uid, link)) }
                if level == 1 {
                    var phase = Phase(id: unique(keptID(element, MSPDIExport.taskIDField) ?? TrackerNames.kebab(name)), name: name, location: SourceLocation(line: 1, column: 1))
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
            let format = faults.integer(element, "DurationFormat", of: described)
            let elapsed = format.map(Self.elapsedFormats.contains) ?? false
            var weeks = 0.0
            if let text = element.trimmed("Duration"), let field = element.child("Duration") {
                guard let w = elapsed ? clock.weeks(ofElapsedDuration: text) : clock.weeks(ofDuration: text), w.isFinite else {
                    faults.dropTask(uid: uid, described, "Duration '\(text.prefix(40))' is not a duration", at: field, links: ownLinks)
                    continue
                }
                weeks = w
            }
            let id = unique(keptID(element, MSPDIExport.taskIDField) ?? TrackerNames.kebab(name))
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
                if let t = time(element, "ConstraintDate", what: "start-no-earlier-than date", owner: "'\(id)'", described: described), abs(t - (phase?.windowStart ?? 0)) > 1e-9 { task.notBefore = t }
            default:
                warn("'\(id)' has constraint type \(element.value("ConstraintType")!) in Project; only Start No Earlier Than (4) has a place in a plan", at: element)
            }
            // Where Project placed a task later than its links alone would (a leveling
            // delay, a manually scheduled task), the start is kept as not-before.
            let delayed = (faults.number(element, "LevelingDelay", of: described) ?? 0) > 0
            let manual = element.value("Manual") == "1"
            if delayed || manual, let start = time(element, "Start", what: "start", owner: "'\(id)'", described: described) {
                task.notBefore = max(task.notBefore ?? 0, start)
                warn("'\(id)' is \(manual ? "scheduled manually" : "delayed by leveling") in Project; its start \(element.value("Start")!.prefix(10)) is kept as not-before", at: element)
            }
            // As soon as possible with no predecessor: Project starts it at the project's
            // start (a start-no-earlier-than date, even an earlier one, wins over it).
            if let projectStartTime, !manual, (element.value("ConstraintType") ?? "0") == "0",
               element.elements(forName: "PredecessorLink").isEmpty {
                task.notBefore = max(task.notBefore ?? 0, projectStartTime)
            }
            task.due = time(element, "Deadline", what: "deadline", owner: "'\(id)'", described: described)
            task.cost = faults.number(element, "FixedCost", of: described).flatMap { $0 > 0 ? $0 : nil }
            readProgress(element, into: &task, clock: clock, faults: &faults, described: described, warn: { warn($0, at: element) })
            if let notes = element.value("Notes"), !notes.isEmpty {
                task.notes = notes.split(separator: "\n").map(String.init)
            }
            taskOfUID[uid] = plan.tasks.count
            uidOfTask.append(uid)
            for summary in phaseStack { childrenOfSummary[summary.uid]!.append(plan.tasks.count) }
            for link in ownLinks { pendingLinks.append(([plan.tasks.count], nil, link)) }
            plan.tasks.append(task)
        }

        for (successors, summary, link) in pendingLinks {
            let successorTasks = summary.map { childrenOfSummary[$0] ?? [] } ?? successors
            guard let from = link.value("PredecessorUID") else { continue }
            let successor = summary.map { "summary task UID \($0)" }
                ?? successorTasks.first.map { "task UID \(uidOfTask[$0]) '\(plan.tasks[$0].title)'" } ?? "?"
            let described = "link from UID \(from) to \(successor)"
            let predecessors: [Int]
            if let i = taskOfUID[from] {
                predecessors = [i]
            } else if let children = childrenOfSummary[from] {
                predecessors = children
            } else if faults.droppedTasks.contains(from) {
                faults.drop(.link, described, "task UID \(from) is dropped", at: link)
                continue
            } else if lenient {
                faults.fault(.link, described, "no task has UID \(from)", at: link)
                continue
            } else {
                warn("a link from an unknown task (UID \(from)) is left out", at: link)
                continue
            }
            if summary != nil || taskOfUID[from] == nil {
                warn("a link \(summary != nil ? "into" : "from") a summary task is made to each task under it (\(successorTasks.count) successors, \(predecessors.count) predecessors)", at: link)
            }
            let type: LinkType
            switch link.trimmed("Type") ?? "1" {
            case "0": type = .finishToFinish
            case "1": type = .finishToStart
            case "2": type = .startToFinish
            case "3": type = .startToStart
            case let code:
                faults.fault(.link, described, "Type '\(code.prefix(40))' is not a link type (0 FF, 1 FS, 2 SF, 3 SS)", at: link.child("Type") ?? link)
                continue
            }
            var raw = 0.0
            if let text = link.trimmed("LinkLag") {
                guard let lag = Double(text), lag.isFinite else {
                    faults.fault(.link, described, "LinkLag '\(text.prefix(40))' is not a number", at: link.child("LinkLag") ?? link)
                    continue
                }
                raw = lag
            }
            let lagFormat = faults.integer(link, "LagFormat", of: described)
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
            guard let taskUID = a.trimmed("TaskUID"), let resourceUID = a.trimmed("ResourceUID") else { continue }
            let described = "assignment UID \(a.trimmed("UID") ?? "?") (task UID \(taskUID), resource UID \(resourceUID))"
            if faults.droppedTasks.contains(taskUID) {
                faults.drop(.assignment, described, "task UID \(taskUID) is dropped", at: a)
                continue
            }
            // Project writes ResourceUID -65535 for a task without a resource, and
            // assignments to summary tasks and unnamed resources are skipped as before.
            if !taskUIDs.contains(taskUID) {
                faults.fault(.assignment, described, "no task has UID \(taskUID)", at: a.child("TaskUID") ?? a)
                continue
            }
            if !resourceUIDs.contains(resourceUID) && !resourceUID.hasPrefix("-") {
                faults.fault(.assignment, described, "no resource has UID \(resourceUID)", at: a.child("ResourceUID") ?? a)
                continue
            }
            guard let t = taskOfUID[taskUID], let owner = ownerOfUID[resourceUID] else { continue }
            let units = faults.number(a, "Units", of: described) ?? 1
            plan.tasks[t].needs.append(OwnerUnits(owner: owner, units: units))
        }
        for t in plan.tasks.indices {
            let needs = plan.tasks[t].needs
            guard let first = needs.first else { continue }
            plan.tasks[t].owner = first.owner
            if needs.count == 1 && first.units == 1 { plan.tasks[t].needs = [] }
        }
        if faults.faults > 0 && !lenient {
            return .refused(Self.inOrder(warnings + faults.diagnostics))
        }
        guard lenient else { return .imported(Result(plan: plan, warnings: warnings)) }
        return .imported(Result(plan: plan, warnings: Self.inOrder(warnings + faults.diagnostics),
                                summary: faults.summary(tasks: plan.tasks.count, links: plan.tasks.reduce(0) { $0 + $1.after.count })))
    }
}

extension MSPDIImport {
    /// Project's elapsed duration and lag formats (ed, eh, ...; with "?" estimated).
    static let elapsedFormats: Set<Int> = [4, 6, 8, 10, 12, 20, 36, 38, 40, 42, 44, 52]
    /// Lags written as a percentage of the predecessor's duration.
    static let percentFormats: Set<Int> = [19, 20, 51, 52]

    /// Diagnostics by their place in the file (stable: those of one element keep their order).
    ///
    /// - Complexity: O(*d* log *d*) for *d* diagnostics.
    static func inOrder(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.enumerated().sorted { a, b in
            let (la, lb) = (a.element.location, b.element.location)
            return (la?.line ?? 0, la?.column ?? 0, a.offset) < (lb?.line ?? 0, lb?.column ?? 0, b.offset)
        }.map(\.element)
    }

    /// Actual start and finish and percent complete, as progress. Project keeps them
    /// without a status date, and a plan needs a date for finished work: a task 100%
    /// done takes its finish as `actual-finish`, a started one its start as
    /// `actual-start`. A milestone is reached (100%) or not.
    static func readProgress(_ element: XMLTree.Element, into task: inout PlanTask, clock: WorkClock, faults: inout MSPDIFaults,
                             described: String, warn: (String) -> Void) {
        let percent = faults.number(element, "PercentComplete", of: described) ?? 0
        let actualStart = faults.time(element, "ActualStart", of: described, clock: clock)
        let actualFinish = faults.time(element, "ActualFinish", of: described, clock: clock)
        if task.isMilestone {
            if percent >= 100 || actualFinish != nil {
                task.progress.actualFinish = actualFinish ?? faults.time(element, "Finish", of: described, clock: clock)
            } else if percent > 0 {
                warn("milestone '\(task.id)' is \(percent.compact)% complete in Project; a milestone is reached or not, so it is taken as not reached")
            }
            return
        }
        if percent >= 100 || actualFinish != nil {
            task.progress.percent = 100
            task.progress.actualStart = actualStart ?? faults.time(element, "Start", of: described, clock: clock)
            task.progress.actualFinish = actualFinish ?? faults.time(element, "Finish", of: described, clock: clock)
        } else if percent > 0 || actualStart != nil {
            if percent > 0 { task.progress.percent = percent }
            task.progress.actualStart = actualStart ?? faults.time(element, "Start", of: described, clock: clock)
        }
    }
}

// The diagnostic codes raised here.
extension DiagnosticCode {
    public static let malformedXml = DiagnosticCode("malformed-xml")
    public static let notMspdi = DiagnosticCode("not-mspdi")
}
