import Foundation

/// The AWS plan's progress to the end of week 4, as the README's example records
/// it with `slipway progress ... --spent` (Scripts/aws-week4-example.sh, without who and
/// when): work and spending on 26 tasks, behind schedule and over cost. Shared by
/// the earned value and buffer tests of several targets.
public enum AWSProgress {
    /// The repository's AWS plan, found from this file so that tests run from any directory.
    public static let planPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("plans/aws-migration.yaml").path

    /// The progress sidecar's text.
    public static let sidecar = """
        updates:
          - {task: aws-training, as-of: 1, actual-start: 0, progress: 50, spent: 800}
          - {task: config-system, as-of: 1, actual-start: 0, progress: 50, spent: 900}
          - {task: auth-framework, as-of: 1, actual-start: 0, progress: 40, spent: 1100}
          - {task: cost-controls, as-of: 1, actual-finish: 1, progress: 100, spent: 700}
          - {task: nats-design, as-of: 1, actual-finish: 1, progress: 100, spent: 1300}
          - {task: workshop-architecture, as-of: 1.4, actual-finish: 1.4, progress: 100, spent: 480}
          - {task: workshop-core-team, as-of: 1.4, actual-finish: 1.4, progress: 100, spent: 400}
          - {task: workshop-security, as-of: 1.4, actual-finish: 1.4, progress: 100, spent: 480}
          - {task: workshop-platform, as-of: 1.4, actual-finish: 1.4, progress: 100, spent: 400}
          - {task: workshop-devops, as-of: 1.4, actual-finish: 1.4, progress: 100, spent: 440}
          - {task: workshop-database, as-of: 1.4, actual-finish: 1.4, progress: 100, spent: 440}
          - {task: adr-docs, as-of: 1.5, actual-finish: 1.5, progress: 100, spent: 600}
          - {task: config-system, as-of: 2, actual-finish: 2, progress: 100, spent: 2100}
          - {task: aws-training, as-of: 2, actual-finish: 2, progress: 100, spent: 1600}
          - {task: poc, as-of: 2, actual-finish: 2, progress: 100, spent: 1000}
          - {task: migration-runbook, as-of: 2, progress: 50, spent: 400}
          - {task: auth-framework, as-of: 2.5, actual-finish: 2.5, progress: 100, spent: 3000}
          - {task: aws-review, as-of: 2.5, actual-finish: 2.5, progress: 100, spent: 800}
          - {task: sqs-fifo-throughput, as-of: 3, actual-finish: 3, progress: 100, spent: 600}
          - {task: ecs-quotas, as-of: 3, actual-finish: 3, progress: 100, spent: 700}
          - {task: vpc-setup, as-of: 3, actual-finish: 3, progress: 100, spent: 1100}
          - {task: eventbridge-payloads, as-of: 3.5, actual-finish: 3.5, progress: 100, spent: 1300}
          - {task: dynamodb-key-design, as-of: 3.5, actual-finish: 3.5, progress: 100, spent: 1200}
          - {task: secrets-management, as-of: 3.5, actual-finish: 3.5, progress: 100, spent: 1500}
          - {task: quota-approval, as-of: 3.5, actual-finish: 3.5, progress: 100}
          - {task: nats-replacement, as-of: 4, actual-start: 2.5, progress: 40, spent: 1800}
          - {task: service-abstraction, as-of: 4, actual-finish: 4, progress: 100, spent: 2400}
          - {task: cicd-pipeline, as-of: 4, progress: 60, spent: 1200}
          - {task: monitoring-logging, as-of: 4, progress: 50, spent: 600}
          - {task: migration-runbook, as-of: 4, actual-finish: 4, progress: 100, spent: 1000}
        """
}
