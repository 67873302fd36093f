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

    /// Times and durations a plan may use: within 10,000 years of t = 0, either
    /// way (521,775 weeks). Beyond that a number is a typo or an attack on the
    /// arithmetic (`1e300` weeks, a 300-digit duration), not a plan; refusing it
    /// here keeps every later sum, date and JSON number finite.
    public static let limitWeeks = 521_775.0

    static func beyondLimit(_ text: String) -> Failure {
        Failure(message: "'\(text)' is beyond the 10,000 years (\(Int(limitWeeks)) weeks) either side of the start that a plan may use")
    }

    static func inRange(_ weeks: Double) -> Bool { weeks.isFinite && abs(weeks) <= limitWeeks }

    /// A signed duration such as `2w`, `-2d`, `1.5w` or `3` (in the plan's unit),
    /// within `limitWeeks`.
    public func duration(_ text: String) -> Result<Double, Failure> {
        switch unlimitedDuration(text) {
        case .success(let weeks) where !Self.inRange(weeks): return .failure(Self.beyondLimit(text))
        case let other: return other
        }
    }

    private func unlimitedDuration(_ text: String) -> Result<Double, Failure> {
        if let weeks = text.utf8.withContiguousStorageIfAvailable({ duration(ascii: $0) }) ?? nil { return .success(weeks) }
        return generalDuration(text)
    }

    /// `duration(_:)` on the `String`, without the byte fast path (the tests compare the two).
    func generalDuration(_ text: String) -> Result<Double, Failure> {
        let trimmed = text.trimmingSpaces()
        guard let (value, unitText) = splitNumber(trimmed), let weeks = toWeeks(value, unitText) else {
            return .failure(Failure(message: "'\(text)' is not a duration; write it like 2w, 3d or 1.5w"))
        }
        return .success(weeks)
    }

    /// A task duration: a non-negative fixed duration or an estimate, within `limitWeeks`.
    public func estimate(_ text: String) -> Result<Estimate, Failure> {
        switch unlimitedEstimate(text) {
        case .success(let e) where !(Self.inRange(e.optimistic) && Self.inRange(e.mostLikely) && Self.inRange(e.pessimistic)):
            return .failure(Self.beyondLimit(text))
        case let other: return other
        }
    }

    private func unlimitedEstimate(_ text: String) -> Result<Estimate, Failure> {
        if let e = text.utf8.withContiguousStorageIfAvailable({ estimate(ascii: $0) }) ?? nil { return .success(e) }
        return generalEstimate(text)
    }

    /// `estimate(_:)` on the `String`, without the byte fast path.
    func generalEstimate(_ text: String) -> Result<Estimate, Failure> {
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
        switch generalDuration(trimmed) {
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
        switch unlimitedPoint(text, as: edge) {
        case .success(let t) where !Self.inRange(t): return .failure(Self.beyondLimit(text))
        case let other: return other
        }
    }

    private func unlimitedPoint(_ text: String, as edge: WorkCalendar.Edge) -> Result<Double, Failure> {
        if let t = text.utf8.withContiguousStorageIfAvailable({ week(ascii: $0, as: edge) }) ?? nil { return .success(t) }
        return generalPoint(text, as: edge)
    }

    /// `point(_:as:)` on the `String`, without the byte fast path.
    func generalPoint(_ text: String, as edge: WorkCalendar.Edge) -> Result<Double, Failure> {
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
        if case .success(let weeks) = generalDuration(trimmed), weeks >= 0 {
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

    /// A signed number, then the unit after it (trimmed, lower case). The number
    /// is what `Double` reads of the longest run of digits and dots after an
    /// optional sign; all of those are ASCII, so the bytes are scanned.
    private func splitNumber(_ text: String) -> (Double, String)? {
        let utf8 = text.utf8
        var i = utf8.startIndex
        if i < utf8.endIndex, utf8[i] == UInt8(ascii: "-") || utf8[i] == UInt8(ascii: "+") { i = utf8.index(after: i) }
        while i < utf8.endIndex, (utf8[i] >= UInt8(ascii: "0") && utf8[i] <= UInt8(ascii: "9")) || utf8[i] == UInt8(ascii: ".") {
            i = utf8.index(after: i)
        }
        guard let value = Double(text[..<i]), value.isFinite else { return nil }
        return (value, text[i...].trimmingSpaces().lowercased())
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

// MARK: - The common case, on bytes

/// What the readers above accept, read straight from UTF-8 bytes for the plain
/// ASCII forms nearly every plan uses (`2w`, `3d`, `2-3w`, `1w/2w/4w`, `+1d`,
/// `week 3`). Each returns nil for anything else, and the caller then takes the
/// general path on a `String`, which gives the same answer or says what is wrong:
/// so the fast path may refuse too much, never accept differently.
///
/// Numbers are read as Clinger's fast path (Clinger 1990, "How to read floating
/// point numbers accurately"): at most 15 digits and 15 decimals, so the integer
/// of the digits and the power of ten are exact doubles, and their quotient, one
/// correctly rounded division, is the double nearest the decimal, as `Double(_:)`
/// reads it.
extension TimeSyntax {
    /// `duration(_:)` on bytes.
    ///
    /// - Complexity: O(*n*) in the length of the text.
    func duration(ascii text: UnsafeBufferPointer<UInt8>) -> Double? {
        guard var part = ASCIIRange(text) else { return nil }
        part.trim()
        guard let (value, unit) = part.numberAndUnit(), let unit else { return nil }
        return weeks(value, unit)
    }

    /// `estimate(_:)` on bytes, for estimates that are valid.
    ///
    /// - Complexity: O(*n*) in the length of the text.
    func estimate(ascii text: UnsafeBufferPointer<UInt8>) -> Estimate? {
        guard var whole = ASCIIRange(text) else { return nil }
        whole.trim()
        var parts: (ASCIIRange, ASCIIRange, ASCIIRange?)
        if let slash = whole.firstIndex(of: UInt8(ascii: "/"), from: whole.start) {
            guard let second = whole.firstIndex(of: UInt8(ascii: "/"), from: slash + 1),
                  whole.firstIndex(of: UInt8(ascii: "/"), from: second + 1) == nil else { return nil }
            parts = (whole.slice(whole.start, slash), whole.slice(slash + 1, second), whole.slice(second + 1, whole.end))
        } else if whole.start < whole.end, let dash = whole.firstIndex(of: UInt8(ascii: "-"), from: whole.start + 1) {
            parts = (whole.slice(whole.start, dash), whole.slice(dash + 1, whole.end), nil)
        } else {
            guard let (value, unit) = whole.numberAndUnit(), let unit, let w = weeks(value, unit), w >= 0 else { return nil }
            return .fixed(w)
        }
        parts.0.trim()
        parts.1.trim()
        parts.2?.trim()
        // A unit on the last part applies to parts written without one.
        guard let first = parts.0.numberAndUnit(), let second = parts.1.numberAndUnit() else { return nil }
        var third: (Double, ASCIIRange.Unit?)?
        if let p = parts.2 {
            guard let t = p.numberAndUnit() else { return nil }
            third = t
        }
        guard let shared = (third ?? second).1 else { return nil }
        guard let o = weeks(first.0, first.1 == ASCIIRange.Unit.bare ? shared : first.1),
              let m = weeks(second.0, second.1 == ASCIIRange.Unit.bare ? shared : second.1) else { return nil }
        let e: Estimate
        if let third {
            guard let p = weeks(third.0, third.1 == ASCIIRange.Unit.bare ? shared : third.1) else { return nil }
            e = Estimate(optimistic: o, mostLikely: m, pessimistic: p)
        } else {
            e = Estimate(optimistic: o, mostLikely: (o + m) / 2, pessimistic: m)
        }
        guard e.optimistic >= 0, e.mostLikely >= 0, e.pessimistic >= 0,
              e.optimistic <= e.mostLikely, e.mostLikely <= e.pessimistic else { return nil }
        return e
    }

    /// `point(_:as:)` on bytes, for `week N` with a whole or decimal N >= 1.
    ///
    /// - Complexity: O(*n*) in the length of the text.
    func week(ascii text: UnsafeBufferPointer<UInt8>, as edge: WorkCalendar.Edge) -> Double? {
        guard var whole = ASCIIRange(text) else { return nil }
        whole.trim()
        guard whole.end - whole.start > 4, whole.slice(whole.start, whole.start + 4).isLowercased("week") else { return nil }
        var rest = whole.slice(whole.start + 4, whole.end)
        rest.trim()
        guard rest.start < rest.end, rest.bytes[rest.start] != UInt8(ascii: "-") && rest.bytes[rest.start] != UInt8(ascii: "+"),
              let (n, unit) = rest.numberAndUnit(), unit == ASCIIRange.Unit.bare, n >= 1 else { return nil }
        return edge == .start ? n - 1 : n
    }

    private func weeks(_ value: Double, _ unit: ASCIIRange.Unit?) -> Double? {
        switch unit {
        case .bare?: return self.unit == .week ? value : value / calendar.daysPerWeek
        case .week?: return value
        case .day?: return value / calendar.daysPerWeek
        case nil: return nil
        }
    }
}

/// A range of printable ASCII bytes (tabs allowed).
struct ASCIIRange {
    let bytes: UnsafeBufferPointer<UInt8>
    var start: Int
    var end: Int

    enum Unit { case bare, week, day }

    /// Nil when any byte is outside printable ASCII and tab: such text takes the general path.
    init?(_ bytes: UnsafeBufferPointer<UInt8>) {
        for b in bytes where !(b >= 0x20 && b < 0x7F) && b != 0x09 { return nil }
        self.bytes = bytes
        start = 0
        end = bytes.count
    }

    private init(bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int) {
        self.bytes = bytes
        self.start = start
        self.end = end
    }

    func slice(_ from: Int, _ to: Int) -> ASCIIRange { ASCIIRange(bytes: bytes, start: from, end: to) }

    /// Drops spaces and tabs at both ends, as `trimmingSpaces()` does.
    mutating func trim() {
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
    }

    func firstIndex(of byte: UInt8, from: Int) -> Int? {
        var i = from
        while i < end {
            if bytes[i] == byte { return i }
            i += 1
        }
        return nil
    }

    /// Whether the bytes, in lower case, are `word`.
    func isLowercased(_ word: StaticString) -> Bool {
        guard word.utf8CodeUnitCount == end - start else { return false }
        let w = word.utf8Start
        for k in 0..<(end - start) {
            let b = bytes[start + k]
            if (b >= 0x41 && b <= 0x5A ? b | 0x20 : b) != w[k] { return false }
        }
        return true
    }

    /// `[+-]?digits(.digits)?` and the unit after it (`.bare` when there is
    /// none, nil when it is not a unit). Nil for any other number, such as `1.`,
    /// `.5`, more than 15 digits or decimals, or a dot or digit after it.
    func numberAndUnit() -> (Double, Unit?)? {
        var i = start
        var negative = false
        if i < end, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
            negative = bytes[i] == UInt8(ascii: "-")
            i += 1
        }
        var mantissa: UInt64 = 0, digits = 0, decimals = 0
        while i < end, bytes[i] >= 0x30 && bytes[i] <= 0x39 {
            // Past 15 digits the fast path gives up (to the String path) before
            // the mantissa could overflow.
            guard digits < 15 else { return nil }
            mantissa = mantissa * 10 + UInt64(bytes[i] - 0x30)
            digits += 1
            i += 1
        }
        guard digits > 0 else { return nil }
        if i < end, bytes[i] == UInt8(ascii: ".") {
            i += 1
            while i < end, bytes[i] >= 0x30 && bytes[i] <= 0x39 {
                guard digits + decimals < 18 else { return nil }
                mantissa = mantissa * 10 + UInt64(bytes[i] - 0x30)
                decimals += 1
                i += 1
            }
            guard decimals > 0 else { return nil }
        }
        guard digits <= 15, decimals <= 15, i == end || (bytes[i] != UInt8(ascii: ".") && !(bytes[i] >= 0x30 && bytes[i] <= 0x39)) else { return nil }
        let magnitude = Double(mantissa) / ASCIIRange.powersOfTen[decimals]
        var unit = slice(i, end)
        unit.trim()
        return (negative ? -magnitude : magnitude, unit.unit())
    }

    private static let powersOfTen: [Double] = (0...15).map { e in (0..<e).reduce(1.0) { r, _ in r * 10 } }

    /// `w`, `wk`, `wks`, `week`, `weeks`, `d`, `day`, `days` in any case, or nothing.
    private func unit() -> Unit? {
        switch end - start {
        case 0: return .bare
        case 1:
            switch bytes[start] | 0x20 {
            case UInt8(ascii: "w"): return .week
            case UInt8(ascii: "d"): return .day
            default: return nil
            }
        default:
            if isLowercased("wk") || isLowercased("wks") || isLowercased("week") || isLowercased("weeks") { return .week }
            if isLowercased("day") || isLowercased("days") { return .day }
            return nil
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
