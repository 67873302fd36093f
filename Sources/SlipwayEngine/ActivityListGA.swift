import Dispatch

/// A genetic algorithm over activity lists for leveling (Hartmann 1998), with
/// every child justified (Valls, Ballestín & Quintanilla 2005), the peak
/// crossover and a restart around the best schedules (after the hybrid genetic
/// algorithm of Valls, Ballestín & Quintanilla 2008, which restarts around the
/// best alone).
///
/// An individual is a precedence-feasible activity list, decoded by the serial
/// scheme (`SerialScheduleGenerator`); its fitness is the finish of its
/// schedule, ties broken by the work-weighted sum of finishes (the schedule that
/// gets its work done earlier leaves more room to shorten). The first
/// population is regret-based biased random sampling on the latest starts
/// (Kolisch & Drexl 1996) plus the lists the caller gives (the single pass).
/// Each generation breeds children by binary tournament, a two-point crossover
/// in time whose cut points frame the father's busiest window (the peak
/// crossover; for half the children a window anywhere) and one shift move;
/// each child is decoded and justified, and its justified placement written
/// back into its list. A child whose first decoding gives a schedule the
/// population has already, or finishes more than 5% past the population's
/// worst, is not justified. The population and the children are then merged,
/// best first, one individual per distinct schedule (elitist replacement
/// without duplicates). When the best has not improved for `patience`
/// generations, the population is rebuilt around its elite (the best
/// `restartCentres`) by random shift moves.
///
/// The population grows with the budget (`populationSize(budget:)`): at large
/// budgets a larger population, not a stronger local search, is what paid on
/// J120. Measured and not kept, at 50,000 schedules: an intensification by
/// decomposition after Debels & Vanhoucke (2007), a small genetic algorithm over
/// the order of a window of the best list with the rest fixed (worse by 0.1-0.2
/// points), and justification repeated until it no longer shortens the
/// schedule (no gain for the budget it costs). Also measured on all 600 J120
/// instances at 50,000 schedules and not kept, since none moved the average by
/// more than the seed alone does (31.06% above the bound with seed 1, 31.16%
/// with seed 2, 31.12% with seed 3): populations 0.6 and 1.4 times as large (31.25%, 31.26%),
/// half as many children per generation (31.09%), tournaments of three
/// (31.09%), no justification for a child whose first decoding is 2-5% past the
/// population's worst (31.08%, 31.04%; the 5% rule is kept since, see
/// `hopelessMargin`), a tenth of the mothers the best (31.29%),
/// justification repeated for a child as good as the best (31.06%), a sub-project
/// search on windows of the best list with its own finish as objective (31.13%,
/// 31.19%), and ties in the justification broken by list order (31.16%). Nor
/// did children bred in reversed time and justified by two schedules instead
/// of three (every 5th instance, seeds 1-3: 31.27% against 31.28%). The knobs
/// behind these figures are on the branch `level2`; those figures are from
/// before the crossover's windows went anywhere half the time.
///
/// That change is the one kept since, measured on every 5th J120 instance at
/// 50,000 schedules with seeds 1-3 (mean above the bound): peak windows only
/// 31.28%, a quarter anywhere 31.28%, half 31.18%, three quarters 31.28%,
/// all anywhere 31.34%; and on all 600 instances: 31.03% with seed 1 (31.06%
/// before), 31.07% with seed 2 (31.16%) and 31.07% with seed 3 (31.12%).
/// Measured on the same 120 instances and seeds and not kept (knobs on the
/// branch `level3`): two islands of half the population that swap their best
/// every 8 generations (31.36%), a restart after 8 or 32 stalled generations
/// instead of 16 (31.53%, 31.26%), two shift moves per child (31.38%), and
/// windows of 20-60% of the finish on top of the change (31.30%, against its
/// 31.18%); and on 12 of the hardest instances, seeds 1-3: the non-delay
/// (parallel) decoder for a tenth or a third of the children, and the
/// sub-project search with the window's order justified against the fixed
/// work before it (both left the sum of finishes as it was or made it longer).
///
/// The restart around the elite is the change kept after those, measured on
/// the same 120 instances and seeds (31.17% before): keeping the best 5, 20 or
/// 50 and breeding the new population around them in turn, 31.13%, 31.12% and
/// 31.13%; the best 20 and a restart after 8 stalled generations, 31.09%.
/// Around the best alone, an early restart threw the population away (31.53%
/// at 8 generations, above); around the elite it keeps the best of it. On all
/// 600 instances: 30.94% with seed 1 (31.02% before; better on 71 instances,
/// worse on 32), 30.94% with seed 2 (30.99%; better on 65, worse on 39) and
/// 30.99% with seed 3.
/// Measured on the 120 and not kept (knobs on the branch `level4`): a child
/// whose first decoding was met in an earlier generation not justified (31.19%;
/// 31.18% if it is also dropped), schedules of equal finish and tie-break
/// counted as one individual (31.15%), windows of 5-35% of the finish
/// (31.20%), and the shift move for half the children only (31.32%).
///
/// The budget counts generated schedules, as Kolisch & Hartmann (2006) count
/// them for comparing heuristics: every decoding and every justification pass.
/// The parameters (population, patience, window widths, tie-break) were chosen
/// on the PSPLIB sets (`make bench-leveling`).
///
/// Child *i* of batch *b* draws from its own generator, seeded from the caller's
/// seed, *b* and *i*, and reads only the population as it was before the batch:
/// the children do not depend on how they are shared among threads, so the same
/// seed gives the same schedule on one core or on many.
public enum ActivityListGA {
    /// The best list found, its finish, and the schedules the search generated.
    public struct Outcome: Sendable {
        public var list: [Int32]
        public var finish: Double
        public var schedules: Int
    }

