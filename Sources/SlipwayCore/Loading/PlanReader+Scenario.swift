import SlipwayEngine

/// Scenarios, in the plan (`scenarios:`) or in an overlay file, read with the
/// plan's time settings so that `3w`, `week 10` and dates mean what they mean in
/// the plan.
extension PlanReader {
    /// One scenario mapping (see `Scenario`).
    ///
    /// - Complexity: O(*n*) in its nodes.
    func readScenario(_ node: YAMLNode) throws -> Scenario? {
        guard let fields = try reader.fields(of: node, known: PlanSchema.scenario, what: "a scenario") else { return nil }
        var id: String?, title: String?
        var scenario = Scenario(id: "", title: "", location: node.location)
        for (key, value, _) in fields {
            switch key {
            case "id": id = try reader.string(value, what: "'id'")
            case "title": title = try reader.string(value, what: "'title'")
            case "why": scenario.why = try reader.string(value, what: "'why'")
            case "choose":
                for (constraint, option) in try pairs(value, what: "'choose'") {
                    guard let o = try reader.string(option, what: "an option id") else { continue }
                    scenario.choose.append(.init(constraint: constraint, option: Reference(id: o, location: option.location)))
                }
            case "durations":
                for (task, text) in try pairs(value, what: "'durations'") {
                    guard let s = try reader.string(text, what: "a duration") else { continue }
                    switch syntax.estimate(s) {
                    case .success(let e): scenario.durations.append(.init(task: task, estimate: e))
                    case .failure(let f): reader.error(.badDuration, at: text.location, f.message)
                    }
                }
            case "capacity":
                for (owner, number) in try pairs(value, what: "'capacity'") {
                    guard let c = try reader.number(number, what: "a capacity") else { continue }
                    if c > 0 { scenario.capacities.append(.init(owner: owner, capacity: c)) } else {
                        reader.error(.outOfRange, at: number.location, "a capacity must be more than 0, not \(c.compact)")
                    }
                }
            case "start":
                guard let text = try reader.string(value, what: "'start'") else { continue }
                if let date = CivilDate(iso: text) { scenario.start = (date, value.location) } else {
                    reader.error(.badDate, at: value.location, "'start' must be a date like 2025-01-13, not '\(text)'")
                }
            case "not-before":
                for (task, point) in try pairs(value, what: "'not-before'") {
                    if let t = try startPoint(point, what: "'not-before'") { scenario.notBefore.append(.init(task: task, weeks: t)) }
                }
            case "add-links": scenario.addLinks = try linkChanges(value, what: "'add-links'")
            case "remove-links": scenario.removeLinks = try linkChanges(value, what: "'remove-links'")
            case "without-risks": scenario.withoutRisks = try references(value, what: "'without-risks'")
            case "tasks":
                for item in try reader.itemsView(of: value, what: "'tasks'") {
                    if let task = try readTask(item, what: "a task") { scenario.tasks.append(task) }
                }
            default: break
            }
        }
        guard let sid = requireID(id, in: node, what: "a scenario") else { return nil }
        scenario.id = sid
        scenario.title = title ?? sid
        return scenario
    }

    /// `{key: value, ...}` with each key as a reference at its place.
    private func pairs(_ node: YAMLNode, what: String) throws -> [(Reference, YAMLNode)] {
        try reader.visit(node)
        guard node.isMapping else {
            reader.error(.expectedMapping, at: node.location, "\(what) must map ids to values, like '{container-agents: 3w}'")
            return []
        }
        var result: [(Reference, YAMLNode)] = []
        var children = node.tree.children(of: node.index).makeIterator()
        while let k = children.next(), let v = children.next() {
            let key = YAMLNode(tree: node.tree, index: k), value = YAMLNode(tree: node.tree, index: v)
            guard let id = try reader.string(key, what: "an id in \(what)") else { continue }
            result.append((Reference(id: id, location: key.location), value))
        }
        return result
    }

    /// `[{task: b, after: "a SS+1w"}, ...]`.
    private func linkChanges(_ node: YAMLNode, what: String) throws -> [Scenario.LinkChange] {
        var result: [Scenario.LinkChange] = []
        for item in try reader.itemsView(of: node, what: what) {
            guard let fields = try reader.fields(of: item, known: PlanSchema.linkChange, what: "a link change") else { continue }
            var task: Reference?, dependency: Dependency?
            for (key, value, _) in fields {
                switch key {
                case "task": task = try reader.string(value, what: "'task'").map { Reference(id: $0, location: value.location) }
                case "after": dependency = try self.dependency(value)
                default: break
                }
            }
            guard let task, let dependency else {
                reader.error(.missingKey, at: item.location, "a link change needs 'task' and 'after', like '{task: b, after: \"a SS+1w\"}'")
                continue
            }
            result.append(.init(task: task, dependency: dependency))
        }
        return result
    }
}
