# The crafted plans of the issue 13 audit (docs/hardening-audit.md): huge, negative,
# zero and non-finite numbers, 10,000-year chains, odd Unicode, deep nesting, zero
# capacity and days per week, risks, crashes, scenarios, progress fields.
# Usage: python3 plans.py DIR  (writes DIR/*.yaml); then run.sh DIR/*.yaml.
import os, sys
os.makedirs(sys.argv[1] if len(sys.argv) > 1 else ".", exist_ok=True)
os.chdir(sys.argv[1] if len(sys.argv) > 1 else ".")
base_tasks = """tasks:
  - {id: a, duration: 1w, owner: o}
  - {id: b, duration: 2w, owner: o, after: [a]}
"""
def plan(extra_top="", owner="{id: o}", tasks=base_tasks):
    return f"plan: p\nstart: 2025-01-13\n{extra_top}owners: [{owner}]\n{tasks}"
cases = {}
for v in ["0", "-1", "0.0001", "1e14", ".nan", ".inf", "-.inf", "7", "8", "1e-300"]:
    cases[f"dpw_{v}"] = plan(f"days-per-week: {v}\n")
for v in ["0", "-1", "1e-300", "1e14", ".inf", ".nan", "0.5", "99999999999999"]:
    cases[f"cap_{v}"] = plan(owner=f"{{id: o, capacity: {v}}}")
for v in ["9e14", "1e15", "-9e14", ".nan", "1e-300"]:
    cases[f"rate_{v}"] = plan(owner=f"{{id: o, rate: {v}}}", tasks="tasks:\n  - {id: a, duration: 521775w, owner: o, cost: 9e14}\n  - {id: b, duration: 521775w, owner: o, after: [a], cost: 9e14}\n")
for f in ["duration", "not-before", "due"]:
    for v in ["521775w", "-521775w", "521776w", "1e300", "99999999999999999999w", ".nan", ".inf", "0w", "-0w", "1e-300w", "3652000d", "-1w", "0.000000001w"]:
        cases[f"{f}_{v}"] = plan(tasks=f"tasks:\n  - {{id: a, duration: 1w, owner: o, {f}: {v}}}\n  - {{id: b, duration: 2w, owner: o, after: [a]}}\n")
for v in ["521775w", "week 521775", "week -521775", "week 0", "week 1e300", "1e300", ".nan", "-1w"]:
    cases[f"deadline_{v}"] = plan(f"deadline: {v}\n")
    cases[f"status_{v}"] = plan(f"status-date: {v}\n", tasks="tasks:\n  - {id: a, duration: 1w, owner: o, progress: 50}\n  - {id: b, duration: 2w, owner: o, after: [a]}\n")
for v in ["521775w", "-521775w", "-1e300w"]:
    cases[f"lag_{v}"] = plan(tasks=f"tasks:\n  - {{id: a, duration: 521775w, owner: o}}\n  - {{id: b, duration: 521775w, owner: o, after: [\"a SS{v if v.startswith('-') else '+'+v}\"]}}\n  - {{id: c, duration: 521775w, owner: o, after: [\"b FF+{v.lstrip('-')}\"]}}\n")
# chain of max durations: sums beyond the limit
chain = "tasks:\n" + "".join(f"  - {{id: t{i}, duration: 521775w, owner: o{', after: [t%d]' % (i-1) if i else ''}}}\n" for i in range(50))
cases["chain_max"] = plan(tasks=chain)
cases["chain_max_rate"] = plan(owner="{id: o, rate: 9.99e14}", tasks=chain)
cases["chain_max_deadline"] = plan("deadline: 1w\nbudget: 1\n", owner="{id: o, rate: 9.99e14}", tasks=chain)
for v in ["101", "-1", "1e300", ".nan", "100", "0"]:
    cases[f"progress_{v}"] = plan("status-date: week 2\n", tasks=f"tasks:\n  - {{id: a, duration: 1w, owner: o, progress: {v}}}\n  - {{id: b, duration: 2w, owner: o, after: [a]}}\n")