    struct Individual: Sendable {
        var list: [Int32]
        var finish: Double
        /// A hash of the schedule: equal schedules are one individual.
        var signature: UInt64
        /// The start of each node in the schedule of `list`.
        var start: [Double]
        /// The schedules it cost: three, or one for a duplicate (not justified).
        var schedules = schedulesPerList
        /// The tie-break between equal finishes, lower first: the sum over the
        /// nodes of finish x duration x share of the resources needed.
        var secondary = 0.0
    }

    /// A decoding and a justification round (a backward and a forward pass).
    static let schedulesPerList = 3
    /// A child whose first decoding finishes more than this share past the
    /// population's worst is not justified (one schedule, not three): it would
    /// rarely survive, and its budget breeds others. On all 600 J120 instances
    /// at 50,000 schedules: 31.02% above the bound with seed 1 (31.03% without)
    /// and 30.99% with seed 2 (31.07%).
    static let hopelessMargin = 0.05
    /// Generations without a better best before the restart around the elite.
    static let patience = 8
    /// The individuals a restart keeps and breeds the new population around.
    static let restartCentres = 20

    /// - Parameters:
    ///   - ordered: the network; `priority`, lower first, one value per node
    ///     (the latest starts of the unleveled schedule) biases sampling.
    ///   - initial: precedence-feasible lists to put in the first population.
    ///   - budget: the schedules the search may generate.
    ///   - seed: the only source of randomness.
    ///   - threads: workers for the children of a generation; the result does
    ///     not depend on it.
    ///   - lowerBound: a finish no schedule can beat (the unleveled finish): the
    ///     search stops when it gets there.
    /// - Complexity: O(`budget` · *S*) for *S* the cost of one decoding
    ///   (`SerialScheduleGenerator.run`), shared among `threads`, plus
    ///   O(*P* log *P*) per generation for the replacement of a population of *P*.
    public static func search(_ ordered: OrderedNetwork, demands: ResourceDemands, priority: [Double], initial: [[Int32]],
                              budget: Int, seed: UInt64, threads: Int, lowerBound: Double) -> Outcome {
        let n = ordered.nodeCount
        let size = populationSize(budget: budget)
        let workers = (0..<max(1, threads)).map { _ in ActivityListBreeder(ordered, demands: demands, priority: priority) }
        // Threads pay off only when a batch is worth more than waking them.
        let parallel = n >= 16 ? workers.count : 1
        var used = 0
        var batch: UInt64 = 0
        func breed(_ count: Int, known: Set<UInt64> = [], hopeless: Double = .infinity,
                   _ make: @escaping @Sendable (Int, inout SplitMix64, ActivityListBreeder) -> [Int32]) -> [Individual] {
            defer { batch += 1 }
            let children = evaluate(count, seed: seed, batch: batch, known: known, hopeless: hopeless, workers: Array(workers.prefix(parallel)), make)
            used += children.reduce(0) { $0 + $1.schedules }
            return children
        }

        let first = min(size, budget / schedulesPerList)
        guard first > 0 else { return Outcome(list: initial.first ?? [], finish: .infinity, schedules: 0) }
        var population = survivors(breed(first) { i, rng, breeder in
            i < initial.count ? initial[i] : breeder.sample(&rng)
        }, size: size)
        var best = population[0]
        var stalled = 0
        while best.finish > lowerBound + ResourceProfile.eps {
            let count = min(size, (budget - used) / schedulesPerList)
            guard count > 0 else { break }
            if stalled >= patience {
                // Restart around the elite: the best `restartCentres` stay, and the
                // rest of the population is their neighbours by up to n/10 random
                // shifts each, the children shared among them in turn.
                let elite = Array(population.prefix(restartCentres)), moves = max(2, n / 10)
                population = survivors(elite + breed(count, known: Set(elite.map(\.signature))) { i, rng, breeder in
                    breeder.shifted(elite[i % elite.count].list, moves: Int.random(in: 1...moves, using: &rng), &rng)
                }, size: size)
                stalled = 0
            } else {
                let parents = population
                let hopeless = parents[parents.count - 1].finish * (1 + hopelessMargin)
                let children = breed(count, known: Set(parents.map(\.signature)), hopeless: hopeless) { _, rng, breeder in
                    let mother = tournament(parents, &rng), father = tournament(parents, &rng)
                    return breeder.shifted(breeder.peakCrossover(mother: mother, father: father, &rng), moves: 1, &rng)
                }
                population = survivors(parents + children, size: size)
            }
            if population[0].finish < best.finish - ResourceProfile.eps {
                best = population[0]
                stalled = 0
            } else {
                stalled += 1
            }
        }
        return Outcome(list: best.list, finish: best.finish, schedules: used)
    }

