#!/usr/bin/env python3
"""Independent checks of `docs2swift diff` on the two Waldur releases in ../shared (skips without it).

1. Added/removed operations must be exactly the difference of the two releases' Operations Summary
   tables (read here with a regular expression, not with docs2swift).
2. A deterministic sample of 20 field-level changes is checked against the pages' raw text: the field
   row is (or is not) in the operation's section, in the right tab, with the reported type.
Usage: scripts/check-diff.py [DOCS2SWIFT_BINARY]
"""
import glob, json, os, random, re, subprocess, sys

shared = os.path.join(os.path.dirname(__file__), "..", "..", "shared")
old_dir, new_dir = f"{shared}/corpus/waldur/docs-2026-01-27", f"{shared}/corpus/waldur/docs"
if not os.path.isdir(new_dir):
    print("check-diff: ../shared not found; skipped"); sys.exit(0)
binary = sys.argv[1] if len(sys.argv) > 1 else ".build/release/docs2swift"
row = re.compile(r'http-badge http-(\w+)">\w+</span> \| `([^`]+)` \| \[[^\]]*\]\(#([^)]+)\)')

def summary(d):
    ops = {}
    for f in glob.glob(f"{d}/**/*.md", recursive=True):
        for m in row.finditer(open(f, encoding="utf-8").read()):
            ops[(m.group(1).upper(), re.sub(r"\{[^}]*\}", "{}", m.group(2)))] = (f, m.group(2))
    return ops

old_ops, new_ops = summary(old_dir), summary(new_dir)
report = json.loads(subprocess.run([binary, "diff", old_dir, new_dir, "--format", "json"], check=True,
                                   capture_output=True, text=True).stdout)
def key(op):
    m, p = op.split(" ", 1)
    return (m, re.sub(r"\{[^}]*\}", "{}", p))
added = {key(c["operation"]) for c in report["changes"] if c["rule"] == "operation-added"}
removed = {key(c["operation"]) for c in report["changes"] if c["rule"] == "operation-removed"}
for c in report["changes"]:
    if c["rule"] == "operation-path-changed":
        added.add(key(c["operation"])); removed.add(key(c["operation"].split(" ")[0] + " " + c["old"]))
want_added, want_removed = set(new_ops) - set(old_ops), set(old_ops) - set(new_ops)
ok1 = added == want_added and removed == want_removed
print(f"operations: summary tables say +{len(want_added)} -{len(want_removed)}; diff says +{len(added)} -{len(removed)}: {'OK' if ok1 else 'MISMATCH'}")
for k in sorted(want_added ^ added): print("  added mismatch:", k)
for k in sorted(want_removed ^ removed): print("  removed mismatch:", k)

def section_rows(ops, op_key, tab_prefix):
    """Field rows (name -> type) in the tabs starting with tab_prefix of the section whose HTTPie
    example has the operation's method and a URL matching its path template."""
    f, path = ops[op_key]
    pattern = re.compile("^" + re.sub(r"\\\{[^}]*\\\}", "[^/]+", re.escape(path)) + "$")
    text = open(f, encoding="utf-8").read()
    for s in re.split(r"\n### ", text)[1:]:
        http = re.search(r"\n\s+(GET|POST|PUT|PATCH|DELETE) \\\n\s+https://api\.example\.com(\S+)", s)
        if not http or http.group(1) != op_key[0] or not pattern.match(http.group(2)):
            continue
        rows = {}
        for tab in re.split(r'\n=== "', s)[1:]:
            if tab.startswith(tab_prefix):
                for m in re.finditer(r"^\s+\| `([^`]+)` \| ([^|]+?) \|", tab, re.M):
                    rows.setdefault(m.group(1), m.group(2).strip())
        return rows
    return {}

fields = [c for c in report["changes"] if re.match(r"(request|response)-field-(added|removed|type-changed)", c["rule"])
          and key(c["operation"]) in old_ops and key(c["operation"]) in new_ops]
random.seed(7)
sample = random.sample(fields, min(20, len(fields)))
good = 0
for c in sample:
    k = key(c["operation"])
    field = c["location"].split(" field ", 1)[1]
    tab = "Request Body" if c["rule"].startswith("request") else "Responses"
    before, after = section_rows(old_ops, k, tab), section_rows(new_ops, k, tab)
    if c["rule"].endswith("added"): ok = field not in before and field in after
    elif c["rule"].endswith("removed"): ok = field in before and field not in after
    else: ok = field in before and field in after and before[field] != after[field]
    good += ok
    print(f"  {'OK ' if ok else 'BAD'} {c['operation']} {c['location']}: {c['message']}"
          + ("" if ok else f"  (old page: {before.get(field)}, new page: {after.get(field)})"))
print(f"field changes: {good}/{len(sample)} check out against the pages")
sys.exit(0 if ok1 and good == len(sample) else 1)
