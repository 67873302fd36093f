/// Finds the known name a user most likely meant, for "did you mean" hints.
public enum Suggestion {
    /// The candidate closest to `word` by edit distance, when it is close enough to
    /// be a plausible typo (at most a third of the word's length, and at least 1).
    ///
    /// - Complexity: O(*k* · *n* · *m*), where *k* is the number of candidates and
    ///   *n*, *m* the lengths of the words compared.
    public static func nearest<S: Sequence>(to word: String, in candidates: S) -> String? where S.Element == String {
        let limit = max(1, word.count / 3)
        let length = word.utf8.count
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            // Words whose lengths differ by more than the limit cannot be close enough.
            if abs(candidate.utf8.count - length) > limit { continue }
            let distance = editDistance(word, candidate, cutoff: limit)
            // A distance as long as the word shares nothing with it: no suggestion.
            if distance <= limit, distance < word.count, distance < (best?.distance ?? Int.max) {
                best = (candidate, distance)
            }
        }
        return best?.name
    }

    /// `" did you mean 'x'?"` or an empty string.
    public static func hint<S: Sequence>(for word: String, in candidates: S) -> String where S.Element == String {
        nearest(to: word, in: candidates).map { "; did you mean '\($0)'?" } ?? ""
    }

    /// Levenshtein distance (insertions, deletions, substitutions each cost 1),
    /// computed with two rows (Wagner & Fischer 1974).
    ///
    /// With a `cutoff`, stops as soon as every entry of a row exceeds it and returns
    /// `cutoff + 1`: the answer is then only "too far".
    ///
    /// - Complexity: O(*n* · *m*) time and O(*m*) space.
    public static func editDistance(_ a: String, _ b: String, cutoff: Int = .max) -> Int {
        let a = Array(a.utf8), b = Array(b.utf8)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > cutoff { return cutoff + 1 }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