cases["empty_tasks"] = "plan: p\ntasks: []\n"
cases["no_tasks"] = "plan: p\n"
cases["empty"] = ""
cases["only_milestone"] = "plan: p\ntasks:\n  - {id: m, milestone: true}\n"
cases["zero_durations"] = "plan: p\ndeadline: 0w\nbudget: 0\ntasks:\n  - {id: a, duration: 0w}\n  - {id: b, duration: 0w, after: [a]}\n"
cases["unicode_ids"] = "plan: \"\u202e\u0000x\"\ntasks:\n  - {id: \"é\", duration: 1w}\n  - {id: \"a\u0301\", duration: 1w}\n  - {id: \"\U0001F600\", duration: 1w}\n"
cases["unicode_title"] = "plan: \"\U0001F600\u202e\u200b\"\nowners: [{id: o, name: \"\u0000\u0007\"}]\ntasks:\n  - {id: a, title: \"\\u0000\\ud800\", duration: 1w, owner: o}\n"
cases["deep_nest"] = "plan: p\ntasks: " + "["*5000 + "]"*5000 + "\n"
cases["deep_nest_map"] = "plan: p\ntasks:\n  - " + "{a: "*3000 + "1" + "}"*3000 + "\n"
cases["estimate_weird"] = plan(tasks="tasks:\n  - {id: a, estimate: 3w-1w, owner: o}\n  - {id: b, estimate: 0w/0w/0w, owner: o}\n  - {id: c, estimate: 1w/1w/521775w, owner: o}\n  - {id: d, estimate: 521775w-521775w, owner: o}\n")
cases["needs_zero"] = plan(owner="{id: o, capacity: 1}", tasks="tasks:\n  - {id: a, duration: 1w, needs: {o: 0}}\n  - {id: b, duration: 1w, needs: {o: 1e14}}\n  - {id: c, duration: 1w, needs: {o: -1}}\n")
cases["needs_more_than_cap"] = plan(owner="{id: o, capacity: 1}", tasks="tasks:\n  - {id: a, duration: 1w, needs: {o: 2}}\n  - {id: b, duration: 1w, owner: o}\n")
cases["phase_weeks"] = "plan: p\nphases:\n  - {id: ph, weeks: 521775-1}\n  - {id: q, weeks: 0-0}\n  - {id: r, weeks: 99999999999999999999-99999999999999999999}\n  - {id: s, weeks: -5--1}\ntasks:\n  - {id: a, duration: 1w, phase: ph}\n  - {id: b, duration: 1w, phase: q}\n"
cases["phase_ok_far"] = "plan: p\nphases:\n  - {id: ph, weeks: 521770-521775}\ntasks:\n  - {id: a, duration: 521775w, phase: ph}\n"
cases["started_dep"] = "plan: p\nstatus-date: week 1\nowners: [{id: team}]\ntasks:\n  - {id: y, duration: 1w, owner: team}\n  - {id: z, duration: 1w, owner: team, after: [y], progress: 50}\n"
cases["risk_weird"] = "plan: p\ndeadline: 3w\ntasks:\n  - {id: a, duration: 1w}\nrisks:\n  - {id: r, probability: 1e300, impact: 521775w, tasks: [a]}\n"
cases["date_start"] = "plan: p\nstart: 9999-12-31\ntasks:\n  - {id: a, duration: 521775w}\n"
cases["date_start0"] = "plan: p\nstart: 0000-01-01\ntasks:\n  - {id: a, duration: 1w, not-before: -521775w}\n"
cases["date_start_neg"] = "plan: p\nstart: 2025-02-30\ntasks:\n  - {id: a, duration: 1w}\n"
cases["unit_day_huge"] = "plan: p\nunit: day\ndays-per-week: 0.0001\ntasks:\n  - {id: a, duration: 52}\n"
cases["gate"] = "plan: p\ntasks:\n  - {id: a, duration: 1w}\n"
for name, text in cases.items():
    open(name.replace('/', '_').replace(' ', '_') + ".yaml", "w").write(text)
more = {}
for p, i in [("1e300", "1w"), ("-1", "1w"), ("150%", "1w"), ("50%", "521775w"), ("50%", "99999999999999999999w"), (".nan", "1w"), ("0", "0w"), ("1", "-1w")]:
    more[f"risk_{p}_{i}"] = f"plan: p\ndeadline: 3w\ntasks:\n  - id: a\n    duration: 1w\n    risks:\n      - {{id: r, probability: {p}, impact: {i}, mode: extend}}\n"
for to, cost in [("0w", "1e14"), ("-1w", "1"), ("521775w", "9e14"), ("2w", "-5"), ("0.0000001w", ".nan")]:
    more[f"crash_{to}_{cost}"] = f"plan: p\ndeadline: 1w\ntasks:\n  - {{id: a, duration: 521775w, crash: {{to: {to}, cost: {cost}}}}}\n  - {{id: b, duration: 3w, after: [a], crash: {{to: {to}, cost: {cost}}}}}\n"
for w in ["1e300", "-1w", "521775w", "0w"]:
    more[f"wait_{w}"] = f"plan: p\ntasks:\n  - {{id: a, duration: 1w, wait: {w}}}\n  - {{id: b, duration: 1w, after: [a]}}\n"
for c in ["0", "1e300", "-1", "1e14"]:
    more[f"scenario_cap_{c}"] = f"plan: p\nowners: [{{id: o}}]\ntasks:\n  - {{id: a, duration: 1w, owner: o}}\n  - {{id: b, duration: 1w, owner: o}}\nscenarios:\n  - {{id: s, capacity: {{o: {c}}}, durations: {{a: 521775w}}}}\n"
for r, s in [("1e300w", "1e300"), ("-1w", "-1"), ("521775w", "9e14"), ("0w", "0")]:
    more[f"remaining_{r}"] = f"plan: p\nstatus-date: week 2\nowners: [{{id: o, rate: 9e14}}]\ntasks:\n  - {{id: a, duration: 1w, owner: o, progress: 50, remaining: {r}, spent: {s}, actual-start: week 1}}\n  - {{id: b, duration: 1w, owner: o, after: [a]}}\n"
for a, f in [("week 521775", "week 521776"), ("week -521775", "week 1"), ("week 1e300", "week 1"), ("week 5", "week 2")]:
    more[f"actual_{a}"] = f"plan: p\nstatus-date: week 3\ntasks:\n  - {{id: a, duration: 1w, actual-start: {a}, actual-finish: {f}}}\n  - {{id: b, duration: 1w, after: [a]}}\n"
for name, text in more.items():
    open(name.replace(' ', '_') + ".yaml", "w").write(text)
