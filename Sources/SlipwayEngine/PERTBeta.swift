import Foundation

/// The PERT-Beta distribution of an estimate with λ = 4: α = 1 + 4(m - o)/(p - o),
/// β = 1 + 4(p - m)/(p - o), d = o + (p - o) · Beta(α, β); its mean is the PERT
/// mean (o + 4m + p)/6. A Beta(α, β) draw is X / (X + Y) for X ~ Gamma(α) and
/// Y ~ Gamma(β).
public enum PERTBeta {
    public static func shapes(_ e: Estimate) -> (alpha: Double, beta: Double) {
        let range = e.pessimistic - e.optimistic
        return (1 + 4 * (e.mostLikely - e.optimistic) / range, 1 + 4 * (e.pessimistic - e.mostLikely) / range)
    }

    /// One draw of an estimate's duration.
    public static func sample<G: RandomNumberGenerator>(_ e: Estimate, using rng: inout G) -> Double {
        guard !e.isFixed else { return e.mostLikely }
        var normals = NormalSource()
        return Sampler(e).sample(using: &rng, normals: &normals)
    }

    /// An estimate prepared for many draws: the constants of Marsaglia & Tsang's
    /// method for both gamma shapes are computed once, not per draw.
    public struct Sampler: Sendable {
        @usableFromInline let optimistic: Double
        @usableFromInline let range: Double
        @usableFromInline let alpha: GammaShape
        @usableFromInline let beta: GammaShape

        public init(_ e: Estimate) {
            let (a, b) = PERTBeta.shapes(e)
            optimistic = e.optimistic
            range = e.pessimistic - e.optimistic
            alpha = GammaShape(a)
            beta = GammaShape(b)
        }

        /// - Complexity: O(1) expected (the rejection step accepts about 98% of tries).
        @inlinable
        public func sample<G: RandomNumberGenerator>(using rng: inout G, normals: inout NormalSource) -> Double {
            let x = alpha.sample(using: &rng, normals: &normals), y = beta.sample(using: &rng, normals: &normals)
            return optimistic + range * x / (x + y)
        }
    }

    /// Gamma(shape, 1) for shape >= 1 (the PERT shapes are at least 1), by
    /// Marsaglia & Tsang (2000), "A simple method for generating gamma variables".
    public struct GammaShape: Sendable {
        @usableFromInline let d: Double
        @usableFromInline let c: Double

        public init(_ shape: Double) {
            d = shape - 1.0 / 3.0
            c = 1 / (9 * d).squareRoot()
        }

        @inlinable
        public func sample<G: RandomNumberGenerator>(using rng: inout G, normals: inout NormalSource) -> Double {
            while true {
                var x = 0.0, v = 0.0
                repeat {
                    x = normals.next(using: &rng)
                    v = 1 + c * x
                } while v <= 0
                v = v * v * v
                let u = Double.random(in: 0..<1, using: &rng)
                let x2 = x * x
                if u < 1 - 0.0331 * x2 * x2 { return d * v }
                if u > 0, log(u) < 0.5 * x2 + d * (1 - v + log(v)) { return d * v }
            }
        }
    }

    public static func gamma<G: RandomNumberGenerator>(_ shape: Double, using rng: inout G) -> Double {
        var normals = NormalSource()
        return GammaShape(shape).sample(using: &rng, normals: &normals)
    }
}

/// Standard normal draws by Marsaglia's polar method (Marsaglia & Bray 1964): a
/// point drawn uniformly in the unit disc gives two independent normals with one
/// logarithm and one root and no trigonometry; the second is kept for the next call.
public struct NormalSource: Sendable {
    @usableFromInline var spare: Double?

    public init() {}

    @inlinable
    public mutating func next<G: RandomNumberGenerator>(using rng: inout G) -> Double {
        if let s = spare {
            spare = nil
            return s
        }
        while true {
            let u = Double.random(in: -1..<1, using: &rng), v = Double.random(in: -1..<1, using: &rng)
            let s = u * u + v * v
            guard s > 0, s < 1 else { continue }
            let factor = (-2 * log(s) / s).squareRoot()
            spare = v * factor
            return u * factor
        }
    }
}
