#!/usr/bin/python3
"""litmus_check.py URL USER PASSWORD EXPECTED: runs litmus (the WebDAV test suites: basic,
copymove, props, locks, http) against a CalDAV home and compares each test's outcome with
EXPECTED, whose lines are "suite/test outcome  reason" for the tests that do not pass because a
calendar collection is not a file system (RFC 4791 4.2 and 5.3.2: a calendar keeps calendar
object resources only, and no collection in a calendar). Every test not named there must pass;
a named test must end as named, so the list cannot hide a change either way. Prints one line
per test; exits 1 on a difference."""
import re
import subprocess
import sys
import tempfile

url, user, password, expected_file = sys.argv[1:5]
expected = {}
for line in open(expected_file, encoding="utf-8"):
    line = line.strip()
    if line and not line.startswith("#"):
        name, outcome = line.split()[:2]
        expected[name] = outcome
# litmus writes debug.log and child.log into its working directory
with tempfile.TemporaryDirectory() as work:
    out = subprocess.run(["litmus", "-k", url, user, password], capture_output=True, timeout=600,
                         cwd=work).stdout.decode("utf-8", "replace")
results = {}
suite = None
current = None
for line in out.splitlines():
    m = re.match(r"-> running `(\w+)'", line)
    if m:
        suite = m.group(1)
        continue
    m = re.match(r"\s*\d+\.\s+(\w+)\.+", line)
    if m:
        current = suite + "/" + m.group(1)
    for outcome in ("pass", "FAIL", "SKIPPED"):
        if current and re.search(r"\.\s" + outcome + r"\b", line) and current not in results:
            results[current] = outcome
if not results:
    print("litmus produced no results:\n" + out)
    sys.exit(1)
bad = 0
for name, outcome in results.items():
    want = expected.get(name, "pass")
    flag = "ok  " if outcome == want else "DIFF"
    bad += outcome != want
    print("%s %-32s %-8s (expected %s)" % (flag, name, outcome, want))
for name in expected:
    if name not in results:
        print("DIFF %-32s did not run" % name)
        bad += 1
print("litmus: %d tests, %d as expected, %d different" % (len(results), len(results) - bad, bad))
sys.exit(1 if bad else 0)
