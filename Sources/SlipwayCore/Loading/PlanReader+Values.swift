import SlipwayEngine

/// The field values of a plan file: owner units, dependencies, references,
/// percentages and points in time, each checked with its location.
extension PlanReader {

    func ownerUnits(_ node: YAMLNode) throws -> [OwnerUnits] {
        try reader.visit(node)
        guard node.isMapping else {
            reader.error(.expectedMapping, at: node.location, "'needs' must map owner ids to units, like '{platform: 1, database: 0.5}'")
            return []
        }
        var result: [OwnerUnits] = []
        var children = node.children.makeIterator()
        while let k = children.next(), let v = children.next() {
            let key = YAMLNode(borrowing: node.ref, index: k), value = YAMLNode(borrowing: node.ref, index: v)
            guard let owner = try reader.string(key, what: "an owner id in 'needs'"),
                  let units = try reader.number(value, what: "the units of '\(owner)' in 'needs'") else { continue }
            guard units > 0 else {
                reader.error(.outOfRange, at: value.location, "the units of '\(owner)' in 'needs' must be more than 0")
                continue
            }
            result.append(OwnerUnits(owner: owner, units: units))
        }
        return result
    }

    /// `id`, `id SS`, `id SS+1w`, `id FF-2d`, or `{id, type, lag, why}`.
    func dependency(_ node: YAMLNode) throws -> Dependency? {
        if node.isMapping {
            guard let fields = try reader.fields(of: node, schema: PlanSchema.LinkKey.self, what: "a dependency") else { return nil }
            var id: String?, type = LinkType.finishToStart, lag = 0.0, why: String?, hard: Bool?
            for (key, value, _) in fields {
                switch key {
                case .id: id = try reader.string(value, what: "'id'")
                case .type:
                    guard let text = try reader.string(value, what: "'type'") else { continue }
                    if let t = LinkType(rawValue: text.uppercased()) { type = t } else {
                        reader.error(.badLinkType, at: value.location, "dependency type must be FS, SS, FF or SF, not '\(text)'")
                    }
                case .lag:
                    guard let text = try reader.string(value, what: "'lag'") else { continue }
                    switch syntax.duration(text) {
                    case .success(let w): lag = w
                    case .failure(let f): reader.error(.badDuration, at: value.location, f.message)
                    }
                case .why: why = try reader.string(value, what: "'why'")
                case .hard: hard = try reader.bool(value, what: "'hard'")
                }
            }
            guard let id else {
                reader.error(.missingKey, at: node.location, "a dependency mapping needs an 'id' naming its predecessor")
                return nil
            }
            var dependency = Dependency(id: id, type: type, lag: lag, why: why, location: node.location)
            dependency.hardness = hard
            return dependency
        }
        guard try reader.scalar(node, what: "a dependency") else { return nil }
        if let link = node.withBytes({ shorthand($0, at: node.location) }) { return link }
        let text = node.string
        let words = text.split(separator: " ", omittingEmptySubsequences: true)
        guard let first = words.first else {
            reader.error(.badDependency, at: node.location, "an empty dependency; name a task, milestone or constraint")
            return nil
        }
        guard words.count <= 2 else {
            reader.error(.badDependency, at: node.location, "'\(text)' is not a dependency; write 'id', 'id SS', or 'id SS+1w'")
            return nil
        }
        var type = LinkType.finishToStart, lag = 0.0
        if words.count == 2 {
            let spec = String(words[1])
            let typeText = String(spec.prefix(2)).uppercased()
            guard let t = LinkType(rawValue: typeText) else {
                reader.error(.badLinkType, at: node.location, "'\(spec)' in '\(text)' must start with a type FS, SS, FF or SF, as in 'SS+1w'")
                return nil
            }
            type = t
            let lagText = spec.dropFirst(2)
            if !lagText.isEmpty {
                guard lagText.first == "+" || lagText.first == "-" else {
                    reader.error(.badDependency, at: node.location, "the lag in '\(text)' needs a sign, as in 'SS+1w' or 'FF-2d'")
                    return nil
                }
                switch syntax.duration(String(lagText)) {
                case .success(let w): lag = w
                case .failure(let f):
                    reader.error(.badDuration, at: node.location, "bad lag in '\(text)': \(f.message)")
                    return nil
                }
            }
        }
        return Dependency(id: String(first), type: type, lag: lag, location: node.location)
    }

