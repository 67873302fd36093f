import SlipwayEngine
import SlipwayCore
import SlipwayScheduling

/// Writes Microsoft Project XML (MSPDI, the `mspdi_pj12.xsd` schema) that MS Project,
/// ProjectLibre and GanttProject open: phases as summary tasks (outline level 1)
/// over their tasks (level 2), predecessor links with their type codes
/// (0 FF, 1 FS, 2 SF, 3 SS) and lags, durations, resources, assignments and,
/// when given, a baseline.
///
/// A constraint is not a task in Project, so links to and from a constraint's
/// resolution become links from each of its mitigations (FS and SS from a
/// resolution are FS from each mitigation, FF and SF are FF): the same schedule.
/// A phase window becomes a Start No Earlier Than constraint on each task.
/// The plan's holidays are exceptions of the standard calendar; an owner with
/// leave gets a calendar of its own, based on the standard one, with the leave
/// as its exceptions. Availability has no field that stretches durations, and
/// is reported as not exported.
public enum MSPDIExport {
    /// Custom fields holding what Project has no field for: the Slipway ids, a phase's weeks.
    static let taskIDField = "188743731"      // Task Text1
    static let taskWeeksField = "188743734"   // Task Text2
    static let resourceIDField = "205520904"  // Resource Text1

    public struct BaselineEntry: Sendable {
        public var start: Double
        public var finish: Double
        public init(start: Double, finish: Double) { self.start = start; self.finish = finish }
    }

