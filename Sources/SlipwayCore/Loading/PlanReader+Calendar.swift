/// Reading the working calendar: the plan's `holidays:` and each owner's `leave:`
/// and `availability:`. Dates only: days off are days of the real calendar, so
/// they need the plan's `start`.
extension PlanReader {
    static let daysOffKeys = ["date", "from", "to", "name"]
    static let availabilityKeys = ["from", "percent"]

    /// A list of days off: each item a date (`2025-01-20`), or a mapping with
    /// `date` or `from`/`to`, and an optional `name`.
    func daysOff(_ node: YAMLNode, what: String) throws -> [DaysOff] {
        var result: [DaysOff] = []
        for item in try reader.itemsView(of: node, what: "'\(what)'") {
            if item.isScalar {
                guard let first = try date(item, what: "a date in '\(what)'") else { continue }
                result.append(DaysOff(first: first, location: item.location))
                continue
            }
            guard let fields = try reader.fields(of: item, known: Self.daysOffKeys, what: "an entry of '\(what)'") else { continue }
            var first: CivilDate?, last: CivilDate?, name: String?, sawDate = false, broken = false
            for (key, value, _) in fields {
                switch key {
                case "name": name = try reader.string(value, what: "'name'")
                case "date", "from":
                    sawDate = true
                    if let d = try date(value, what: "'\(key)'") { first = d } else { broken = true }
                default:
                    if let d = try date(value, what: "'to'") { last = d } else { broken = true }
                }
            }
            guard !broken else { continue }
            guard sawDate, let first else {
                reader.error(.missingKey, at: item.location, "an entry of '\(what)' needs 'date' (one day) or 'from' and 'to' (a range), like {from: 2025-12-24, to: 2025-12-26, name: Christmas}")
                continue
            }
            if let last, last < first {
                reader.error(.daysOffBackwards, at: item.location, "'\(what)' entry \(name.map { "'\($0)' " } ?? "")ends on \(last) before it starts on \(first); write the earlier date in 'from'")
                continue
            }
            result.append(DaysOff(name: name, first: first, last: last, location: item.location))
        }
        return result
    }

    /// An owner's `availability:` steps, each `{from: DATE, percent: P}` with P in (0, 100].
    func availability(_ node: YAMLNode) throws -> [Availability] {
        var result: [Availability] = []
        for item in try reader.itemsView(of: node, what: "'availability'") {
            guard let fields = try reader.fields(of: item, known: Self.availabilityKeys, what: "an entry of 'availability'") else { continue }
            var from: CivilDate?, percent: Double?, broken = false
            for (key, value, _) in fields {
                if key == "from" {
                    if let d = try date(value, what: "'from'") { from = d } else { broken = true }
                    continue
                }
                guard let text = try reader.string(value, what: "'percent'") else { broken = true; continue }
                let digits = text.hasSuffix("%") ? String(text.dropLast()) : text
                guard let p = Double(digits.trimmingSpaces()), p > 0, p <= 100 else {
                    reader.error(.badAvailability, at: value.location, "'percent' must be more than 0 and at most 100 (the share of full time this owner works), not '\(text)'; for time off write 'leave'")
                    broken = true
                    continue
                }
                percent = p
            }
            guard !broken else { continue }
            guard let from, let percent else {
                reader.error(.missingKey, at: item.location, "an entry of 'availability' needs 'from' and 'percent', like {from: 2025-03-03, percent: 60}")
                continue
            }
            result.append(Availability(from: from, percent: percent, location: item.location))
        }
        return result
    }

    private func date(_ node: YAMLNode, what: String) throws -> CivilDate? {
        guard let text = try reader.string(node, what: what) else { return nil }
        guard let date = CivilDate(iso: text) else {
            reader.error(.badDate, at: node.location, "\(what) must be a date like 2025-12-25, not '\(text)'")
            return nil
        }
        return date
    }

    /// Checks of the calendar as a whole, once the plan is read: days off need a
    /// start; days before the start or years after it are probably typos; days
    /// off that overlap are counted once, but say so.
    ///
    /// - Complexity: O(*n* log *n*) for *n* entries of one list.
    func checkCalendar(_ plan: Plan) {
        let lists: [(what: String, days: [DaysOff])] = [("holidays", plan.holidays)]
            + plan.owners.map { ("leave of '\($0.id)'", $0.leave) }
        let declared = lists.contains { !$0.days.isEmpty } || plan.owners.contains { !$0.availability.isEmpty }
        guard let start = plan.calendar.start else {
            if declared {
                reader.error(.calendarWithoutStart, at: plan.locations["holidays"] ?? plan.owners.first { !$0.leave.isEmpty || !$0.availability.isEmpty }?.location,
                             "holidays, leave and availability are dates, so the plan needs a 'start' date (like 'start: 2025-01-13') to place them")
            }
            return
        }
        let horizon = start.adding(days: 366 * Self.calendarYears)
        for (what, days) in lists {
            for off in days {
                if off.last < start {
                    reader.warning(.daysOffOutsidePlan, at: off.location, "\(what): \(off.first) is before the plan starts on \(start); it changes nothing")
                } else if horizon < off.last {
                    // A range's end counts too: `to: 9999-12-31` stops all work for 8,000 years.
                    reader.warning(.daysOffOutsidePlan, at: off.location, "\(what): \(horizon < off.first ? off.first : off.last) is more than \(Self.calendarYears) years after the plan starts on \(start); is the year right?")
                }
            }
            let sorted = days.sorted { ($0.first, $0.location.line) < ($1.first, $1.location.line) }
            for (a, b) in zip(sorted, sorted.dropFirst()) where !(a.last < b.first) {
                reader.warning(.daysOffOverlap, at: b.location, "\(what): \(b.first) overlaps the days off from \(a.first) (line \(a.location.line)); the days are counted once")
            }
        }
        for owner in plan.owners {
            for step in owner.availability where step.from < start {
                reader.warning(.daysOffOutsidePlan, at: step.location, "availability of '\(owner.id)' from \(step.from), before the plan starts on \(start), applies from the start")
            }
            let sorted = owner.availability.sorted { $0.from < $1.from }
            for (a, b) in zip(sorted, sorted.dropFirst()) where a.from == b.from {
                reader.warning(.daysOffOverlap, at: b.location, "availability of '\(owner.id)' has two steps from \(b.from); the later one in the file is used")
            }
        }
    }

    /// How far after the start days off are believed without a warning.
    static let calendarYears = 10
}

// The diagnostic codes raised here.
extension DiagnosticCode {
    public static let daysOffBackwards = DiagnosticCode("days-off-backwards")
    public static let daysOffOutsidePlan = DiagnosticCode("days-off-outside-plan")
    public static let daysOffOverlap = DiagnosticCode("days-off-overlap")
    public static let badAvailability = DiagnosticCode("bad-availability")
    public static let calendarWithoutStart = DiagnosticCode("calendar-without-start")
}
