import Foundation

/// Pairs short texts that name the same piece of work by the words they share.
///
/// A tracker names one piece of work in several places: under a constraint's
/// Mitigation, as a phase activity, as a next-step action. The wording differs
/// ("Implement new messaging layer" against 1.1's "Complete messaging layer rewrite
/// required" and "Hybrid approach with protocol translation layer"), so texts are
/// compared by the words they share, each weighted by how well it tells the
/// candidates apart:
///
/// - **Words** are the lowercase ASCII letter-and-digit runs of a text, less the
///   function words of `stopWords`. Two words are the same when equal, or when the
///   shorter, of at least four letters, begins the longer (`agent`/`agents`,
///   `quota`/`quotas`, `implement`/`implementation`).
/// - **Discriminating words** only: a word found in more than half of the
///   candidates (and in more than one) tells none apart and is left out: "implement"
///   is in 11 of the seed's 18 constraints.
/// - **Weight**: the inverse document frequency over the candidates, ln(1 + *N*/*df*)
///   for a word found in *df* of *N* candidates (Spärck Jones 1972; the 1 keeps it
///   positive when *N* = *df*), times 1 + [the word is in the candidate's `identity`]
///   + [it is in its `work`]: a word of what the constraint is (its heading and
///   sentence) or of the work it asks for says more than one of its description.
/// - **Evidence**: a pair counts only with at least two shared words, one of them in
///   the candidate's `work`. One word is coincidence: "Design NATS replacement
///   architecture" shares only "NATS" with 1.1, whose work is the implementation.
///
/// Pairs are taken greedily, best score first, each query and each candidate at
/// most once: a greedy maximum-weight matching (Avis 1983), which a tracker's few
/// dozen texts do not need to beat. When a query's best free candidates score
/// equally (within 1e-9 relative), or two free queries fit a candidate equally, the
/// matcher does not guess: that query (or candidate) is left unmatched and reported
/// as a tie. Ties in the order of taking are broken by query, then candidate index,
/// so the same texts always give the same pairs.
struct WordOverlapMatcher {
    /// What a query may be matched to, in fields that weigh differently.
    struct Candidate {
        /// What it is: a constraint's heading name and `**Constraint**:` sentence.
        var identity: [String] = []
        /// The work it asks for: a constraint's Mitigation bullets; an activity's text.
        var work: [String] = []
        /// Anything else that describes it (description, impact).
        var other: [String] = []
    }

    struct Pair: Equatable {
        var query: Int
        var candidate: Int
        var score: Double
        /// The shared discriminating words, in the query's order.
        var words: [String]
    }

    /// Queries and candidates left unmatched because they fit each other equally:
    /// one query and several candidates, or several queries and one candidate.
    struct Tie: Equatable {
        var queries: [Int]
        var candidates: [Int]
    }

    struct Result {
        /// In the order taken (best score first).
        var pairs: [Pair]
        var ties: [Tie]

        /// For each of `count` queries, its candidate or nil.
        func candidates(ofQueries count: Int) -> [Int?] {
            var result = [Int?](repeating: nil, count: count)
            for p in pairs { result[p.query] = p.candidate }
            return result
        }
    }

    /// Function words, and two that only modify: "new" (Team *new* to AWS is not a
    /// new messaging layer) and "based" (container-based and environment-based share
    /// nothing).
    static let stopWords: Set<String> = [
        "a", "an", "the", "of", "and", "or", "for", "to", "in", "on", "no", "is", "with", "not", "by",
        "at", "from", "as", "be", "can", "up", "each", "per", "if", "all", "any", "its", "it", "into",
        "new", "based",
    ]

    /// The distinct words of `text`, in order.
    static func words(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        func flush() {
            if !current.isEmpty, !stopWords.contains(current), !result.contains(current) { result.append(current) }
            current = ""
        }
        for ch in text.lowercased() {
            if ch.isASCII && (ch.isLetter || ch.isNumber) { current.append(ch) } else { flush() }
        }
        flush()
        return result
    }

    /// Equal, or the shorter (at least four letters) begins the longer.
    static func same(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        return short.count >= 4 && long.hasPrefix(short)
    }

