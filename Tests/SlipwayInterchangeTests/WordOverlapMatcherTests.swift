import Foundation
@testable import SlipwayInterchange
import Testing

@Suite struct WordOverlapMatcherTests {
    typealias Candidate = WordOverlapMatcher.Candidate

    /// Four candidates, as constraints: heading and sentence as identity, bullets as work.
    static let candidates = [
        Candidate(identity: ["Hive mind database"], work: ["Migrate to Aurora"]),
        Candidate(identity: ["Quota limits"], work: ["Request quota increases"]),
        Candidate(identity: ["Auth"], work: ["Add auth framework"], other: ["The hive is insecure"]),
        Candidate(identity: ["Costs"], work: ["Optimize costs"]),
    ]

    /// By hand, N = 4: migrate, mind and aurora are each in one candidate
    /// (idf ln(1 + 4/1) = ln 5), each in candidate 0's identity or work (x2);
    /// hive is in two (ln(1 + 4/2) = ln 3), in 0's identity (x2) and 2's other (x1,
    /// one word there: no evidence). Score 6 ln 5 + 2 ln 3.
    @Test func rareWordsInTheIdentityOrWorkWeighMost() {
        let result = WordOverlapMatcher.match(queries: ["Migrate hive mind to Aurora"], candidates: Self.candidates)
        #expect(result.pairs.count == 1)
        let pair = result.pairs[0]
        #expect(pair.query == 0 && pair.candidate == 0)
        #expect(pair.words == ["migrate", "hive", "mind", "aurora"])
        #expect(abs(pair.score - (6 * log(5.0) + 2 * log(3.0))) < 1e-12)
        #expect(result.ties.isEmpty)
    }

    /// "implement" is in all three candidates (more than half): only agent and pool
    /// count, each ln(1 + 3/1) x2 (work).
    @Test func aWordInMoreThanHalfOfTheCandidatesDoesNotCount() {
        let candidates = [Candidate(work: ["Implement agent pool"]), Candidate(work: ["Implement config layer"]), Candidate(work: ["Implement cache"])]
        let result = WordOverlapMatcher.match(queries: ["Implement agent pool"], candidates: candidates)
        #expect(result.pairs.map(\.words) == [["agent", "pool"]])
        #expect(abs(result.pairs[0].score - 4 * log(4.0)) < 1e-12)
    }

    @Test func oneSharedWordIsNoEvidence() {
        let candidates = [Candidate(identity: ["NATS protocol is incompatible"], work: ["Self-managed NATS on ECS"]),
                          Candidate(identity: ["Config"], work: ["Add config"])]
        let result = WordOverlapMatcher.match(queries: ["Design NATS replacement architecture"], candidates: candidates)
        #expect(result.pairs.isEmpty && result.ties.isEmpty)
    }

    /// Team and experience name what candidate 0 is, but none of its work.
    @Test func aPairNeedsAWordOfTheWork() {
        let candidates = [Candidate(identity: ["Team experience"], work: ["Hire a consultant"]), Candidate(identity: ["Budget"], work: ["Use credits"])]
        #expect(WordOverlapMatcher.match(queries: ["Team experience review"], candidates: candidates).pairs.isEmpty)
        // With "consultant" from its work as well, it is evidence.
        #expect(WordOverlapMatcher.match(queries: ["Team experience consultant"], candidates: candidates).pairs.map(\.candidate) == [0])
    }

    /// Query 1 fits candidate 0 too (hive, aurora: 2 ln 3 + 2 ln 5), but query 0 fits
    /// it better and takes it first; query 2 takes candidate 1 (request 2 ln 5, quota
    /// 3 ln 5, increases 2 ln 5 = 7 ln 5, less than query 0's, so second).
    @Test func theBestPairsAreTakenFirst() {
        let result = WordOverlapMatcher.match(queries: ["Migrate hive mind to Aurora", "Hive backups to Aurora", "Request quota increases"],
                                              candidates: Self.candidates)
        #expect(result.pairs.map { [$0.query, $0.candidate] } == [[0, 0], [2, 1]])
        #expect(abs(result.pairs[1].score - 7 * log(5.0)) < 1e-12)
        #expect(result.candidates(ofQueries: 3) == [0, nil, 1])
    }

    /// Auto-scaling is in the work of candidates 0 and 1 alike: the matcher says so
    /// instead of giving it to the first.
    @Test func equalFitsAreReportedNotGuessed() {
        let candidates = [Candidate(identity: ["DynamoDB partitions"], work: ["Enable auto-scaling"]),
                          Candidate(identity: ["Agent spawning"], work: ["Auto-scaling with boundaries"]),
                          Candidate(identity: ["Config"], work: ["Add config"]), Candidate(identity: ["Costs"], work: ["Optimize costs"])]
        let activity = WordOverlapMatcher.match(queries: ["Implement auto-scaling"], candidates: candidates)
        #expect(activity.pairs.isEmpty)
        #expect(activity.ties == [.init(queries: [0], candidates: [0, 1])])
        // Two queries that fit one candidate equally: neither gets it.
        let twice = WordOverlapMatcher.match(queries: ["Request quota increases", "Request quota increases now"], candidates: Self.candidates)
        #expect(twice.pairs.isEmpty)
        #expect(twice.ties == [.init(queries: [0, 1], candidates: [1])])
    }

    @Test(arguments: [("agent", "agents", true), ("quota", "quotas", true), ("implement", "implementation", true), ("cost", "costs", true),
                      ("add", "address", false), ("migrate", "migration", false), ("layer", "layers", true)])
    func wordsAreTheSameWhenEqualOrAFourLetterPrefix(a: String, b: String, same: Bool) {
        #expect(WordOverlapMatcher.same(a, b) == same)
        #expect(WordOverlapMatcher.same(b, a) == same)
    }

    @Test func wordsDropFunctionWordsAndRepeats() {
        #expect(WordOverlapMatcher.words("Container-based agent system for the agent") == ["container", "agent", "system"])
        #expect(WordOverlapMatcher.words("Set up VPC, security groups") == ["set", "vpc", "security", "groups"])
    }
}
