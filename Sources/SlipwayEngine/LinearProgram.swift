/// A small linear program, solved exactly (up to floating-point tolerance) by the
/// two-phase simplex method on a dense tableau, with Bland's rule so that the
/// degenerate pivots common in scheduling problems cannot cycle (Dantzig 1963;
/// Bland 1977).
///
///     minimize c · v   subject to   each row: a · v (<= | >= | =) b,   v >= 0
///
/// Meant for problems of a few hundred variables and rows, such as choosing the
/// least shortening of a plan's tasks (`Crashing`); larger ones should use a
/// heuristic instead.
public struct LinearProgram: Sendable {
    public enum Relation: Sendable { case lessOrEqual, greaterOrEqual, equal }

    public struct Row: Sendable {
        /// Sparse coefficients: (variable, value); a variable may appear once.
        public var terms: [(variable: Int, coefficient: Double)]
        public var relation: Relation
        public var bound: Double

        public init(_ terms: [(Int, Double)], _ relation: Relation, _ bound: Double) {
            self.terms = terms.map { (variable: $0.0, coefficient: $0.1) }
            self.relation = relation
            self.bound = bound
        }
    }

    public enum Outcome: Sendable, Equatable {
        case optimal(values: [Double], objective: Double)
        case infeasible
        case unbounded
    }

    public var variableCount: Int
    public var objective: [Double]
    public var rows: [Row] = []

    public init(variableCount: Int, objective: [Double]) {
        precondition(objective.count == variableCount, "one objective coefficient per variable")
        self.variableCount = variableCount
        self.objective = objective
    }

    public mutating func add(_ row: Row) { rows.append(row) }

    public static let eps = 1e-9

    /// - Complexity: O(*p* · *m* · (*n* + *m*)) for *p* pivots on *m* rows and *n*
    ///   variables; *p* is small in practice but not bounded by a polynomial.
    public func solve() -> Outcome {
        var tableau = Tableau(self)
        // Phase 1: drive the artificial variables to zero.
        let phase1 = (0..<tableau.columns).map { tableau.isArtificial($0) ? 1.0 : 0.0 }
        guard tableau.optimize(cost: phase1, allowArtificial: true) else { return .infeasible }
        if tableau.objectiveValue(cost: phase1) > 1e-7 { return .infeasible }
        tableau.removeArtificialsFromBasis()
        // Phase 2: the real objective over the feasible region.
        var cost = [Double](repeating: 0, count: tableau.columns)
        for j in 0..<variableCount { cost[j] = objective[j] }
        guard tableau.optimize(cost: cost, allowArtificial: false) else { return .unbounded }
        var values = [Double](repeating: 0, count: variableCount)
        for (i, basic) in tableau.basis.enumerated() where basic < variableCount {
            values[basic] = tableau[i, tableau.columns]
        }
        let value = zip(values, objective).reduce(0) { $0 + $1.0 * $1.1 }
        return .optimal(values: values, objective: value)
    }
}

/// The simplex tableau: rows of [coefficients | right-hand side], the basic
/// variable of each row, and which columns are slack, surplus or artificial.
private struct Tableau {
    let rowCount: Int
    let columns: Int
    let firstArtificial: Int
    var cells: [Double]
    var basis: [Int]

    init(_ program: LinearProgram) {
        let n = program.variableCount
        // Every row gets a slack or surplus column; >= and = rows an artificial too.
        var normalized: [(terms: [(variable: Int, coefficient: Double)], relation: LinearProgram.Relation, bound: Double)] = []
        for row in program.rows {
            if row.bound < 0 {
                let flipped: LinearProgram.Relation = row.relation == .lessOrEqual ? .greaterOrEqual : (row.relation == .greaterOrEqual ? .lessOrEqual : .equal)
                normalized.append((row.terms.map { (variable: $0.variable, coefficient: -$0.coefficient) }, flipped, -row.bound))
            } else {
                normalized.append((row.terms, row.relation, row.bound))
            }
        }
        let m = normalized.count
        let slackStart = n
        let artificialCount = normalized.filter { $0.relation != .lessOrEqual }.count
        firstArtificial = slackStart + m
        columns = firstArtificial + artificialCount
        rowCount = m
        cells = [Double](repeating: 0, count: m * (columns + 1))
        basis = [Int](repeating: 0, count: m)
        var artificial = firstArtificial
        for (i, row) in normalized.enumerated() {
            for term in row.terms { cells[i * (columns + 1) + term.variable] += term.coefficient }
            cells[i * (columns + 1) + columns] = row.bound
            switch row.relation {
            case .lessOrEqual:
                cells[i * (columns + 1) + slackStart + i] = 1
                basis[i] = slackStart + i
            case .greaterOrEqual:
                cells[i * (columns + 1) + slackStart + i] = -1
                cells[i * (columns + 1) + artificial] = 1
                basis[i] = artificial
                artificial += 1
            case .equal:
                cells[i * (columns + 1) + artificial] = 1
                basis[i] = artificial
                artificial += 1
            }
        }
    }

    subscript(row: Int, column: Int) -> Double {
        get { cells[row * (columns + 1) + column] }
        set { cells[row * (columns + 1) + column] = newValue }
    }

    func isArtificial(_ column: Int) -> Bool { column >= firstArtificial }

    func objectiveValue(cost: [Double]) -> Double {
        basis.enumerated().reduce(0) { $0 + cost[$1.element] * self[$1.offset, columns] }
    }

    /// Pivots until no column improves the objective (Bland's rule: the first
    /// improving column enters, the first row of least ratio leaves).
    /// - Returns: false when the objective is unbounded below.
    mutating func optimize(cost: [Double], allowArtificial: Bool) -> Bool {
        let eps = LinearProgram.eps
        let width = columns + 1
        while true {
            // Reduced cost of column j: c_j - sum over rows of c_basic(i) * a_ij.
            var entering = -1
            for j in 0..<columns where allowArtificial || !isArtificial(j) {
                if basis.contains(j) { continue }
                var reduced = cost[j]
                for i in 0..<rowCount where cost[basis[i]] != 0 {
                    reduced -= cost[basis[i]] * cells[i * width + j]
                }
                if reduced < -eps {
                    entering = j
                    break
                }
            }
            if entering < 0 { return true }
            var leaving = -1
            var bestRatio = Double.infinity
            for i in 0..<rowCount {
                let a = cells[i * width + entering]
                guard a > eps else { continue }
                let ratio = cells[i * width + columns] / a
                if ratio < bestRatio - eps || (abs(ratio - bestRatio) <= eps && leaving >= 0 && basis[i] < basis[leaving]) {
                    bestRatio = ratio
                    leaving = i
                }
            }
            if leaving < 0 { return false }
            pivot(row: leaving, column: entering)
        }
    }

    mutating func pivot(row r: Int, column c: Int) {
        let width = columns + 1
        let p = cells[r * width + c]
        for j in 0..<width { cells[r * width + j] /= p }
        for i in 0..<rowCount where i != r {
            let factor = cells[i * width + c]
            if factor == 0 { continue }
            for j in 0..<width { cells[i * width + j] -= factor * cells[r * width + j] }
        }
        basis[r] = c
    }

    /// After phase 1, an artificial variable may stay basic at zero; swap it for
    /// any real column of its row, or leave it (the row is then redundant and
    /// artificial columns never re-enter).
    mutating func removeArtificialsFromBasis() {
        for i in 0..<rowCount where isArtificial(basis[i]) {
            if let j = (0..<firstArtificial).first(where: { abs(self[i, $0]) > LinearProgram.eps && !basis.contains($0) }) {
                pivot(row: i, column: j)
            }
        }
    }
}
