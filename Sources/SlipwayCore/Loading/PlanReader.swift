import SlipwayEngine

/// Walks the composed YAML tree of a plan file and builds a `Plan`, reporting
/// every malformed field with its location.
struct PlanReader {
    let reader: NodeReader
    var syntax = TimeSyntax()
    /// Options chosen from outside the file (a scenario, `slipway compare`):
    /// constraint id → option id; the file's `chosen: true` otherwise.
    var choices: [String: String]

    init(reader: NodeReader, choices: [String: String] = [:]) {
        self.reader = reader
        self.choices = choices
    }

    /// - Complexity: O(*n*) in the number of YAML nodes.
    mutating func read(_ root: YAMLNode) throws -> Plan? {
        // The nodes read below do not retain the tree; the root does, while it lives.
        try withExtendedLifetime(root) { try readPlan(root) }
    }

    private mutating func readPlan(_ root: YAMLNode) throws -> Plan? {
        guard root.isMapping else {
            reader.error(.notAMapping, at: root.location, "a plan file must be a mapping with at least 'plan: <title>', not \(root.kindDescription)")
            return nil
        }
        guard let fields = try reader.fields(of: root, schema: PlanSchema.PlanKey.self, what: "the plan") else { return nil }
        var plan = Plan(title: "")
        for field in fields { plan.locations[field.key.rawValue] = field.location }

        // The time settings come first, whatever their place in the file: every
        // duration and date below is read with them.
        var start: CivilDate?
        var daysPerWeek = 5.0
        for (key, value, _) in fields {
            switch key {
            case .unit:
                guard let text = try reader.string(value, what: "'unit'") else { continue }
                if let unit = TimeSyntax.Unit(rawValue: text) { syntax.unit = unit } else {
                    reader.error(.badUnit, at: value.location, "'unit' must be week or day, not '\(text)'\(Suggestion.hint(for: text, in: ["week", "day"]))")
                }
            case .daysPerWeek:
                guard let d = try reader.number(value, what: "'days-per-week'") else { continue }
                if d >= 1 && d <= 7 { daysPerWeek = d } else {
                    reader.error(.outOfRange, at: value.location, "'days-per-week' must be between 1 and 7, not \(d.compact)")
                }
            case .start:
                guard let text = try reader.string(value, what: "'start'") else { continue }
                if let date = CivilDate(iso: text) {
                    if date.weekdayFromMonday != 0 {
                        reader.warning(.startNotMonday, at: value.location, "'start' \(text) is not a Monday; week 1 is taken to begin on it anyway")
                    }
                    start = date
                } else {
                    reader.error(.badDate, at: value.location, "'start' must be a date like 2025-01-13, not '\(text)'")
                }
            default: break
            }
        }
        syntax.calendar = WorkCalendar(start: start, daysPerWeek: daysPerWeek)
        plan.calendar = syntax.calendar
        plan.unit = syntax.unit

        var sawTitle = false
        for (key, value, _) in fields {
            switch key {
            case .plan:
                if let t = try reader.string(value, what: "'plan'") { plan.title = t; sawTitle = true }
            case .deadline:
                plan.deadline = try endPoint(value, what: "'deadline'")
            case .budget:
                plan.budget = try reader.number(value, what: "'budget'", minimum: 0)
            case .currency:
                plan.currency = try reader.string(value, what: "'currency'")
            case .statusDate:
                plan.statusDate = try endPoint(value, what: "'status-date'")
            case .holidays:
                plan.holidays = try daysOff(value, what: "holidays")
            case .owners:
                for item in try reader.itemsView(of: value, what: "'owners'") {
                    if let owner = try readOwner(item) { plan.owners.append(owner) }
                }
            case .phases:
                for item in try reader.itemsView(of: value, what: "'phases'") {
                    if let phase = try readPhase(item) { plan.phases.append(phase) }
                }
            case .constraints:
                for item in try reader.itemsView(of: value, what: "'constraints'") {
                    try readConstraint(item, into: &plan)
                }
            case .scenarios:
                for item in try reader.itemsView(of: value, what: "'scenarios'") {
                    if let scenario = try readScenario(item) { plan.scenarios.append(scenario) }
                }
            case .tasks:
                let items = try reader.itemsView(of: value, what: "'tasks'")
                plan.tasks.reserveCapacity(plan.tasks.count + items.count)
                for item in items {
                    let before = plan.tasks.count
                    try readTask(item, what: "a task", into: &plan.tasks)
                    if plan.tasks.count > before { PlanReader.claimRisks(ofTaskAt: before, in: &plan) }
                }
            default: break
            }
        }
        checkCalendar(plan)
        if !sawTitle {
            reader.error(.missingKey, at: root.location, "the plan has no title; add 'plan: <title>' at the top")
        }
        return plan
    }