    /// Larger populations for larger budgets: about 1.3 times the square root of
    /// the number *c* of children the budget pays for, between 10 and 100; past
    /// 100 (budgets above about 15,000 schedules), *c* / `childrenPerIndividual`,
    /// at most `largestPopulation`.
    ///
    /// Why the second regime: at 50,000 schedules on J120 (every 10th instance,
    /// seed 1) a population of 100 left the search 30.22% above the
    /// critical-path bound, 168 gave 29.98%, 258 29.86%, 322 29.75%, 400 29.87%
    /// and 600 30.23%. A larger population keeps more distinct good schedules for the
    /// crossover and the restarts to work on; the budgets of the default effort
    /// (5,000 schedules at most) keep their population, and their schedules.
    static func populationSize(budget: Int) -> Int {
        let children = budget / schedulesPerList
        let bySquareRoot = min(100, Int(Double(children).squareRoot() * 1.3))
        return max(10, bySquareRoot, min(largestPopulation, children / childrenPerIndividual))
    }

    /// Children per individual of the population at large budgets.
    static let childrenPerIndividual = 51
    static let largestPopulation = 400

    /// The better of two individuals drawn at random (binary tournament): the
    /// population is sorted, best first.
    static func tournament(_ population: [Individual], _ rng: inout SplitMix64) -> Individual {
        let a = Int.random(in: 0..<population.count, using: &rng), b = Int.random(in: 0..<population.count, using: &rng)
        return population[min(a, b)]
    }

    /// The `size` best individuals, one per schedule: a stable sort by finish,
    /// then `secondary`, so that remaining ties keep the older individual first.
    ///
    /// - Complexity: O(*m* log *m*) for *m* candidates.
    static func survivors(_ candidates: [Individual], size: Int) -> [Individual] {
        let sorted = candidates.indices.sorted { a, b in
            candidates[a].finish != candidates[b].finish ? candidates[a].finish < candidates[b].finish :
            candidates[a].secondary != candidates[b].secondary ? candidates[a].secondary < candidates[b].secondary : a < b
        }
        var seen = Set<UInt64>()
        var kept: [Individual] = []
        kept.reserveCapacity(size)
        for i in sorted where kept.count < size && seen.insert(candidates[i].signature).inserted {
            kept.append(candidates[i])
        }
        return kept
    }

    /// Makes and judges `count` lists, list *i* from the generator of (`seed`,
    /// `batch`, *i*), shared among the workers in a fixed stride.
    static func evaluate(_ count: Int, seed: UInt64, batch: UInt64, known: Set<UInt64>, hopeless: Double = .infinity, workers: [ActivityListBreeder],
                         _ make: @escaping @Sendable (Int, inout SplitMix64, ActivityListBreeder) -> [Int32]) -> [Individual] {
        let slots = UnsafeMutableBufferPointer<Individual>.allocate(capacity: count)
        slots.initialize(repeating: Individual(list: [], finish: 0, signature: 0, start: []))
        defer {
            _ = slots.deinitialize()
            slots.deallocate()
        }
        let shared = Slots(buffer: slots)
        let stride = min(workers.count, count)
        let work: @Sendable (Int) -> Void = { w in
            var i = w
            while i < count {
                var rng = generator(seed: seed, batch: batch, child: i)
                shared.buffer[i] = workers[w].evaluate(make(i, &rng, workers[w]), known: known, hopeless: hopeless)
                i += stride
            }
        }
        if stride <= 1 {
            work(0)
        } else {
            DispatchQueue.concurrentPerform(iterations: stride, execute: work)
        }
        return Array(slots)
    }

    /// The generator of child `child` of batch `batch`: SplitMix64 seeded with
    /// the three mixed by its own finalizer, so that neighbours do not share a stream.
    static func generator(seed: UInt64, batch: UInt64, child: Int) -> SplitMix64 {
        var a = SplitMix64(seed: seed ^ 0x6A09_E667_F3BC_C908)
        var b = SplitMix64(seed: batch &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: child))
        return SplitMix64(seed: a.next() ^ b.next())
    }
}

/// The result slots of a batch: each worker writes only its own children's
/// slots, so no two touch the same memory.
private struct Slots: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<ActivityListGA.Individual>
}
