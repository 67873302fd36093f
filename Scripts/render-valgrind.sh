#!/usr/bin/env bash
# Leak check of Slipway's renderer against Graphviz's own layout leaks.
# Renders the AWS network 100 times in one process, under valgrind, once through
# Slipway (slipway-bench --render-loop) and once through a plain C program on the
# same graph (graphviz-leak-baseline.c); compare the "definitely/indirectly lost" lines.
# valgrind 3.19 cannot read Swift 6.3's DWARF 5, so it runs on a stripped copy.
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${COUNT:-100}
swift build -c release --product slipway
swift build -c release --product slipway-bench
.build/release/slipway render plans/aws-migration.yaml --diagram network --format dot -o .build/leak-network.dot
cc Scripts/graphviz-leak-baseline.c $(pkg-config --cflags --libs libgvc) -o .build/leak-baseline
strip -o .build/leak-bench .build/release/slipway-bench
echo "== C baseline: $COUNT renders =="
valgrind --leak-check=full .build/leak-baseline .build/leak-network.dot "$COUNT" >.build/leak-baseline.log 2>&1 || true
grep -E "renders,|  (definitely|indirectly|possibly) lost:|still reachable:|ERROR SUMMARY" .build/leak-baseline.log
echo "== Slipway: $COUNT renders =="
valgrind --leak-check=full .build/leak-bench --render-loop "$COUNT" >.build/leak-slipway.log 2>&1 || true
grep -E "renders,|  (definitely|indirectly|possibly) lost:|still reachable:|ERROR SUMMARY" .build/leak-slipway.log
echo "Full reports: .build/leak-baseline.log, .build/leak-slipway.log"
