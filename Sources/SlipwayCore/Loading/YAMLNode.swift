/// A composed YAML node with the place it was written: the light tree the plan
/// reader walks. Tags are not resolved: every scalar keeps its text, and the
/// reader interprets it by the field it belongs to.
enum YAMLNode {
    case scalar(YAMLScalar)
    case sequence([YAMLNode], SourceLocation)
    case mapping([YAMLPair], SourceLocation)

    var location: SourceLocation {
        switch self {
        case .scalar(let s): return s.location
        case .sequence(_, let l), .mapping(_, let l): return l
        }
    }

    var kindDescription: String {
        switch self {
        case .scalar(let s): return "'\(s.string)'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        }
    }
}

struct YAMLScalar {
    var string: String
    var location: SourceLocation
}

struct YAMLPair {
    var key: YAMLNode
    var value: YAMLNode
}
