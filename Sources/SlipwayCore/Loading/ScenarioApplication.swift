import SlipwayEngine

/// Applies a scenario to a plan as read, before its references are resolved, and
/// reports every change that names something the plan does not have, at the
/// place the scenario names it (in the plan or in the overlay file).
enum ScenarioApplication {
    /// - Complexity: O(*T* + *O* + *R* + *c*) for the plan's tasks, owners and risks
    ///   and the scenario's *c* changes.
    static func apply(_ scenario: Scenario, to plan: inout Plan, reader: NodeReader) {
        var taskIndex: [String: Int] = [:]
        for (j, task) in plan.tasks.enumerated() { taskIndex[task.id] = j }
        func task(_ reference: Reference, _ role: String) -> Int? {
            if let j = taskIndex[reference.id] { return j }
            reader.error(.unknownReference, at: reference.location,
                         "'\(reference.id)' in \(role) of scenario '\(scenario.id)' is not a task of the plan\(Suggestion.hint(for: reference.id, in: plan.tasks.map(\.id)))")
            return nil
        }
        for choice in scenario.choose {
            guard let c = plan.constraints.firstIndex(where: { $0.id == choice.constraint.id }) else {
                reader.error(.unknownReference, at: choice.constraint.location,
                             "'\(choice.constraint.id)' in 'choose' of scenario '\(scenario.id)' is not a constraint of the plan\(Suggestion.hint(for: choice.constraint.id, in: plan.constraints.map(\.id)))")
                continue
            }
            let options = plan.constraints[c].choices.map(\.id)
            if !options.contains(choice.option.id) {
                reader.error(.unknownOption, at: choice.option.location, options.isEmpty
                    ? "constraint '\(choice.constraint.id)' has no options to choose from"
                    : "'\(choice.option.id)' is not an option of '\(choice.constraint.id)' (options: \(options.joined(separator: ", ")))\(Suggestion.hint(for: choice.option.id, in: options))")
            }
        }
        for change in scenario.durations {
            guard let j = task(change.task, "'durations'") else { continue }
            if plan.tasks[j].isMilestone {
                reader.error(.milestoneDuration, at: change.task.location, "'\(change.task.id)' is a milestone, so it takes no time")
                continue
            }
            plan.tasks[j].estimate = change.estimate
        }
        for change in scenario.capacities {
            guard let o = plan.owners.firstIndex(where: { $0.id == change.owner.id }) else {
                reader.error(.unknownReference, at: change.owner.location,
                             "'\(change.owner.id)' in 'capacity' of scenario '\(scenario.id)' is not an owner of the plan\(Suggestion.hint(for: change.owner.id, in: plan.owners.map(\.id)))")
                continue
            }
            plan.owners[o].capacity = change.capacity
        }
        if let (date, _) = scenario.start {
            plan.calendar = WorkCalendar(start: date, daysPerWeek: plan.calendar.daysPerWeek)
        }
        for change in scenario.notBefore {
            guard let j = task(change.task, "'not-before'") else { continue }
            plan.tasks[j].notBefore = change.weeks
        }
        for change in scenario.removeLinks {
            guard let j = task(change.task, "'remove-links'") else { continue }
            let before = plan.tasks[j].after.count
            plan.tasks[j].after.removeAll { $0.id == change.dependency.id }
            if plan.tasks[j].after.count == before {
                reader.error(.unknownLink, at: change.dependency.location,
                             "'\(change.task.id)' has no link after '\(change.dependency.id)' to remove (its predecessors: \(plan.tasks[j].after.map(\.id).joined(separator: ", ")))")
            }
        }
        for change in scenario.addLinks {
            guard let j = task(change.task, "'add-links'") else { continue }
            plan.tasks[j].after.append(change.dependency)
        }
        for reference in scenario.withoutRisks {
            let before = plan.risks.count
            plan.risks.removeAll { $0.id == reference.id }
            if plan.risks.count == before {
                reader.error(.unknownReference, at: reference.location,
                             "'\(reference.id)' in 'without-risks' of scenario '\(scenario.id)' is not a risk of the plan\(Suggestion.hint(for: reference.id, in: plan.risks.map(\.id)))")
            }
        }
        for extra in scenario.tasks { PlanReader.append(extra, to: &plan) }
    }
}

extension Scenario {
    /// The scenario with every location it holds set in `file` (an overlay file).
    func relocated(file: String) -> Scenario {
        func at(_ l: SourceLocation) -> SourceLocation { SourceLocation(line: l.line, column: l.column, file: file) }
        func ref(_ r: Reference) -> Reference { Reference(id: r.id, location: at(r.location), referent: r.referent) }
        var s = self
        s.location = at(location)
        s.choose = choose.map { .init(constraint: ref($0.constraint), option: ref($0.option)) }
        s.durations = durations.map { .init(task: ref($0.task), estimate: $0.estimate) }
        s.capacities = capacities.map { .init(owner: ref($0.owner), capacity: $0.capacity) }
        s.start = start.map { ($0.date, at($0.location)) }
        s.notBefore = notBefore.map { .init(task: ref($0.task), weeks: $0.weeks) }
        func link(_ c: LinkChange) -> LinkChange {
            var d = c.dependency
            d.location = at(d.location)
            return .init(task: ref(c.task), dependency: d)
        }
        s.addLinks = addLinks.map(link)
        s.removeLinks = removeLinks.map(link)
        s.withoutRisks = withoutRisks.map(ref)
        s.tasks = tasks.map { task in
            var t = task
            t.location = at(t.location)
            t.fieldLocations = t.fieldLocations.map { FieldLocation(key: $0.key, location: at($0.location)) }
            t.after = t.after.map { d in var d = d; d.location = at(d.location); return d }
            return t
        }
        return s
    }
}

// The diagnostic codes raised here.
extension DiagnosticCode {
    public static let unknownOption = DiagnosticCode("unknown-option")
    public static let unknownLink = DiagnosticCode("unknown-link")
}
