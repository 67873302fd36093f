#!/usr/bin/env bash
# Runs crafted plans (plans.py) through 38 commands with the release binary and
# prints what issue 13 forbids: a signal or timeout (exit > 2), non-strict JSON,
# or exit 0 with an error. Usage: Scripts/crafted-inputs/run.sh DIR/*.yaml
S=${SLIPWAY:-$(cd "$(dirname "$0")/../.." && pwd)/.build/release/slipway}
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
check_json() { python3 -c 'import json,sys
def bad(x): raise ValueError("constant "+x)
json.loads(sys.stdin.read(), parse_constant=bad)' 2>/dev/null; }
run() { # name args...
  local name=$1; shift
  timeout 60 "$S" "$@" >$out/stdout 2>$out/stderr; local rc=$?
  if [ $rc -gt 2 ]; then echo "RC=$rc $name: slipway $*"; head -c 300 $out/stderr | sed 's/^/    /'; echo; fi
  if [ $rc -le 1 ] && [[ " $* " == *" json "* ]] && [ -s $out/stdout ] && ! check_json < $out/stdout; then echo "BADJSON $name: slipway $*"; grep -o '.\{40\}\(inf\|nan\|Infinity\|NaN\).\{20\}' $out/stdout | head -2; fi
  if [ $rc -eq 0 ] && grep -q "error:" $out/stderr; then echo "EXIT0-WITH-ERROR $name: slipway $*"; fi
}
for f in "$@"; do
  n=$(basename $f .yaml); d=$(mktemp -d); cp $f $d/p.yaml; p=$d/p.yaml
  run $n check $p
  run $n schedule $p
  run $n schedule $p --format json
  run $n schedule $p --format csv
  run $n schedule $p --format markdown
  run $n schedule $p --level --format json
  run $n schedule $p --level --effort 50
  run $n critical $p --level --near 1w
  run $n critical $p --format json
  run $n simulate $p --iterations 50 --format json
  run $n simulate $p --iterations 50 --level
  run $n buffers $p
  run $n buffers $p --format json
  run $n render $p --diagram gantt -o $d/g.svg
  run $n render $p --diagram network -o $d/n.svg
  run $n render $p --diagram risk -o $d/r.svg
  for x in mspdi tjp ics mermaid tracker; do run $n export $p --format $x -o $d/e.$x; done
  run $n review $p --format markdown -o $d/r.md
  run $n review $p -o $d/r.html
  run $n slip $p a 1w
  run $n slip $p a 521775w --format json
  run $n recover $p --target 1w
  run $n recover $p --format json
  run $n earned $p --format json 
  run $n compare $p --iterations 20
  run $n baseline save $p
  run $n variance $p --format json
  run $n progress $p a --percent 50 --as-of "week 2"
  run $n schedule $p --format json
  rm -rf $d
done
