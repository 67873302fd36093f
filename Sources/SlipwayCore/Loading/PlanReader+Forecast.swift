import SlipwayEngine

/// The fields a forecast needs beyond the schedule: risk events, gate criteria,
/// crash costs and skills, each checked at its location.
extension PlanReader {
    /// `risks: [{id, title, probability: 30%, impact: 1-2w, on: [ids], mode: delay|extend, why}]`.
    ///
    /// - Complexity: O(*n*) in the nodes of the list.
    func risks(_ node: YAMLNode, carrier: Risk.Carrier) throws -> [Risk] {
        var result: [Risk] = []
        for item in try reader.items(of: node, what: "'risks'") ?? [] {
            guard let fields = try reader.fields(of: item, known: PlanSchema.risk, what: "a risk") else { continue }
            var id: String?, title: String?, probability: Double?, impact: Estimate?, on: [Reference] = [], mode = Risk.Mode.extend, why: String?
            for (key, value, _) in fields {
                switch key {
                case "id": id = try reader.string(value, what: "'id'")
                case "title": title = try reader.string(value, what: "'title'")
                case "probability": probability = try self.probability(value)
                case "impact":
                    guard let text = try reader.string(value, what: "'impact'") else { continue }
                    switch syntax.estimate(text) {
                    case .success(let e) where e.optimistic >= 0: impact = e
                    case .success: reader.error(.badDuration, at: value.location, "'impact' cannot be negative: a risk that saves time is an opportunity; model it as a shorter estimate")
                    case .failure(let f): reader.error(.badDuration, at: value.location, f.message)
                    }
                case "on": on = try references(value, what: "'on'")
                case "mode":
                    guard let text = try reader.string(value, what: "'mode'") else { continue }
                    if let m = Risk.Mode(rawValue: text.lowercased()) { mode = m } else {
                        reader.error(.badRiskMode, at: value.location, "'mode' must be delay (the work waits before it starts) or extend (the work takes longer), not '\(text)'\(Suggestion.hint(for: text.lowercased(), in: Risk.Mode.allCases.map(\.rawValue)))")
                    }
                case "why": why = try reader.string(value, what: "'why'")
                default: break
                }
            }
            guard let rid = requireID(id, in: item, what: "a risk") else { continue }
            let present = Set(fields.map(\.key))
            if !present.contains("probability") {
                reader.error(.missingKey, at: item.location, "risk '\(rid)' has no 'probability'; add one like 'probability: 30%'")
            }
            if !present.contains("impact") {
                reader.error(.missingKey, at: item.location, "risk '\(rid)' has no 'impact'; add one like 'impact: 1-2w'")
            }
            guard let probability, let impact else { continue }
            result.append(Risk(id: rid, title: title ?? rid, probability: probability, impact: impact, on: on, mode: mode,
                               carrier: carrier, why: why, location: item.location))
        }
        return result
    }

    /// A probability in (0, 100%]: `30%`, or a fraction such as `0.3`.
    func probability(_ node: YAMLNode) throws -> Double? {
        guard let text = try reader.string(node, what: "'probability'") else { return nil }
        let trimmed = text.trimmingSpaces()
        let value: Double?
        if trimmed.hasSuffix("%") {
            value = Double(String(trimmed.dropLast()).trimmingSpaces()).map { $0 / 100 }
        } else {
            value = Double(trimmed)
        }
        guard let value, value > 0, value <= 1 else {
            reader.error(.outOfRange, at: node.location, "'probability' must be more than 0 and at most 100%, like 30% or 0.3, not '\(text)'; a risk that cannot happen is not a risk, and one that is certain is work to plan")
            return nil
        }
        return value
    }

    /// `criteria: ["text", {text: ..., status: met|open|failed}]`.
    func criteria(_ node: YAMLNode) throws -> [Criterion] {
        var result: [Criterion] = []
        for item in try reader.items(of: node, what: "'criteria'") ?? [] {
            if item.isMapping {
                guard let fields = try reader.fields(of: item, known: PlanSchema.criterion, what: "a criterion") else { continue }
                var text: String?, status = Criterion.Status.open
                for (key, value, _) in fields {
                    switch key {
                    case "text": text = try reader.string(value, what: "'text'")
                    case "status":
                        guard let s = try reader.string(value, what: "'status'") else { continue }
                        if let parsed = Criterion.Status(rawValue: s.lowercased()) { status = parsed } else {
                            reader.error(.badCriterionStatus, at: value.location, "a criterion's 'status' must be met, open or failed, not '\(s)'\(Suggestion.hint(for: s.lowercased(), in: Criterion.Status.allCases.map(\.rawValue)))")
                        }
                    default: break
                    }
                }
                guard let text else {
                    reader.error(.missingKey, at: item.location, "a criterion needs 'text' saying what must hold")
                    continue
                }
                result.append(Criterion(text: text, status: status, location: item.location))
            } else if let text = try reader.string(item, what: "a criterion") {
                result.append(Criterion(text: text, location: item.location))
            }
        }
        return result
    }

    /// `crash: {to: 2w, cost: 3000}`: the least duration and the money per week cut.
    func crash(_ node: YAMLNode) throws -> Crash? {
        guard let fields = try reader.fields(of: node, known: PlanSchema.crash, what: "'crash'") else { return nil }
        var minimum: Double?, cost: Double?
        for (key, value, _) in fields {
            switch key {
            case "to":
                guard let text = try reader.string(value, what: "'to'") else { continue }
                switch syntax.duration(text) {
                case .success(let w) where w >= 0: minimum = w
                case .success: reader.error(.badDuration, at: value.location, "'to' cannot be negative")
                case .failure(let f): reader.error(.badDuration, at: value.location, f.message)
                }
            case "cost": cost = try reader.number(value, what: "'cost'", minimum: 0)
            default: break
            }
        }
        guard let minimum else {
            reader.error(.missingKey, at: node.location, "'crash' needs 'to', the least duration the task can be brought to, like '{to: 2w, cost: 3000}'")
            return nil
        }
        return Crash(minimum: minimum, costPerWeek: cost, location: node.location)
    }
}

// The diagnostic codes raised here.
extension DiagnosticCode {
    public static let badRiskMode = DiagnosticCode("bad-risk-mode")
    public static let badCriterionStatus = DiagnosticCode("bad-criterion-status")
}
