import SlipwayEngine

/// The plan-file notation of estimates and dependencies, for writers that put
/// them back into text (plan YAML, CSV): what the loader reads, it can write.
extension Estimate {
    /// `2w`, `2-3w` (when the most likely is the midpoint), or `1w/2w/4w`.
    public var notation: String {
        if isFixed { return mostLikely.compact + "w" }
        if abs(mostLikely - (optimistic + pessimistic) / 2) < 1e-12 {
            return "\(optimistic.compact)-\(pessimistic.compact)w"
        }
        return "\(optimistic.compact)w/\(mostLikely.compact)w/\(pessimistic.compact)w"
    }
}

extension Dependency {
    /// `id`, or `id SS+1w` for other types and lags.
    public var notation: String {
        if type == .finishToStart && lag == 0 { return id }
        let lagText = lag == 0 ? "" : (lag > 0 ? "+" : "-") + abs(lag).compact + "w"
        return "\(id) \(type.rawValue)\(lagText)"
    }
}
