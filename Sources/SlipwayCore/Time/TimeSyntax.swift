import SlipwayEngine

/// Reads the time notations of plan files: durations (`2w`, `3d`, `1.5w`, a bare
/// number in the plan's unit), estimates (`2-3w`, `1w/2w/4w`) and points in time
/// (`week 3`, `2025-02-03`, a plain number of weeks).
///
/// All results are in weeks. Errors are sentences that say what was expected.
public struct TimeSyntax: Sendable {
    public enum Unit: String, Sendable, CaseIterable { case week, day }

    public var unit: Unit
    public var calendar: WorkCalendar

    public init(unit: Unit = .week, calendar: WorkCalendar = WorkCalendar(start: nil)) {
        self.unit = unit
        self.calendar = calendar
    }

    public struct Failure: Error, Equatable { public var message: String }

    /// A signed duration such as `2w`, `-2d`, `1.5w` or `3` (in the plan's unit).
    public func duration(_ text: String) -> Result<Double, Failure> {
        let trimmed = text.trimmingSpaces()
        guard let (value, unitText) = splitNumber(trimmed), let weeks = toWeeks(value, unitText) else {
            return .failure(Failure(message: "'\(text)' is not a duration; write it like 2w, 3d or 1.5w"))
        }
        return .success(weeks)
    }

    /// A task duration: a non-negative fixed duration or an estimate.
    public func estimate(_ text: String) -> Result<Estimate, Failure> {
        let trimmed = text.trimmingSpaces()
        let bad = Failure(message: "'\(text)' is not a duration or estimate; write it like 2w, 3d, 2-3w or 1w/2w/4w")
        if trimmed.contains("/") {
            let parts = trimmed.split(separator: "/", omittingEmptySubsequences: false).map { String($0).trimmingSpaces() }
            guard parts.count == 3 else { return .failure(bad) }
            guard let values = unitsShared(parts) else { return .failure(bad) }
            return checked(Estimate(optimistic: values[0], mostLikely: values[1], pessimistic: values[2]), text)
        }
        // A range: the dash that separates two numbers, not a leading minus.
        if let dash = trimmed.dropFirst().firstIndex(of: "-") {
            let parts = [String(trimmed[..<dash]), String(trimmed[trimmed.index(after: dash)...])].map { $0.trimmingSpaces() }
            guard let values = unitsShared(parts) else { return .failure(bad) }
            let (o, p) = (values[0], values[1])
            return checked(Estimate(optimistic: o, mostLikely: (o + p) / 2, pessimistic: p), text)
        }
        switch duration(trimmed) {
        case .success(let weeks):
            if weeks < 0 { return .failure(Failure(message: "duration '\(text)' is negative; a task cannot take less than no time")) }
            return .success(.fixed(weeks))
        case .failure:
            return .failure(bad)
        }
    }

    /// A point in time: `week N`, an ISO date (needs the plan's `start`), or a plain
    /// number of weeks from t = 0. `week N` is t = N-1 as a start and t = N as an end.
    public func point(_ text: String, as edge: WorkCalendar.Edge) -> Result<Double, Failure> {
        let trimmed = text.trimmingSpaces()
        let lower = trimmed.lowercased()
        if lower.hasPrefix("week") {
            let rest = lower.dropFirst(4).trimmingSpaces()
            guard let n = Double(rest), n.isFinite, n >= 1 else {
                return .failure(Failure(message: "'\(text)' is not a week; weeks are numbered from 1, as in 'week 3'"))
            }
            return .success(edge == .start ? n - 1 : n)
        }
        if let date = CivilDate(iso: trimmed) {
            guard let t = calendar.time(of: date, as: edge) else {
                return .failure(Failure(message: "the date '\(text)' needs the plan's 'start' date to place it; add 'start: YYYY-MM-DD' or write 'week N'"))
            }
            return .success(t)
        }
        if let value = Double(trimmed), value.isFinite {
            return .success(value)
        }
        // A duration such as `12w` reads as the time that much after t = 0.
        if case .success(let weeks) = duration(trimmed), weeks >= 0 {
            return .success(weeks)
        }
        return .failure(Failure(message: "'\(text)' is not a point in time; write 'week 3', a date like 2025-02-03, or a number of weeks"))
    }

    // MARK: - Pieces

    private func checked(_ e: Estimate, _ text: String) -> Result<Estimate, Failure> {
        if e.optimistic < 0 || e.mostLikely < 0 || e.pessimistic < 0 {
            return .failure(Failure(message: "estimate '\(text)' has a negative duration"))
        }
        if !(e.optimistic <= e.mostLikely && e.mostLikely <= e.pessimistic) {
            return .failure(Failure(message: "estimate '\(text)' is out of order; write optimistic <= most likely <= pessimistic"))
        }
        return .success(e)
    }

    /// Reads the parts of an estimate, where a unit on the last part applies to
    /// parts written without one (`2-3w`, `1/2/4w`).
    private func unitsShared(_ parts: [String]) -> [Double]? {
        var split: [(Double, String)] = []
        for part in parts {
            guard let s = splitNumber(part) else { return nil }
            split.append(s)
        }
        let sharedUnit = split.last!.1
        var result: [Double] = []
        for (value, unitText) in split {
            guard let w = toWeeks(value, unitText.isEmpty ? sharedUnit : unitText) else { return nil }
            result.append(w)
        }
        return result
    }

    private func splitNumber(_ text: String) -> (Double, String)? {
        let scalars = Array(text.unicodeScalars)
        var i = 0
        if i < scalars.count, scalars[i] == "-" || scalars[i] == "+" { i += 1 }
        while i < scalars.count, ("0"..."9").contains(scalars[i]) || scalars[i] == "." { i += 1 }
        let numberText = String(String.UnicodeScalarView(scalars[0..<i]))
        guard let value = Double(numberText), value.isFinite else { return nil }
        let unitText = String(String.UnicodeScalarView(scalars[i...])).trimmingSpaces().lowercased()
        return (value, unitText)
    }

    private func toWeeks(_ value: Double, _ unitText: String) -> Double? {
        switch unitText {
        case "": return unit == .week ? value : value / calendar.daysPerWeek
        case "w", "wk", "wks", "week", "weeks": return value
        case "d", "day", "days": return value / calendar.daysPerWeek
        default: return nil
        }
    }
}

extension StringProtocol {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
}