    /// - Parameter baseline: baseline start and finish (weeks) per task id, when saved.
    /// - Complexity: O(*T* + *L* + *A*) in tasks, links and assignments, plus the
    ///   links that expand a constraint into its mitigations.
    public static func render(plan: Plan, schedule: Schedule, baseline: [String: BaselineEntry] = [:]) -> Interchange.Exported {
        let clock = WorkClock(calendar: plan.calendar)
        let timing = schedule.timing
        var diagnostics: [Diagnostic] = []
        var x = XMLWriter()
        let predecessors = taskLinks(plan: plan, schedule: schedule, diagnostics: &diagnostics)

        // Outline: each phase, then its tasks; then tasks without a phase.
        var rows: [(task: Int?, phase: Int?)] = []
        let tasksByPhase = plan.tasksByPhase()
        for p in plan.phases.indices {
            let tasks = tasksByPhase[p]
            guard !tasks.isEmpty else { continue }
            rows.append((nil, p))
            rows += tasks.map { ($0, nil) }
        }
        rows += plan.tasks.indices.filter { plan.phase(of: plan.tasks[$0]) == nil }.map { ($0, nil) }
        var uidOfTask = [Int](repeating: 0, count: plan.tasks.count)
        for (r, row) in rows.enumerated() { if let t = row.task { uidOfTask[t] = r + 1 } }

        x.open("Project", attributes: "xmlns=\"http://schemas.microsoft.com/project\"")
        x.element("SaveVersion", "14")
        x.element("Name", plan.title + ".xml")
        x.element("Title", plan.title)
        x.element("ScheduleFromStart", "1")
        x.element("StartDate", clock.dateTime(0, as: .start))
        x.element("FinishDate", clock.dateTime(timing.finish, as: .end))
        x.element("CalendarUID", "1")
        x.element("DefaultStartTime", "08:00:00")
        x.element("DefaultFinishTime", "17:00:00")
        x.element("MinutesPerDay", "480")
        x.element("MinutesPerWeek", String(Int(clock.hoursPerWeek * 60)))
        x.element("DaysPerMonth", "20")
        if let s = plan.statusDate { x.element("StatusDate", clock.dateTime(s, as: .end)) }
        if let c = plan.currency { x.element("CurrencyCode", c) }
        x.open("ExtendedAttributes")
        for (field, name, alias) in [(taskIDField, "Text1", "Slipway id"), (taskWeeksField, "Text2", "Slipway phase weeks"), (resourceIDField, "Text1", "Slipway id")] {
            x.open("ExtendedAttribute")
            x.element("FieldID", field)
            x.element("FieldName", name)
            x.element("Alias", alias)
            x.close("ExtendedAttribute")
        }
        x.close("ExtendedAttributes")
        calendars(&x, plan: plan, daysPerWeek: Int(clock.daysPerWeek))

        x.open("Tasks")
        x.open("Task")
        x.element("UID", "0"); x.element("ID", "0"); x.element("Name", plan.title); x.element("Type", "1"); x.element("IsNull", "0")
        x.element("OutlineNumber", "0"); x.element("OutlineLevel", "0")
        x.element("Start", clock.dateTime(0, as: .start)); x.element("Finish", clock.dateTime(timing.finish, as: .end))
        x.element("Summary", "1")
        x.close("Task")
        var outline = (phase: 0, child: 0)
        for (r, row) in rows.enumerated() {
            let uid = r + 1
            x.open("Task")
            x.element("UID", String(uid))
            x.element("ID", String(uid))
            if let p = row.phase {
                let phase = plan.phases[p]
                let tasks = tasksByPhase[p]
                outline = (outline.phase + 1, 0)
                x.element("Name", phase.name)
                x.element("Type", "1"); x.element("IsNull", "0")
                x.element("WBS", "\(outline.phase)"); x.element("OutlineNumber", "\(outline.phase)"); x.element("OutlineLevel", "1")
                x.element("Start", clock.dateTime(tasks.map { timing.earlyStart[$0] }.min()!, as: .start))
                x.element("Finish", clock.dateTime(tasks.map { timing.earlyFinish[$0] }.max()!, as: .end))
                x.element("Milestone", "0"); x.element("Summary", "1")
                extended(&x, taskIDField, phase.id)
                if let weeks = PlanYAML.weeksText(phase) { extended(&x, taskWeeksField, weeks) }
                x.close("Task")
                continue
            }
            let i = row.task!
            let task = plan.tasks[i]
            let inPhase = plan.phase(of: task) != nil
            let number: String
            if inPhase { outline.child += 1; number = "\(outline.phase).\(outline.child)" } else { outline = (outline.phase + 1, 0); number = "\(outline.phase)" }
            let d = schedule.duration(i)
            x.element("Name", task.title)
            x.element("Type", "1"); x.element("IsNull", "0")
            x.element("WBS", number); x.element("OutlineNumber", number); x.element("OutlineLevel", inPhase ? "2" : "1")
            x.element("Start", clock.dateTime(timing.earlyStart[i], as: task.isMilestone && timing.earlyStart[i] > 0 ? .end : .start))
            x.element("Finish", clock.dateTime(timing.earlyFinish[i], as: task.isMilestone && timing.earlyFinish[i] == 0 ? .start : .end))
            x.element("Duration", clock.duration(d))
            x.element("DurationFormat", "7")
            x.element("Milestone", task.isMilestone ? "1" : "0")
            x.element("Summary", "0")
            x.element("Critical", timing.isCritical(i) ? "1" : "0")
            if let cost = task.cost { x.element("FixedCost", cost.compact) }
            if let percent = task.progress.percent { x.element("PercentComplete", String(Int(percent.rounded()))) }
            let release = max(task.notBefore ?? 0, plan.phase(of: task)?.windowStart ?? 0)
            if release > 0 {
                x.element("ConstraintType", "4")
                x.element("ConstraintDate", clock.dateTime(release, as: .start))
            } else {
                x.element("ConstraintType", "0")
            }
            if let due = task.due { x.element("Deadline", clock.dateTime(due, as: .end)) }
            let notes = ([task.why].compactMap { $0 } + task.notes).joined(separator: "\n")
            if !notes.isEmpty { x.element("Notes", notes) }
            for link in predecessors[i] {
                x.open("PredecessorLink")
                x.element("PredecessorUID", String(uidOfTask[link.from]))
                x.element("Type", String(typeCode(link.type)))
                x.element("CrossProject", "0")
                x.element("LinkLag", String(Int((link.lag * clock.hoursPerWeek * 600).rounded())))
                x.element("LagFormat", "7")
                x.close("PredecessorLink")
            }
            extended(&x, taskIDField, task.id)
            if let b = baseline[task.id] {
                x.open("Baseline")
                x.element("Number", "0")
                x.element("Start", clock.dateTime(b.start, as: .start))
                x.element("Finish", clock.dateTime(b.finish, as: .end))
                x.element("Duration", clock.duration(b.finish - b.start))
                x.close("Baseline")
            }
            x.close("Task")
        }
        x.close("Tasks")

        x.open("Resources")
        for (r, owner) in plan.owners.enumerated() {
            x.open("Resource")
            x.element("UID", String(r + 1)); x.element("ID", String(r + 1))
            x.element("Name", owner.name)
            x.element("Type", "1"); x.element("IsNull", "0")
            x.element("MaxUnits", owner.capacity.compact)
            if let rate = owner.rate {
                x.element("StandardRate", (rate / clock.hoursPerWeek).compact)
                x.element("StandardRateFormat", "4")
            }
            x.element("CalendarUID", owner.leave.isEmpty ? "1" : String(resourceCalendarUID(r)))
            extended(&x, resourceIDField, owner.id)
            x.close("Resource")
        }
        x.close("Resources")

        x.open("Assignments")
        var uid = 0
        for (i, task) in plan.tasks.enumerated() {
            for demand in task.demands {
                guard let r = demand.ownerIndex else { continue }
                uid += 1
                x.open("Assignment")
                x.element("UID", String(uid))
                x.element("TaskUID", String(uidOfTask[i]))
                x.element("ResourceUID", String(r + 1))
                x.element("Units", demand.units.compact)
                x.element("Work", clock.duration(schedule.duration(i) * demand.units))
                x.close("Assignment")
            }
        }
        x.close("Assignments")
        x.close("Project")
        // What MS Project XML has no field for is said, not dropped in silence.
        var lost: [String] = []
        if !plan.constraints.isEmpty { lost.append("the \(plan.constraints.count) constraints (their mitigations stay, as tasks with their links)") }
        if plan.deadline != nil { lost.append("the deadline") }
        if plan.budget != nil { lost.append("the budget") }
        let partTime = plan.owners.filter { !$0.availability.isEmpty }.map { "'\($0.id)'" }
        if !partTime.isEmpty { lost.append("the availability of \(partTime.joined(separator: ", ")) (Project does not stretch durations by it)") }
        if !lost.isEmpty {
            diagnostics.append(.warning(.notExported, at: nil,
                                        "MS Project XML has no place for \(lost.joined(separator: ", ")); an import of this file will not have them"))
        }
        return Interchange.Exported(text: x.text, diagnostics: diagnostics)
    }

