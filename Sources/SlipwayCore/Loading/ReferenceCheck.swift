import SlipwayEngine
/// Resolves what can only be resolved once the whole file is read: ids are unique
/// across owners, phases, constraints and tasks, and every reference names
/// something of the right kind. Each reference gets its index here, once; after
/// this nothing looks an id up by string.
struct ReferenceCheck {
    let reader: NodeReader

    enum Kind: String {
        case owner, phase, constraint, task, milestone, risk
        /// A task of an option that is not chosen: not in the plan, but its id is taken.
        case optionTask

        var article: String {
            switch self {
            case .owner: return "an owner"
            case .optionTask: return "a task of an option not chosen"
            default: return "a \(rawValue)"
            }
        }
    }

    private struct LinkKey: Hashable {
        var predecessor: PlanReferent
        var type: LinkType
        var lag: Double
    }

    private struct Entry {
        var kind: Kind
        var referent: PlanReferent
        var location: SourceLocation
    }

    /// - Complexity: O(*n* + *r*) expected, where *n* is the number of ids and *r*
    ///   the number of references; suggestions for unknown ids cost O(*n*) each.
    func check(_ plan: inout Plan) {
        var entries: [String: Entry] = [:]
        entries.reserveCapacity(plan.owners.count + plan.phases.count + plan.constraints.count + plan.tasks.count)
        func declare(_ id: String, _ kind: Kind, _ referent: PlanReferent, _ location: SourceLocation) {
            if let first = entries[id] {
                reader.error(.duplicateId, at: location, "duplicate id '\(id)': it already names \(first.kind.article); ids must be unique across owners, phases, constraints and tasks",
                             notes: [.init("'\(id)' is first declared here", at: first.location)])
            } else {
                entries[id] = Entry(kind: kind, referent: referent, location: location)
            }
        }
        for (o, owner) in plan.owners.enumerated() { declare(owner.id, .owner, .owner(o), owner.location) }
        for (p, phase) in plan.phases.enumerated() { declare(phase.id, .phase, .phase(p), phase.location) }
        for (c, constraint) in plan.constraints.enumerated() { declare(constraint.id, .constraint, .constraint(c), constraint.location) }
        for (j, task) in plan.tasks.enumerated() { declare(task.id, task.isMilestone ? .milestone : .task, .task(j), task.location) }
        for (q, risk) in plan.risks.enumerated() { declare(risk.id, .risk, .risk(q), risk.location) }
        // The tasks of options not chosen are not in the plan, but their ids are
        // taken: switching options must not make two tasks share one.
        var notChosen: [String: (constraint: Int, option: Int)] = [:]
        for (c, constraint) in plan.constraints.enumerated() {
            for (k, option) in constraint.choices.enumerated() where k != constraint.chosen {
                for task in option.tasks {
                    declare(task.id, .optionTask, .constraint(c), task.location)
                    notChosen[task.id] = (c, k)
                }
            }
        }

        // Suggestions compare with every id of the allowed kinds: build each list
        // once, and only while errors are still being shown.
        var candidateCache: [Set<Kind>: [String]] = [:]
        func candidates(_ allowed: Set<Kind>) -> [String] {
            if let cached = candidateCache[allowed] { return cached }
            let list = entries.filter { allowed.contains($0.value.kind) }.map(\.key).sorted()
            candidateCache[allowed] = list
            return list
        }
        /// What `id` names when it is of an allowed kind; otherwise an error and nil.
        func resolve(_ id: String, at location: SourceLocation, _ allowed: Set<Kind>, role: @autoclosure () -> String) -> PlanReferent? {
            if let entry = entries[id] {
                if allowed.contains(entry.kind) { return entry.referent }
                reader.error(.wrongKindReference, at: location, "'\(id)' is \(entry.kind.article), but \(role()) must name \(allowed.map(\.article).sorted().joined(separator: " or "))")
                return nil
            }
            let hint = reader.tooManyErrors ? "" : Suggestion.hint(for: id, in: candidates(allowed))
            reader.error(.unknownReference, at: location, "'\(id)' in \(role()) is not \(allowed.map(\.article).sorted().joined(separator: " or "))\(hint)")
            return nil
        }

        let workItems: Set<Kind> = [.task, .milestone, .constraint]
        for j in plan.tasks.indices {
            // Resolve in place: copying a task out and back would copy its arrays.
            let id = plan.tasks[j].id
            if let owner = plan.tasks[j].owner {
                plan.tasks[j].ownerIndex = resolve(owner, at: plan.tasks[j].location(of: "owner"), [.owner], role: "'owner' of '\(id)'")?.owner
            }
            for n in plan.tasks[j].needs.indices {
                plan.tasks[j].needs[n].ownerIndex = resolve(plan.tasks[j].needs[n].owner, at: plan.tasks[j].location(of: "needs"), [.owner], role: "'needs' of '\(id)'")?.owner
            }
            if let phase = plan.tasks[j].phase {
                plan.tasks[j].phaseIndex = resolve(phase, at: plan.tasks[j].location(of: "phase"), [.phase], role: "'phase' of '\(id)'")?.phase
            }
            for k in plan.tasks[j].after.indices {
                let d = plan.tasks[j].after[k]
                if let (c, o) = notChosen[d.id] {
                    reader.error(.optionTaskReference, at: d.location, "'\(d.id)' is work of option '\(plan.constraints[c].choices[o].id)' of '\(plan.constraints[c].id)', which is not chosen; refer to the constraint '\(plan.constraints[c].id)' (its resolution) instead, which every option resolves")
                    continue
                }
                let referent = resolve(d.id, at: d.location, workItems, role: "'after' of '\(id)'")
                // Work outside an option may follow the constraint, not one option's
                // tasks: another option would not have them.
                if case .task(let i)? = referent, let o = plan.tasks[i].option, let c = plan.tasks[i].constraint,
                   plan.tasks[j].option != o || plan.tasks[j].constraint != c {
                    reader.error(.optionTaskReference, at: d.location, "'\(d.id)' is work of option '\(plan.constraints[c].choices[o].id)' of '\(plan.constraints[c].id)'; work outside that option cannot follow it, since another option would not have it: refer to the constraint '\(plan.constraints[c].id)' instead")
                    continue
                }
                plan.tasks[j].after[k].predecessor = referent
            }
            // The same link written twice (or 200,000 times) is noise at best.
            // One warning per duplicated link, at its first copy, with the count.
            if plan.tasks[j].after.count > 1 {
                var copies: [LinkKey: (count: Int, first: Dependency)] = [:]
                var order: [LinkKey] = []
                for d in plan.tasks[j].after {
                    guard let p = d.predecessor else { continue }
                    let key = LinkKey(predecessor: p, type: d.type, lag: d.lag)
                    if let seen = copies[key] {
                        if seen.count == 1 { order.append(key) }
                        copies[key] = (seen.count + 1, seen.first.location < d.location ? seen.first : d)
                    } else {
                        copies[key] = (1, d)
                    }
                }
                for key in order {
                    guard let (count, _) = copies[key] else { continue }
                    let copy = plan.tasks[j].after.last { $0.predecessor == key.predecessor && $0.type == key.type && $0.lag == key.lag }!
                    reader.warning(.duplicateLink, at: copy.location,
                                   "'\(id)' follows '\(copy.id)' \(count) times with the same type and lag; the \(count - 1) cop\(count == 2 ? "y adds" : "ies add") nothing: remove \(count == 2 ? "it" : "them")")
                }
            }
        }
        for c in plan.constraints.indices {
            let id = plan.constraints[c].id
            if let owner = plan.constraints[c].owner {
                plan.constraints[c].ownerIndex = resolve(owner, at: plan.constraints[c].location(of: "owner"), [.owner], role: "'owner' of '\(id)'")?.owner
            }
            if plan.constraints[c].mitigations.isEmpty {
                reader.warning(.noMitigation, at: plan.constraints[c].location,
                               "constraint '\(id)' has no mitigations, so nothing in the plan resolves it: it counts as resolved at the start (t = 0); add the work that resolves it under 'mitigations'")
            }
            for b in plan.constraints[c].blocks.indices {
                let blocked = plan.constraints[c].blocks[b]
                plan.constraints[c].blocks[b].referent = resolve(blocked.id, at: blocked.location, [.task, .milestone, .phase], role: "'blocks' of '\(id)'")
            }
        }
        for q in plan.risks.indices {
            let id = plan.risks[q].id
            if plan.risks[q].on.isEmpty {
                // By default a risk hits what carries it: its task, or its constraint's mitigations.
                switch plan.risks[q].carrier {
                case .task(let j):
                    plan.risks[q].on = [Reference(id: plan.tasks[j].id, location: plan.risks[q].location, referent: .task(j))]
                case .constraint(let c):
                    plan.risks[q].on = plan.constraints[c].mitigations.map {
                        Reference(id: plan.tasks[$0].id, location: plan.risks[q].location, referent: .task($0))
                    }
                }
            } else {
                for k in plan.risks[q].on.indices {
                    let target = plan.risks[q].on[k]
                    plan.risks[q].on[k].referent = resolve(target.id, at: target.location, [.task, .milestone], role: "'on' of risk '\(id)'")
                }
            }
        }
        plan.setIDs(entries.filter { $0.value.kind != .optionTask }.mapValues(\.referent))
    }
}

// The diagnostic codes raised here.
extension DiagnosticCode {
    public static let duplicateId = DiagnosticCode("duplicate-id")
    public static let noMitigation = DiagnosticCode("no-mitigation")
    public static let unknownReference = DiagnosticCode("unknown-reference")
    public static let wrongKindReference = DiagnosticCode("wrong-kind-reference")
    public static let optionTaskReference = DiagnosticCode("option-task-reference")
    public static let duplicateLink = DiagnosticCode("duplicate-link")
}