    /// The common shorthand links, `id`, `id SS` and `id FS-2d` in plain ASCII,
    /// read from the bytes; nil for anything else, which `dependency(_:)` then
    /// reads (and reports) from the text, with the same result for these.
    ///
    /// - Complexity: O(*n*) in the length of the text.
    private func shorthand(_ bytes: UnsafeBufferPointer<UInt8>, at location: SourceLocation) -> Dependency? {
        // Words are split at spaces only, as `split(separator: " ")` does; any
        // other byte outside printable ASCII takes the general path.
        var first: Range<Int>?, second: Range<Int>?
        var i = 0
        while i < bytes.count {
            guard bytes[i] >= 0x20 && bytes[i] < 0x7F else { return nil }
            if bytes[i] == 0x20 { i += 1; continue }
            let start = i
            while i < bytes.count && bytes[i] > 0x20 && bytes[i] < 0x7F { i += 1 }
            if first == nil { first = start..<i } else if second == nil { second = start..<i } else { return nil }
        }
        guard let first else { return nil }
        var type = LinkType.finishToStart, lag = 0.0
        if let spec = second {
            guard spec.count >= 2 else { return nil }
            let upper = { (b: UInt8) in b >= 0x61 && b <= 0x7A ? b - 0x20 : b }
            switch (upper(bytes[spec.lowerBound]), upper(bytes[spec.lowerBound + 1])) {
            case (UInt8(ascii: "F"), UInt8(ascii: "S")): type = .finishToStart
            case (UInt8(ascii: "S"), UInt8(ascii: "S")): type = .startToStart
            case (UInt8(ascii: "F"), UInt8(ascii: "F")): type = .finishToFinish
            case (UInt8(ascii: "S"), UInt8(ascii: "F")): type = .startToFinish
            default: return nil
            }
            if spec.count > 2 {
                let sign = bytes[spec.lowerBound + 2]
                guard sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"),
                      let weeks = syntax.duration(ascii: UnsafeBufferPointer(rebasing: bytes[spec.lowerBound + 2..<spec.upperBound])) else { return nil }
                lag = weeks
            }
        }
        return Dependency(id: String(decoding: UnsafeBufferPointer(rebasing: bytes[first]), as: UTF8.self), type: type, lag: lag, location: location)
    }

    func references(_ node: YAMLNode, what: String) throws -> [Reference] {
        var result: [Reference] = []
        for item in try reader.itemsView(of: node, what: what) {
            if let id = try reader.string(item, what: "an id in \(what)") {
                result.append(Reference(id: id, location: item.location))
            }
        }
        return result
    }

    func strings(_ node: YAMLNode, what: String) throws -> [String] {
        var result: [String] = []
        for item in try reader.itemsView(of: node, what: what) {
            if let s = try reader.string(item, what: "an entry of \(what)") { result.append(s) }
        }
        return result
    }

    func percent(_ node: YAMLNode) throws -> Double? {
        guard let text = try reader.string(node, what: "'progress'") else { return nil }
        let digits = text.hasSuffix("%") ? String(text.dropLast()) : text
        guard let value = Double(digits.trimmingSpaces()), value >= 0, value <= 100 else {
            reader.error(.badProgress, at: node.location, "'progress' must be a percentage from 0 to 100, not '\(text)'")
            return nil
        }
        return value
    }

    func startPoint(_ node: YAMLNode, what: String) throws -> Double? { try point(node, what: what, edge: .start) }
    func endPoint(_ node: YAMLNode, what: String) throws -> Double? { try point(node, what: what, edge: .end) }

    func point(_ node: YAMLNode, what: String, edge: WorkCalendar.Edge) throws -> Double? {
        guard let text = try reader.string(node, what: what) else { return nil }
        switch syntax.point(text, as: edge) {
        case .success(let t):
            if t < 0 {
                reader.error(.badTime, at: node.location, "\(what) '\(text)' is before the plan starts (t = 0)")
                return nil
            }
            return t
        case .failure(let f):
            reader.error(.badTime, at: node.location, "\(what): \(f.message)")
            return nil
        }
    }

    func requireID(_ id: String?, in node: YAMLNode, what: String) -> String? {
        guard let id else {
            reader.error(.missingId, at: node.location, "\(what) has no 'id'; every entry needs one, like 'id: config-system'")
            return nil
        }
        guard PlanSchema.isValidID(id) else {
            reader.error(.badId, at: node.location, "'\(id)' is not a valid id; ids are lower-case letters, digits, '.', '_' and '-', starting with a letter or digit")
            return nil
        }
        return id
    }
}

// The diagnostic codes raised here.
extension DiagnosticCode {
    public static let badDependency = DiagnosticCode("bad-dependency")
    public static let badLinkType = DiagnosticCode("bad-dependency-type")
    public static let badId = DiagnosticCode("bad-id")
    public static let badProgress = DiagnosticCode("bad-progress")
    public static let badTime = DiagnosticCode("bad-time")
    public static let missingId = DiagnosticCode("missing-id")
    public static let missingKey = DiagnosticCode("missing-key")
}
