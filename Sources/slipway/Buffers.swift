import ArgumentParser
import SlipwayCore
import SlipwayReports
import SlipwayScheduling

extension CriticalChainBuffers.Method: ExpressibleByArgument {}

extension Slipway {
    struct Buffers: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Critical chain buffers: the project buffer and the feeding buffers, and how much is used.",
            discussion: """
                The critical chain is the critical path of the plan leveled by owner capacity,
                without its progress. The project buffer follows it; a feeding buffer sits
                where each chain of other work joins it. Sizes: rsse, the root of the sum
                of squares of (pessimistic - mean) of the chain's estimates, or half the
                chain's length. With progress, each buffer's use against its chain's
                completion: green below a third used, yellow from a third, red from two
                thirds. 'render --diagram gantt --buffers' draws the buffers,
                'render --diagram fever' the fever chart.

                Examples:
                  slipway buffers plans/aws-migration.yaml
                  slipway buffers plans/aws-migration.yaml --method half --format json
                """)

        @OptionGroup var options: PlanOptions

        @Option(help: "How buffers are sized: rsse (root of the sum of squares of pessimistic - mean) or half (half the chain's length).")
        var method: CriticalChainBuffers.Method = .rsse

        @Option(help: "Output format: table or json.")
        var format: ReportFormat = .table

        func run() throws {
            let (plan, schedule) = try options.loadScheduled(showWarnings: false)
            let buffers = CriticalChainBuffers.compute(plan: plan, schedule: schedule, method: method)
            switch format {
            case .json: Console.write(BufferReport.renderJSON(plan: plan, buffers: buffers))
            case .table: Console.write(BufferReport.render(plan: plan, buffers: buffers))
            }
        }
    }
}
