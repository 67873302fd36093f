import Foundation
import SlipwayCore
import SlipwayScheduling

extension ReviewPack.Inputs {
    /// Why the inputs of a review cannot be read.
    public enum Problem: Error, CustomStringConvertible {
        case plan(InputFile.Failure)
        /// The plan's bytes are not UTF-8 text.
        case notText
        case baseline(Baseline.Problem)

        public var description: String {
            switch self {
            case .plan(let failure): return "cannot read the plan: \(failure)"
            case .notText: return "the plan file is not UTF-8 text"
            case .baseline(let problem): return problem.description
            }
        }
    }

    /// Reads the plan file (`-` is standard input), its progress sidecar, the
    /// baseline named (or the default one, when it has been saved) and every
    /// baseline saved beside the plan, for the slip trend. A plan read from
    /// standard input has no sidecar and no baselines.
    ///
    /// - Returns: the inputs and the saved baselines that could not be read
    ///   (left out of the trend; the caller says so).
    /// - Complexity: O(*n*) in the bytes read.
    public static func read(planPath: String, baseline name: String?) -> Result<(ReviewPack.Inputs, skipped: [Baseline.Problem]), Problem> {
        let data: Data
        switch InputFile.read(planPath, limit: PlanLoader.maximumInputBytes) {
        case .success(let bytes): data = bytes
        case .failure(let failure): return .failure(.plan(failure))
        }
        guard let text = String(data: data, encoding: .utf8) else { return .failure(.notText) }
        var inputs = ReviewPack.Inputs(text: text)
        guard planPath != "-" else { return .success((inputs, [])) }
        inputs.sidecar = PlanLoader.sidecar(forPlan: planPath)
        inputs.planHash = ContentHash.fnv1a64(data)
        inputs.progressHash = ContentHash.ofFile(ProgressLog.sidecarPath(forPlan: planPath))
        let path = BaselineStore.path(forPlan: planPath, name: name)
        if name != nil || FileManager.default.fileExists(atPath: path) {
            switch Baseline.load(path: path) {
            case .success(let b):
                inputs.baseline = b
                inputs.baselinePath = path
            case .failure(let problem): return .failure(.baseline(problem))
            }
        }
        var skipped: [Baseline.Problem] = []
        for entry in BaselineStore.list(forPlan: planPath) {
            switch entry.baseline {
            case .success(let b): inputs.baselines.append(b)
            case .failure(let problem): skipped.append(problem)
            }
        }
        return .success((inputs, skipped))
    }
}