    /// MSPDI link type codes.
    static func typeCode(_ type: LinkType) -> Int {
        switch type {
        case .finishToFinish: return 0
        case .finishToStart: return 1
        case .startToFinish: return 2
        case .startToStart: return 3
        }
    }

    /// The predecessors of every task among tasks (constraints expanded into their
    /// mitigations, from the plan graph), with a warning for each link from a
    /// constraint that has no mitigations to stand for it.
    ///
    /// - Complexity: as `Schedule.taskPredecessors`.
    static func taskLinks(plan: Plan, schedule: Schedule, diagnostics: inout [Diagnostic]) -> [[PlanGraph.TaskLink]] {
        let (links, unexpanded) = schedule.taskPredecessors(in: plan)
        for (j, c) in unexpanded {
            diagnostics.append(.warning(.notExported, at: plan.tasks[j].location(of: "after"),
                                        "'\(plan.tasks[j].id)' follows constraint '\(plan.constraints[c].id)', which has no mitigations; the link is left out"))
        }
        return links
    }

    private static func extended(_ x: inout XMLWriter, _ field: String, _ value: String) {
        x.open("ExtendedAttribute")
        x.element("FieldID", field)
        x.element("Value", value)
        x.close("ExtendedAttribute")
    }

    /// The calendar of owner `r` when it has leave: after the standard calendar.
    static func resourceCalendarUID(_ r: Int) -> Int { r + 2 }

