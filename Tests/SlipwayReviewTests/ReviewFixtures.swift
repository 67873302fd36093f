import Foundation
import SlipwayCore
import SlipwayScheduling
import SlipwayReview

/// The plans the review tests build packs of.
enum ReviewFixtures {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let awsPlanPath = repository.appendingPathComponent("plans/aws-migration.yaml").path

    /// The AWS plan's pack, built once for every test that reads it: 1,000
    /// iterations (the command's 10,000 would only slow a debug build), seed 7.
    static let aws: Result<ReviewPack, FixtureError> = Result { try pack(path: awsPlanPath, settings: .init(iterations: 1_000, seed: 7)) }
        .mapError { FixtureError(description: "\($0)") }

    static func awsPack() throws -> ReviewPack { try aws.get() }

    /// Reads a plan file as the command does (its sidecar, its baselines) and builds its pack.
    static func pack(path: String, baseline: String? = nil, settings: ReviewPack.Settings) throws -> ReviewPack {
        let (inputs, _) = try ReviewPack.Inputs.read(planPath: path, baseline: baseline).mapError { FixtureError(description: "\($0)") }.get()
        return try pack(inputs: inputs, settings: settings)
    }

    /// Builds a pack from plan text and its history, failing loudly when the plan is invalid.
    static func pack(inputs: ReviewPack.Inputs, settings: ReviewPack.Settings = .init(iterations: 200, seed: 1)) throws -> ReviewPack {
        let checked = CheckedPlan.from(PlanLoader.load(text: inputs.text, progress: inputs.sidecar))
        guard let plan = checked.plan, let schedule = checked.schedule else {
            throw FixtureError(description: checked.diagnostics.map { $0.rendered(path: "fixture") }.joined(separator: "\n"))
        }
        return try ReviewPack.build(plan: plan, schedule: schedule, inputs: inputs, settings: settings)
            .mapError { FixtureError(description: $0.description) }.get()
    }

    struct FixtureError: Error, CustomStringConvertible {
        var description: String
    }
}
