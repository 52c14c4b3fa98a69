#!/usr/bin/env python3
"""For every served MkDocs page in ../shared/corpus/waldur/html/, the model docs2swift reads from the
HTML must equal the model from the matching Markdown page in ../shared/corpus/waldur/docs/
(provenance aside, and the resource's page key, which names the file). Skips without ../shared.
Usage: scripts/check-html-equals-markdown.py [DOCS2SWIFT_BINARY]"""
import glob, json, os, subprocess, sys, tempfile

shared = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "corpus", "waldur")
if not os.path.isdir(os.path.join(shared, "html")):
    print("check-html-equals-markdown: ../shared not found; skipped"); sys.exit(0)
binary = sys.argv[1] if len(sys.argv) > 1 else ".build/release/docs2swift"

def model(path):
    with tempfile.NamedTemporaryFile(suffix=".json") as f:
        subprocess.run([binary, "model", path, "--output", f.name], check=True, capture_output=True)
        return json.load(open(f.name))

def strip(x):
    if isinstance(x, dict):
        return {k: strip(v) for k, v in x.items() if k not in ("provenance",)}
    if isinstance(x, list):
        return [strip(v) for v in x]
    return x

pages = sorted(glob.glob(os.path.join(shared, "html", "**", "*.html"), recursive=True))
failed = 0
for html in pages:
    rel = os.path.relpath(html, os.path.join(shared, "html"))
    md = os.path.join(shared, "docs", rel[:-5] + ".md")
    a, b = strip(model(md)), strip(model(html))
    ok = a == b
    failed += not ok
    print(f"{'OK ' if ok else 'DIFF'} {rel}: {len(a['operations'])} operations, {len(a['schemas'])} schemas (markdown) vs "
          f"{len(b['operations'])}, {len(b['schemas'])} (html)")
    if not ok:
        sa = json.dumps(a, indent=1, sort_keys=True).splitlines(); sb = json.dumps(b, indent=1, sort_keys=True).splitlines()
        import difflib
        for line in list(difflib.unified_diff(sa, sb, lineterm=""))[:30]: print("   ", line)
print(f"{len(pages) - failed}/{len(pages)} served pages give the same model as their Markdown")
sys.exit(1 if failed else 0)
