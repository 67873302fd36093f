import Foundation

/// The PERT-Beta distribution of an estimate with λ = 4: α = 1 + 4(m - o)/(p - o),
/// β = 1 + 4(p - m)/(p - o), d = o + (p - o) · Beta(α, β); its mean is the PERT
/// mean (o + 4m + p)/6.
public enum PERTBeta {
    public static func shapes(_ e: Estimate) -> (alpha: Double, beta: Double) {
        let range = e.pessimistic - e.optimistic
        return (1 + 4 * (e.mostLikely - e.optimistic) / range, 1 + 4 * (e.pessimistic - e.mostLikely) / range)
    }

    public static func sample<G: RandomNumberGenerator>(_ e: Estimate, using rng: inout G) -> Double {
        guard !e.isFixed else { return e.mostLikely }
        let (alpha, beta) = shapes(e)
        let x = gamma(alpha, using: &rng), y = gamma(beta, using: &rng)
        return e.optimistic + (e.pessimistic - e.optimistic) * x / (x + y)
    }

    /// Gamma(shape, 1) for shape >= 1 (the PERT shapes are at least 1), by
    /// Marsaglia & Tsang (2000); normals by the Box-Muller transform.
    public static func gamma<G: RandomNumberGenerator>(_ shape: Double, using rng: inout G) -> Double {
        let d = shape - 1.0 / 3.0, c = 1 / (9 * d).squareRoot()
        while true {
            var x = 0.0, v = 0.0
            repeat {
                x = normal(using: &rng)
                v = 1 + c * x
            } while v <= 0
            v = v * v * v
            let u = Double.random(in: 0..<1, using: &rng)
            if u < 1 - 0.0331 * x * x * x * x { return d * v }
            if u > 0, log(u) < 0.5 * x * x + d * (1 - v + log(v)) { return d * v }
        }
    }

    public static func normal<G: RandomNumberGenerator>(using rng: inout G) -> Double {
        let u1 = Double.random(in: Double.leastNonzeroMagnitude..<1, using: &rng)
        let u2 = Double.random(in: 0..<1, using: &rng)
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }
}