    /// - Parameters:
    ///   - queries: the texts to place (phase activities, next-step actions).
    ///   - candidates: where they may go (constraints, phase activities).
    /// - Returns: the pairs taken and the ties left unmatched.
    /// - Complexity: O(*W* (log *V* + *L*) + *H* + *P* log *P* + *P* *r*) for *W* words
    ///   in all texts, *V* distinct candidate words of *L* distinct lengths (a dozen
    ///   or so), *H* postings visited (the candidates
    ///   sharing each query word), *P* pairs of evidence and runs of at most *r* equal
    ///   scores: each query word is looked up in an index of the candidates' words
    ///   rather than compared with every candidate (all-pairs made a 2,000-section
    ///   tracker take a minute).
    static func match(queries: [String], candidates: [Candidate]) -> Result {
        let n = candidates.count
        let index = WordIndex(candidates)

        var pairs: [Pair] = []
        var score = [Double](repeating: 0, count: n)
        var shared = [[String]](repeating: [], count: n)
        var inWork = [Bool](repeating: false, count: n)
        var touched: [Int] = []
        // Query texts repeat their words (a tracker's activities share most of theirs).
        var seen: [String: (all: [Int], identity: Set<Int>, work: Set<Int>)] = [:]
        for (q, text) in queries.enumerated() {
            for w in words(text) {
                let found: (all: [Int], identity: Set<Int>, work: Set<Int>)
                if let known = seen[w] { found = known } else { found = index.holders(of: w); seen[w] = found }
                let (holders, identity, work) = found
                guard !holders.isEmpty, Double(holders.count) <= max(1, Double(n) / 2) else { continue }
                let idf = log(1 + Double(n) / Double(holders.count))
                for c in holders {
                    let isWork = work.contains(c)
                    if shared[c].isEmpty { touched.append(c) }
                    score[c] += idf * Double(1 + (identity.contains(c) ? 1 : 0) + (isWork ? 1 : 0))
                    shared[c].append(w)
                    inWork[c] = inWork[c] || isWork
                }
            }
            touched.sort()
            for c in touched {
                if shared[c].count >= 2 && inWork[c] { pairs.append(Pair(query: q, candidate: c, score: score[c], words: shared[c])) }
                score[c] = 0; shared[c] = []; inWork[c] = false
            }
            touched.removeAll(keepingCapacity: true)
        }
        pairs.sort { a, b in a.score != b.score ? a.score > b.score : (a.query, a.candidate) < (b.query, b.candidate) }

        var queryDone = [Bool](repeating: false, count: queries.count)
        var candidateDone = [Bool](repeating: false, count: n)
        var result = Result(pairs: [], ties: [])
        var i = 0
        while i < pairs.count {
            let top = pairs[i].score
            var j = i + 1
            while j < pairs.count && top - pairs[j].score <= 1e-9 * max(1, top) { j += 1 }
            let run = pairs[i..<j]
            for p in run where !queryDone[p.query] && !candidateDone[p.candidate] {
                let otherCandidates = run.filter { $0.query == p.query && $0.candidate != p.candidate && !candidateDone[$0.candidate] }.map(\.candidate)
                let otherQueries = run.filter { $0.candidate == p.candidate && $0.query != p.query && !queryDone[$0.query] }.map(\.query)
                if otherCandidates.isEmpty && otherQueries.isEmpty {
                    result.pairs.append(p)
                    queryDone[p.query] = true
                    candidateDone[p.candidate] = true
                    continue
                }
                if !otherCandidates.isEmpty {
                    queryDone[p.query] = true
                    result.ties.append(Tie(queries: [p.query], candidates: [p.candidate] + otherCandidates))
                }
                if !otherQueries.isEmpty {
                    candidateDone[p.candidate] = true
                    result.ties.append(Tie(queries: [p.query] + otherQueries, candidates: [p.candidate]))
                }
            }
            i = j
        }
        return result
    }
}

extension WordOverlapMatcher {
    /// The candidates' distinct words, each with the candidates that hold it (in any
    /// field, in their identity, in their work), so that the candidates holding a
    /// word `same` as a query word are found without visiting every candidate.
    struct WordIndex {
        /// Distinct words in ascending order: the words a query word begins form a run.
        private var sorted: [String] = []
        private var id: [String: Int] = [:]
        private var all: [[Int]] = [], identity: [[Int]] = [], work: [[Int]] = []
        /// The lengths of the indexed words (of at least four letters): a query word
        /// can only begin with an indexed word of one of these lengths.
        private var lengths: [Int] = []

        init(_ candidates: [Candidate]) {
            var postings: [String: (all: [Int], identity: [Int], work: [Int])] = [:]
            func add(_ c: Int, _ words: [String], _ field: WritableKeyPath<(all: [Int], identity: [Int], work: [Int]), [Int]>?) {
                for w in words {
                    var p = postings[w] ?? ([], [], [])
                    if p.all.last != c { p.all.append(c) }
                    if let field, p[keyPath: field].last != c { p[keyPath: field].append(c) }
                    postings[w] = p
                }
            }
            for (c, candidate) in candidates.enumerated() {
                add(c, candidate.identity.flatMap(WordOverlapMatcher.words), \.identity)
                add(c, candidate.work.flatMap(WordOverlapMatcher.words), \.work)
                add(c, candidate.other.flatMap(WordOverlapMatcher.words), nil)
            }
            sorted = postings.keys.sorted()
            for (k, w) in sorted.enumerated() {
                id[w] = k
                let p = postings[w]!
                all.append(p.all); identity.append(p.identity); work.append(p.work)
            }
            lengths = Set(sorted.map(\.count).filter { $0 >= 4 }).sorted()
        }

        /// The candidates holding a word `same` as `w`, ascending, and those of them
        /// holding it in their identity and in their work.
        func holders(of w: String) -> (all: [Int], identity: Set<Int>, work: Set<Int>) {
            var matched: [Int] = []
            if let k = id[w] { matched.append(k) }
            let length = w.count
            if length >= 4 {
                // Longer words that begin with `w`: a run in sorted order after it.
                var lo = 0, hi = sorted.count
                while lo < hi { let mid = (lo + hi) / 2; if sorted[mid] < w { lo = mid + 1 } else { hi = mid } }
                while lo < sorted.count, sorted[lo].hasPrefix(w) {
                    if sorted[lo] != w { matched.append(lo) }
                    lo += 1
                }
                // Shorter words (of at least four letters) that `w` begins with.
                for l in lengths where l < length {
                    if let k = id[String(w.prefix(l))] { matched.append(k) }
                }
            }
            if matched.count == 1, let k = matched.first { return (all[k], Set(identity[k]), Set(work[k])) }
            var allSet = Set<Int>(), identitySet = Set<Int>(), workSet = Set<Int>()
            for k in matched {
                allSet.formUnion(all[k]); identitySet.formUnion(identity[k]); workSet.formUnion(work[k])
            }
            return (allSet.sorted(), identitySet, workSet)
        }
    }
}