    // MARK: - Entries

    private func readOwner(_ node: YAMLNode) throws -> Owner? {
        guard let fields = try reader.fields(of: node, schema: PlanSchema.OwnerKey.self, what: "an owner") else { return nil }
        var id: String?, name: String?, capacity = 1.0, rate: Double?, skills: [String] = []
        var leave: [DaysOff] = [], availability: [Availability] = []
        for (key, value, _) in fields {
            switch key {
            case .id: id = try reader.string(value, what: "'id'")
            case .name: name = try reader.string(value, what: "'name'")
            case .capacity:
                if let c = try reader.number(value, what: "'capacity'") {
                    if c > 0 { capacity = c } else { reader.error(.outOfRange, at: value.location, "'capacity' must be more than 0, not \(c.compact)") }
                }
            case .rate: rate = try reader.number(value, what: "'rate'", minimum: 0)
            case .skills: skills = try strings(value, what: "'skills'")
            case .leave: leave = try daysOff(value, what: "leave")
            case .availability: availability = try self.availability(value)
            }
        }
        guard let id = requireID(id, in: node, what: "an owner") else { return nil }
        var owner = Owner(id: id, name: name, capacity: capacity, rate: rate, location: node.location)
        owner.skills = skills
        owner.leave = leave
        owner.availability = availability
        return owner
    }

    private func readPhase(_ node: YAMLNode) throws -> Phase? {
        guard let fields = try reader.fields(of: node, schema: PlanSchema.PhaseKey.self, what: "a phase") else { return nil }
        var id: String?, name: String?, window: (Double, Double)?, weeksText: String?
        for (key, value, _) in fields {
            switch key {
            case .id: id = try reader.string(value, what: "'id'")
            case .name: name = try reader.string(value, what: "'name'")
            case .weeks:
                weeksText = try reader.string(value, what: "'weeks'")
                if let text = weeksText { window = weekWindow(text, at: value.location) }
            }
        }
        guard let id = requireID(id, in: node, what: "a phase") else { return nil }
        return Phase(id: id, name: name, windowStart: window?.0, windowEnd: window?.1, weeksText: weeksText, location: node.location)
    }

