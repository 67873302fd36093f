#!/usr/bin/env bash
# Times the `dot` program on the network graphs that `slipway-bench` wrote, and
# prints each next to Slipway's in-process layout + render time as a ratio.
# Slipway itself never runs `dot`; this script is the comparison issue 3 asks for.
# Usage: Scripts/compare-with-dot.sh [DIR]   (default .build/bench-dot)
set -euo pipefail
dir=${1:-.build/bench-dot}
if ! command -v dot >/dev/null 2>&1; then
  echo "  the dot program is not installed (apt-get install graphviz); no comparison"
  exit 0
fi
for graph in "$dir"/network-*.dot; do
  [ -e "$graph" ] || { echo "  no graphs in $dir; run slipway-bench first"; exit 0; }
  tasks=$(basename "$graph" .dot); tasks=${tasks#network-}
  ours=$(cat "${graph%.dot}.seconds")
  runs=()
  for _ in 1 2 3; do
    start=$(date +%s%N)
    dot -Tsvg "$graph" -o /dev/null
    runs+=($(( $(date +%s%N) - start )))
  done
  median=$(printf '%s\n' "${runs[@]}" | sort -n | sed -n 2p)
  awk -v t="$tasks" -v ours="$ours" -v ns="$median" \
    'BEGIN { printf "  %s tasks: slipway %.3f s in process, dot -Tsvg %.3f s (median of 3); ratio slipway/dot %.2f\n", t, ours, ns / 1e9, ours / (ns / 1e9) }'
done
