/// Checks what can only be checked once the whole file is read: ids are unique
/// across owners, phases, constraints and tasks, and every reference names
/// something of the right kind.
struct ReferenceCheck {
    let reader: NodeReader

    enum Kind: String {
        case owner, phase, constraint, task, milestone

        var article: String { self == .owner ? "an owner" : "a \(rawValue)" }
    }

    /// - Complexity: O(*n* + *r*) expected, where *n* is the number of ids and *r*
    ///   the number of references; suggestions for unknown ids cost O(*n*) each.
    func check(_ plan: inout Plan) {
        var kinds: [String: (Kind, SourceLocation)] = [:]
        kinds.reserveCapacity(plan.owners.count + plan.phases.count + plan.constraints.count + plan.tasks.count)
        func declare(_ id: String, _ kind: Kind, _ location: SourceLocation) {
            if let (firstKind, firstLocation) = kinds[id] {
                reader.error(.duplicateId, at: location, "duplicate id '\(id)': it already names \(firstKind.article); ids must be unique across owners, phases, constraints and tasks",
                             notes: [.init("'\(id)' is first declared here", at: firstLocation)])
            } else {
                kinds[id] = (kind, location)
            }
        }
        for o in plan.owners { declare(o.id, .owner, o.location) }
        for p in plan.phases { declare(p.id, .phase, p.location) }
        for c in plan.constraints { declare(c.id, .constraint, c.location) }
        for t in plan.tasks { declare(t.id, t.isMilestone ? .milestone : .task, t.location) }

        // Suggestions compare with every id of the allowed kinds: build each list
        // once, and only while errors are still being shown.
        var candidateCache: [Set<Kind>: [String]] = [:]
        func candidates(_ allowed: Set<Kind>) -> [String] {
            if let cached = candidateCache[allowed] { return cached }
            let list = kinds.filter { allowed.contains($0.value.0) }.map(\.key).sorted()
            candidateCache[allowed] = list
            return list
        }
        func expect(_ id: String, at location: SourceLocation, _ allowed: Set<Kind>, role: String) {
            if let (kind, _) = kinds[id] {
                if !allowed.contains(kind) {
                    reader.error(.wrongKindReference, at: location, "'\(id)' is \(kind.article), but \(role) must name \(allowed.map(\.article).sorted().joined(separator: " or "))")
                }
                return
            }
            let hint = reader.tooManyErrors ? "" : Suggestion.hint(for: id, in: candidates(allowed))
            reader.error(.unknownReference, at: location, "'\(id)' in \(role) is not \(allowed.map(\.article).sorted().joined(separator: " or "))\(hint)")
        }

        let workItems: Set<Kind> = [.task, .milestone, .constraint]
        for t in plan.tasks {
            if let owner = t.owner { expect(owner, at: t.location(of: "owner"), [.owner], role: "'owner' of '\(t.id)'") }
            for need in t.needs { expect(need.owner, at: t.location(of: "needs"), [.owner], role: "'needs' of '\(t.id)'") }
            if let phase = t.phase { expect(phase, at: t.location(of: "phase"), [.phase], role: "'phase' of '\(t.id)'") }
            for d in t.after { expect(d.id, at: d.location, workItems, role: "'after' of '\(t.id)'") }
        }
        for c in plan.constraints {
            if let owner = c.owner { expect(owner, at: c.location(of: "owner"), [.owner], role: "'owner' of '\(c.id)'") }
            if c.mitigations.isEmpty {
                reader.warning(.noMitigation, at: c.location,
                               "constraint '\(c.id)' has no mitigations, so nothing in the plan resolves it: it counts as resolved at the start (t = 0); add the work that resolves it under 'mitigations'")
            }
            for b in c.blocks { expect(b.id, at: b.location, [.task, .milestone, .phase], role: "'blocks' of '\(c.id)'") }
        }
    }
}

// The diagnostic codes raised here.
extension DiagnosticCode {
    public static let duplicateId = DiagnosticCode("duplicate-id")
    public static let noMitigation = DiagnosticCode("no-mitigation")
    public static let wrongKindReference = DiagnosticCode("wrong-kind-reference")
}
