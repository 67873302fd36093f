#!/usr/bin/env python3
"""Measures `slipway import mspdi` on real MS Project files: which files import
(and which need --lenient), and for how many tasks Slipway's finish date equals
the one MS Project saved in the file.

    Scripts/mspdi-real-files.py DIR [--slipway .build/release/slipway]

DIR holds .xml files saved by MS Project, ProjectLibre or MPXJ (none are kept in
this repository: they belong to their authors). Each file is imported, the plan
exported back to MSPDI, and every non-summary task's <Finish> date (the day)
compared by name, in file order, with the file's own. Tasks on a calendar with
exceptions (the file's project calendar or the task's) are counted apart, as the
issue's target counts only tasks whose calendar has none.
"""
import glob, os, subprocess, sys, tempfile
import xml.etree.ElementTree as ET

NS = "{http://schemas.microsoft.com/project}"

def tasks(path):
    root = ET.parse(path).getroot()
    calendars_with_exceptions = set()
    for cal in root.iter(NS + "Calendar"):
        uid = cal.findtext(NS + "UID")
        if cal.find(NS + "Exceptions") is not None and len(cal.find(NS + "Exceptions")):
            calendars_with_exceptions.add(uid)
        # Older files keep exceptions as WeekDay entries with a TimePeriod.
        for wd in cal.iter(NS + "WeekDay"):
            if wd.findtext(NS + "DayType") == "0":
                calendars_with_exceptions.add(uid)
    project_calendar = root.findtext(NS + "CalendarUID")
    result = []
    for t in root.iter(NS + "Task"):
        if t.findtext(NS + "Summary") == "1" or t.findtext(NS + "UID") == "0" or t.findtext(NS + "IsNull") == "1":
            continue
        name, finish = t.findtext(NS + "Name"), t.findtext(NS + "Finish")
        if not name or not finish:
            continue
        calendar = t.findtext(NS + "CalendarUID")
        plain = project_calendar not in calendars_with_exceptions and (calendar in (None, "-1") or calendar not in calendars_with_exceptions)
        result.append((name.strip(), finish[:10], plain))
    return result

def main():
    args = sys.argv[1:]
    slipway = ".build/release/slipway"
    if "--slipway" in args:
        i = args.index("--slipway"); slipway = args[i + 1]; del args[i:i + 2]
    files = sorted(f for f in glob.glob(os.path.join(args[0], "*.xml"))
                   if b"schemas.microsoft.com/project" in open(f, "rb").read(4096))
    imported = lenient = failed = 0
    same = compared = same_plain = compared_plain = 0
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        for f in files:
            plan = os.path.join(tmp, "plan.yaml")
            out = os.path.join(tmp, "back.xml")
            r = subprocess.run([slipway, "import", "mspdi", f, "-o", plan, "--force"], capture_output=True, text=True)
            if r.returncode != 0:
                r2 = subprocess.run([slipway, "import", "mspdi", f, "-o", plan, "--force", "--lenient"], capture_output=True, text=True)
                if r2.returncode != 0:
                    failed += 1
                    failures.append((f, (r.stderr.strip().splitlines() or ["?"])[-1]))
                    continue
                lenient += 1
            else:
                imported += 1
            r = subprocess.run([slipway, "export", plan, "--format", "mspdi", "-o", out], capture_output=True, text=True)
            if r.returncode != 0:
                failures.append((f, "export: " + (r.stderr.strip().splitlines() or ["?"])[-1]))
                continue
            theirs, ours = tasks(f), tasks(out)
            by_name = {}
            for name, finish, _ in ours:
                by_name.setdefault(name, []).append(finish)
            for name, finish, plain in theirs:
                mine = by_name.get(name)
                if not mine:
                    continue
                got = mine.pop(0)
                compared += 1; same += got == finish
                if plain:
                    compared_plain += 1; same_plain += got == finish
    print(f"{len(files)} MSPDI files: {imported} import, {lenient} import with --lenient, {failed} do not")
    for f, why in failures:
        print(f"  {os.path.basename(f)}: {why}")
    pct = lambda a, b: f"{100 * a / b:.1f}%" if b else "n/a"
    print(f"finish dates equal to MS Project's: {same} of {compared} tasks ({pct(same, compared)}); "
          f"on calendars without exceptions {same_plain} of {compared_plain} ({pct(same_plain, compared_plain)})")

if __name__ == "__main__":
    main()