    /// `3-4` is weeks 3 to 4, the window [2, 4); `3` is week 3 alone.
    private func weekWindow(_ text: String, at location: SourceLocation) -> (Double, Double)? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map { $0.trimmingSpaces() }
        let numbers = parts.compactMap { Double($0) }
        guard (parts.count == 1 || parts.count == 2), numbers.count == parts.count,
              numbers.allSatisfy({ $0 >= 1 && $0 == $0.rounded() }) else {
            reader.error(.badWeeks, at: location, "'weeks' must be a week number or a range of them like 3-4 (weeks count from 1), not '\(text)'")
            return nil
        }
        let first = numbers[0], last = numbers.last!
        guard last >= first else {
            reader.error(.badWeeks, at: location, "'weeks: \(text)' ends before it starts; write the earlier week first")
            return nil
        }
        return (first - 1, last)
    }

    private func readConstraint(_ node: YAMLNode, into plan: inout Plan) throws {
        guard let fields = try reader.fields(of: node, schema: PlanSchema.ConstraintKey.self, what: "a constraint") else { return }
        var id: String?, title: String?
        var c = Constraint(id: "", title: "", location: node.location)
        var mitigations: [PlanTask] = []
        var constraintRisks: [Risk] = []
        for (key, value, keyLocation) in fields {
            c.fieldLocations.append(FieldLocation(key: key.rawValue, location: keyLocation))
            switch key {
            case .id: id = try reader.string(value, what: "'id'")
            case .title: title = try reader.string(value, what: "'title'")
            case .category: c.category = try reader.string(value, what: "'category'")
            case .severity:
                guard let text = try reader.string(value, what: "'severity'") else { continue }
                if let s = Constraint.Severity(rawValue: text.lowercased()) { c.severity = s } else {
                    reader.error(.badSeverity, at: value.location, "'severity' must be critical, high, medium or low, not '\(text)'\(Suggestion.hint(for: text.lowercased(), in: Constraint.Severity.allCases.map(\.rawValue)))")
                }
            case .status: c.status = try reader.string(value, what: "'status'")
            case .progress: c.progress = try percent(value)
            case .owner: c.owner = try reader.string(value, what: "'owner'")
            case .target:
                c.targetText = try reader.string(value, what: "'target'")
                c.target = try endPoint(value, what: "'target'")
            case .blocks: c.blocks = try references(value, what: "'blocks'")
            case .description: c.description = try reader.string(value, what: "'description'")
            case .impact: c.impact = try reader.string(value, what: "'impact'")
            case .section: c.section = try reader.string(value, what: "'section'")
            case .name: c.name = try reader.string(value, what: "'name'")
            case .label: c.label = try reader.string(value, what: "'label'")
            case .severityNote: c.severityNote = try reader.string(value, what: "'severity-note'")
            case .timeline: c.timeline = try reader.string(value, what: "'timeline'")
            case .options:
                // Strings are alternatives noted without tasks (as a tracker lists
                // them); mappings are options with their own work, one of them chosen.
                for item in try reader.itemsView(of: value, what: "'options'") {
                    if item.isMapping {
                        if let option = try readOption(item, constraint: plan.constraints.count) { c.choices.append(option) }
                    } else if let text = try reader.string(item, what: "an option") {
                        c.options.append(text)
                    }
                }
            case .limits: c.limits = try strings(value, what: "'limits'")
            case .links: c.links = try strings(value, what: "'links'")
            case .risks: constraintRisks = try risks(value, carrier: .constraint(plan.constraints.count))
            case .mitigations:
                for item in try reader.itemsView(of: value, what: "'mitigations'") {
                    try readTask(item, what: "a mitigation", into: &mitigations)
                }
            }
        }
        guard let cid = requireID(id, in: node, what: "a constraint") else { return }
        c.id = cid
        c.title = title ?? cid
        let constraintIndex = plan.constraints.count
        for var task in mitigations {
            task.constraint = constraintIndex
            c.mitigations.append(plan.tasks.count)
            PlanReader.append(task, to: &plan)
        }
        if !c.choices.isEmpty, let k = chooseOption(of: c, at: node.location) {
            c.chosen = k
            var optionTasks: [Reference] = []
            for var task in c.choices[k].tasks {
                task.constraint = constraintIndex
                task.option = k
                optionTasks.append(Reference(id: task.id, location: task.location, referent: .task(plan.tasks.count)))
                c.mitigations.append(plan.tasks.count)
                PlanReader.append(task, to: &plan)
            }
            // An option's risks hit the option's own work unless they say otherwise.
            for var risk in c.choices[k].risks {
                if risk.on.isEmpty { risk.on = optionTasks }
                constraintRisks.append(risk)
            }
        }
        plan.constraints.append(c)
        plan.risks += constraintRisks
    }

    /// `{id, title, chosen, why, mitigations, risks}` under a constraint's `options`.
    private func readOption(_ node: YAMLNode, constraint: Int) throws -> ConstraintOption? {
        guard let fields = try reader.fields(of: node, known: PlanSchema.option, what: "an option") else { return nil }
        var id: String?, title: String?, chosen = false, why: String?, tasks: [PlanTask] = [], risks: [Risk] = []
        for (key, value, _) in fields {
            switch key {
            case "id": id = try reader.string(value, what: "'id'")
            case "title": title = try reader.string(value, what: "'title'")
            case "chosen": chosen = try reader.bool(value, what: "'chosen'") ?? false
            case "why": why = try reader.string(value, what: "'why'")
            case "mitigations":
                for item in try reader.itemsView(of: value, what: "'mitigations'") {
                    if let task = try readTask(item, what: "a mitigation") { tasks.append(task) }
                }
            case "risks": risks = try self.risks(value, carrier: .constraint(constraint))
            default: break
            }
        }
        guard let oid = requireID(id, in: node, what: "an option") else { return nil }
        if tasks.isEmpty {
            reader.error(.optionWithoutWork, at: node.location, "option '\(oid)' has no mitigations: an option is a way to resolve the constraint, so it lists the work it takes")
        }
        return ConstraintOption(id: oid, title: title ?? oid, markedChosen: chosen, why: why, tasks: tasks, risks: risks, location: node.location)
    }

    /// The option to schedule: the one a variant chooses (`choices`), or the one
    /// marked `chosen: true`; an error when none or several are marked.
    private func chooseOption(of c: Constraint, at location: SourceLocation) -> Int? {
        if let wanted = choices[c.id], let k = c.choices.firstIndex(where: { $0.id == wanted }) { return k }
        let marked = c.choices.indices.filter { c.choices[$0].markedChosen }
        if marked.isEmpty {
            reader.error(.noChosenOption, at: location, "constraint '\(c.id)' has \(c.choices.count) options but none is chosen; mark the one the plan follows 'chosen: true' (slipway compare weighs them all)")
            return nil
        }
        for extra in marked.dropFirst() {
            reader.error(.severalChosenOptions, at: c.choices[extra].location, "option '\(c.choices[extra].id)' is chosen, but so is '\(c.choices[marked[0]].id)'; a constraint is resolved one way: keep one 'chosen: true'")
        }
        return marked[0]
    }

    /// A task read on its own (an option's or a scenario's), or nil when it is too
    /// broken to keep.
    func readTask(_ node: YAMLNode, what: String) throws -> PlanTask? {
        var one: [PlanTask] = []
        try readTask(node, what: what, into: &one)
        return one.first
    }

    /// Reads a task and appends it to `tasks`, unless it is too broken to keep.
    /// The task is built in its place in the array: built apart, it was copied
    /// on the way in (retaining every field) and the original destroyed.
    func readTask(_ node: YAMLNode, what: String, into tasks: inout [PlanTask]) throws {
        let errorsBefore = reader.errorCount
        guard let fields = try reader.fields(of: node, schema: PlanSchema.TaskKey.self, what: what) else { return }
        // A misspelt key is already reported; "no duration" after `duraton:` would be noise.
        let hadUnknownKey = reader.errorCount > errorsBefore
        tasks.append(PlanTask(id: "", title: "", estimate: .zero, location: node.location))
        if try !readTask(node, what: what, fields: fields, hadUnknownKey: hadUnknownKey, into: &tasks[tasks.count - 1]) {
            tasks.removeLast()
        }
    }

    /// The fields of a task into `task`; false when it has no valid id.
    private func readTask(_ node: YAMLNode, what: String, fields: KnownFields<PlanSchema.TaskKey>, hadUnknownKey: Bool,
                          into task: inout PlanTask) throws -> Bool {
        var id: String?, title: String?, estimate: Estimate?, milestone = false
        task.fieldLocations.reserveCapacity(fields.capacity)
        var needs: YAMLNode?, hasDuration = false
        for (key, value, keyLocation) in fields {
            task.fieldLocations.append(FieldLocation(key: key.rawValue, location: keyLocation))
            switch key {
            case .id: id = try reader.string(value, what: "'id'")
            case .title: title = try reader.string(value, what: "'title'")
            case .duration:
                hasDuration = true
                guard let text = try reader.string(value, what: "'duration'") else { continue }
                switch syntax.estimate(text) {
                case .success(let e): estimate = e
                case .failure(let f): reader.error(.badDuration, at: value.location, f.message)
                }
            case .milestone: milestone = try reader.bool(value, what: "'milestone'") ?? false
            case .owner: task.owner = try reader.string(value, what: "'owner'")
            case .needs: needs = value // read below: its keys are owner ids, not schema keys
            case .phase: task.phase = try reader.string(value, what: "'phase'")
            case .group: task.group = try reader.string(value, what: "'group'")
            case .after:
                let items = try reader.itemsView(of: value, what: "'after'")
                task.after.reserveCapacity(items.count)
                for item in items {
                    if let d = try dependency(item) { task.after.append(d) }
                }
            case .notBefore: task.notBefore = try startPoint(value, what: "'not-before'")
            case .due: task.due = try endPoint(value, what: "'due'")
            case .cost: task.cost = try reader.number(value, what: "'cost'", minimum: 0)
            case .why: task.why = try reader.string(value, what: "'why'")
            case .wait: task.isWait = try reader.bool(value, what: "'wait'") ?? false
            case .skills: task.skills = try strings(value, what: "'skills'")
            case .crash: task.crash = try crash(value)
            case .risks: task.declaredRisks = try risks(value, carrier: .task(-1))
            case .criteria: task.criteria = try criteria(value)
            case .notes:
                for item in try reader.itemsView(of: value, what: "'notes'") {
                    if let s = try reader.string(item, what: "a note") { task.notes.append(s) }
                }
            case .actualStart: task.progress.actualStart = try startPoint(value, what: "'actual-start'")
            case .actualFinish: task.progress.actualFinish = try endPoint(value, what: "'actual-finish'")
            case .progress: task.progress.percent = try percent(value)
            case .spent: task.progress.spent = try reader.number(value, what: "'spent'", minimum: 0)
            case .remaining:
                guard let text = try reader.string(value, what: "'remaining'") else { continue }
                switch syntax.duration(text) {
                case .success(let w) where w >= 0: task.progress.remaining = w
                case .success: reader.error(.badDuration, at: value.location, "'remaining' cannot be negative")
                case .failure(let f): reader.error(.badDuration, at: value.location, f.message)
                }
            }
        }
        // `needs` is a free-keyed mapping (owner ids), read apart from the schema check.
        if let needs {
            task.needs = try ownerUnits(needs)
        }
        guard let tid = requireID(id, in: node, what: what) else { return false }
        task.id = tid
        task.title = title ?? tid
        task.isMilestone = milestone
        if milestone {
            if let e = estimate, e.mean != 0 {
                reader.error(.milestoneDuration, at: task.location(of: "duration"), "'\(tid)' is a milestone, so it takes no time; remove its 'duration' or 'milestone: true'")
            }
            task.estimate = .zero
        } else if let e = estimate {
            task.estimate = e
        } else if hasDuration || hadUnknownKey {
            // Already reported as a bad duration.
        } else {
            reader.error(.missingDuration, at: node.location, "'\(tid)' has no 'duration'; add one like 'duration: 2w' or mark it 'milestone: true'")
        }
        if task.isWait && (!task.needs.isEmpty || task.owner != nil) {
            reader.error(.waitWithOwner, at: task.location(of: "wait"), "'\(tid)' is a wait, which takes time but no one's capacity; remove its 'owner' and 'needs', or make it work (remove 'wait: true')")
        }
        if !task.criteria.isEmpty && !milestone {
            reader.error(.criteriaOnWork, at: task.location(of: "criteria"), "'\(tid)' has 'criteria' but is not a milestone: a gate is a milestone passed when its criteria are met; add 'milestone: true'")
        }
        return true
    }

    /// Appends a task, moving the risks written under it to the plan's list with
    /// the task as their carrier.
    static func append(_ task: PlanTask, to plan: inout Plan) {
        plan.tasks.append(task)
        claimRisks(ofTaskAt: plan.tasks.count - 1, in: &plan)
    }

    /// Moves the risks written under task `j` to the plan's list, the task as their carrier.
    static func claimRisks(ofTaskAt j: Int, in plan: inout Plan) {
        guard !plan.tasks[j].declaredRisks.isEmpty else { return }
        let risks = plan.tasks[j].declaredRisks
        plan.tasks[j].declaredRisks = []
        for var risk in risks {
            risk.carrier = .task(j)
            plan.risks.append(risk)
        }
    }
}

// The diagnostic codes raised here.
extension DiagnosticCode {
    public static let optionWithoutWork = DiagnosticCode("option-without-work")
    public static let noChosenOption = DiagnosticCode("no-chosen-option")
    public static let severalChosenOptions = DiagnosticCode("several-chosen-options")
    public static let waitWithOwner = DiagnosticCode("wait-with-owner")
    public static let criteriaOnWork = DiagnosticCode("criteria-on-work")
    public static let badDate = DiagnosticCode("bad-date")
    public static let badDuration = DiagnosticCode("bad-duration")
    public static let badSeverity = DiagnosticCode("bad-severity")
    public static let badUnit = DiagnosticCode("bad-unit")
    public static let badWeeks = DiagnosticCode("bad-weeks")
    public static let milestoneDuration = DiagnosticCode("milestone-duration")
    public static let missingDuration = DiagnosticCode("missing-duration")
    public static let notAMapping = DiagnosticCode("not-a-mapping")
    public static let outOfRange = DiagnosticCode("out-of-range")
    public static let startNotMonday = DiagnosticCode("start-not-monday")
}