    /// The standard calendar: the plan's working days from Monday, 08:00-12:00 and
    /// 13:00-17:00, with the plan's holidays as exceptions; then, for each owner
    /// with leave, a calendar based on it with that leave as its exceptions.
    private static func calendars(_ x: inout XMLWriter, plan: Plan, daysPerWeek: Int) {
        x.open("Calendars")
        x.open("Calendar")
        x.element("UID", "1"); x.element("Name", "Standard"); x.element("IsBaseCalendar", "1"); x.element("BaseCalendarUID", "-1")
        x.open("WeekDays")
        for dayType in 1...7 {  // 1 is Sunday
            let working = dayType >= 2 && dayType - 1 <= daysPerWeek
            x.open("WeekDay")
            x.element("DayType", String(dayType))
            x.element("DayWorking", working ? "1" : "0")
            if working {
                x.open("WorkingTimes")
                for (from, to) in [("08:00:00", "12:00:00"), ("13:00:00", "17:00:00")] {
                    x.open("WorkingTime"); x.element("FromTime", from); x.element("ToTime", to); x.close("WorkingTime")
                }
                x.close("WorkingTimes")
            }
            x.close("WeekDay")
        }
        x.close("WeekDays")
        exceptions(&x, plan.holidays, unnamed: "Holiday")
        x.close("Calendar")
        for (r, owner) in plan.owners.enumerated() where !owner.leave.isEmpty {
            x.open("Calendar")
            x.element("UID", String(resourceCalendarUID(r))); x.element("Name", owner.name)
            x.element("IsBaseCalendar", "0"); x.element("BaseCalendarUID", "1")
            exceptions(&x, owner.leave, unnamed: "Leave")
            x.close("Calendar")
        }
        x.close("Calendars")
    }

    /// Non-working exceptions (Project 2007 and later), one per range of days.
    private static func exceptions(_ x: inout XMLWriter, _ days: [DaysOff], unnamed: String) {
        guard !days.isEmpty else { return }
        x.open("Exceptions")
        for off in days {
            x.open("Exception")
            x.element("EnteredByOccurrences", "0")
            x.open("TimePeriod")
            x.element("FromDate", "\(off.first)T00:00:00")
            x.element("ToDate", "\(off.last)T23:59:00")
            x.close("TimePeriod")
            x.element("Occurrences", "1")
            x.element("Name", off.name ?? unnamed)
            x.element("Type", "1")
            x.element("DayWorking", "0")
            x.close("Exception")
        }
        x.close("Exceptions")
    }
}

/// Indented XML, one element per line, text escaped.
struct XMLWriter {
    private(set) var text = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    private var depth = 0
    /// Indentation per depth, built once: one string per line would be the
    /// writer's main cost on large plans.
    private var indents: [String] = [""]

    private mutating func indent() -> String {
        while indents.count <= depth { indents.append(indents[indents.count - 1] + "  ") }
        return indents[depth]
    }

    mutating func open(_ name: String, attributes: String = "") {
        text += indent()
        text += "<\(name)\(attributes.isEmpty ? "" : " " + attributes)>\n"
        depth += 1
    }

    mutating func close(_ name: String) {
        depth -= 1
        text += indent()
        text += "</\(name)>\n"
    }

    mutating func element(_ name: String, _ value: String) {
        text += indent()
        text += "<\(name)>"
        text += EntityEscape.escape(value)
        text += "</\(name)>\n"
    }
}
