#!/usr/bin/env bash
# The README's earned value and buffer example: the AWS plan four weeks in.
# Copies the plan into a temporary directory (the repository's plan has no
# baseline or progress, and keeps none), saves a baseline of it as planned,
# records the progress and spending of weeks 1-4 with `slipway progress`, then
# prints `slipway earned` and `slipway buffers`, draws the earned value chart,
# the fever chart and the Gantt chart with buffers into output/*-week4.*, and
# writes the review pack of the copy (output/aws-migration-review-week4.{html,md}).
# Tests/SlipwayTestSupport/AWSProgress.swift holds the same updates.
#   SLIPWAY=.build/release/slipway Scripts/aws-week4-example.sh
set -euo pipefail
cd "$(dirname "$0")/.."
S=$(realpath "${SLIPWAY:-.build/release/slipway}")
OUT=$(realpath output)
DIR=$(mktemp -d)
trap 'rm -rf "$DIR"' EXIT
cp plans/aws-migration.yaml "$DIR/"
cd "$DIR"
P=aws-migration.yaml
# Recorded as the team would have: the baseline on the start date (2025-01-13, 08:00 UTC),
# the progress on the status date (week 4, 2025-02-07), so that every run
# writes the same pack (SOURCE_DATE_EPOCH, seconds since 1970).
SOURCE_DATE_EPOCH=1736755200 "$S" baseline save $P
p() { SOURCE_DATE_EPOCH=1738886400 "$S" progress $P "$@" --by pm >/dev/null; }
p aws-training          --percent 50 --started 0 --as-of 1 --spent 800
p config-system         --percent 50 --started 0 --as-of 1 --spent 900
p auth-framework        --percent 40 --started 0 --as-of 1 --spent 1100
p cost-controls         --done --as-of 1   --spent 700
p nats-design           --done --as-of 1   --spent 1300
p workshop-architecture --done --as-of 1.4 --spent 480
p workshop-core-team    --done --as-of 1.4 --spent 400
p workshop-security     --done --as-of 1.4 --spent 480
p workshop-platform     --done --as-of 1.4 --spent 400
p workshop-devops       --done --as-of 1.4 --spent 440
p workshop-database     --done --as-of 1.4 --spent 440
p adr-docs              --done --as-of 1.5 --spent 600
p config-system         --done --as-of 2   --spent 2100
p aws-training          --done --as-of 2   --spent 1600
p poc                   --done --as-of 2   --spent 1000
p migration-runbook     --percent 50 --as-of 2 --spent 400
p auth-framework        --done --as-of 2.5 --spent 3000
p aws-review            --done --as-of 2.5 --spent 800
p sqs-fifo-throughput   --done --as-of 3   --spent 600
p ecs-quotas            --done --as-of 3   --spent 700
p vpc-setup             --done --as-of 3   --spent 1100
p eventbridge-payloads  --done --as-of 3.5 --spent 1300
p dynamodb-key-design   --done --as-of 3.5 --spent 1200
p secrets-management    --done --as-of 3.5 --spent 1500
p quota-approval        --done --as-of 3.5
p nats-replacement      --percent 40 --started 2.5 --as-of 4 --spent 1800
p service-abstraction   --done --as-of 4   --spent 2400
p cicd-pipeline         --percent 60 --as-of 4 --spent 1200
p monitoring-logging    --percent 50 --as-of 4 --spent 600
p migration-runbook     --done --as-of 4   --spent 1000
"$S" earned $P
"$S" buffers $P
for f in svg png pdf; do
  "$S" render $P --diagram earned --format $f -o "$OUT/aws-migration-earned-week4.$f" 2>/dev/null
  "$S" render $P --diagram fever --format $f -o "$OUT/aws-migration-fever-week4.$f" 2>/dev/null
  "$S" render $P --diagram gantt --buffers --format $f -o "$OUT/aws-migration-gantt-buffers-week4.$f" 2>/dev/null
done
"$S" review $P --seed 7 -o "$OUT/aws-migration-review-week4.html" 2>/dev/null
"$S" review $P --seed 7 --format markdown -o "$OUT/aws-migration-review-week4.md" 2>/dev/null
echo "Wrote output/aws-migration-{earned,fever,gantt-buffers}-week4.{svg,png,pdf} and output/aws-migration-review-week4.{html,md}"
