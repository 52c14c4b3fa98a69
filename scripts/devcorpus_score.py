#!/usr/bin/env python3
"""Scores docs2swift's model of each development-corpus page against its hand-checked truth.

Layout (see devcorpus/README.md): devcorpus/<style>/<page>/truth.json, beside the page's source text
(or a render step that writes it under $RENDER). truth.json:

  {"sources": [{"repo": "owner/name", "path": "docs/api.md", "commit": "<40 hex>"}],
   "variants": {"md": ["page.md"]},            # name -> input files; "$RENDER/x.html" = <render root>/<style>/<page>/x.html
   "operations": [
     {"method": "GET", "path": "/kittens/{id}",
      "parameters": [{"name": "id", "in": "path"}, {"name": "limit", "in": "query"}],
      "requestFields": ["name", "owner.id"],      # dotted paths; array items have no marker
      "responseFields": ["id", "name"],
      "statuses": ["200", "404"]}]}

Operations match on method + path with parameter names blanked ({id} == {kitten_id}); a path with a
trailing slash is not the same path. Path parameters compare by position in the path, query parameters
by name.
Every page with several renderings is also checked for the same model from each (apart from prose:
descriptions, summaries, titles, provenance, example texts; `without_prose`); the count of pages
that differ is printed, and with --show where each first differs.
The last lines give the mean per page (a page's figure is the mean over its renderings; a page with
nothing to find in a category counts 1.0 there) and the overall (micro) figures.
Fields compare the request body's and the 2xx responses' field paths; when the truth lists no dotted
path for an operation, only top-level names are compared. Statuses are reported, not gated.

  scripts/devcorpus_score.py BINARY [--root devcorpus] [--render DIR] [--style S] [--page P] [--show]
"""
import argparse, json, os, re, subprocess, sys, tempfile
from collections import defaultdict


def skeleton(path):
    path = path.split("?")[0]
    return re.sub(r"\{[^}]*\}", "{}", path)


def schema_fields(model, type_, prefix="", depth=0, seen=None):
    """Dotted field paths of a model type (refs resolved, arrays looked through)."""
    if type_ is None or depth > 8:
        return set()
    seen = seen or set()
    kind = type_.get("kind")
    if kind == "array":
        return schema_fields(model, type_.get("items"), prefix, depth + 1, seen)
    if kind == "map":
        return schema_fields(model, type_.get("values"), prefix, depth + 1, seen)
    fields = None
    if kind == "ref":
        name = type_.get("name")
        if name in seen:
            return set()
        seen = seen | {name}
        s = model["_schemas"].get(name)
        if s and s.get("kind") == "object":
            fields = s.get("fields", [])
    elif kind == "object":
        fields = type_.get("fields", [])
    out = set()
    for f in fields or []:
        p = prefix + f["name"]
        out.add(p)
        out |= schema_fields(model, f.get("type"), p + ".", depth + 1, seen)
    return out


def positional(path, params):
    """(path, name) → (path, "#n") for the n-th `{…}` of the path; other parameters unchanged."""
    names = re.findall(r"\{([^}]*)\}", path.split("?")[0])
    out = set()
    for loc, name in params:
        if loc == "path" and name in names:
            out.add((loc, "#%d" % names.index(name)))
        else:
            out.add((loc, name))
    return out


def model_ops(model):
    model["_schemas"] = {s["name"]: s for s in model.get("schemas", [])}
    ops = []
    for o in model.get("operations", []):
        params = {(p["location"], p["name"]) for p in o.get("parameters", []) if p["location"] in ("path", "query")}
        req = schema_fields(model, (o.get("requestBody") or {}).get("type"))
        resp = set()
        statuses = set()
        for r in o.get("responses", []):
            statuses.add(r["status"])
            if r["status"].startswith("2"):
                resp |= schema_fields(model, r.get("type"))
        ops.append({"method": o["method"].upper(), "path": o["path"], "params": params,
                    "req": req, "resp": resp, "statuses": statuses})
    return ops


PROSE = {"description", "summary", "title", "provenance", "examples", "resource", "documentedNames"}


def without_prose(node):
    """The model with what is prose or placement dropped (descriptions, summaries, titles, provenance,
    example texts, resource names) and error-code messages blanked: what every rendering must agree on."""
    if isinstance(node, dict):
        return {k: without_prose(v) for k, v in node.items() if k not in PROSE and not k.startswith("_")}
    if isinstance(node, list):
        return [without_prose(v) for v in node]
    return node


def first_difference(a, b, path=""):
    """A short description of where two JSON values first differ, or None."""
    if type(a) is not type(b):
        return f"{path or '/'}: {json.dumps(a)[:80]} vs {json.dumps(b)[:80]}"
    if isinstance(a, dict):
        for k in sorted(set(a) | set(b)):
            if k not in a or k not in b:
                return f"{path}/{k}: only in {'second' if k not in a else 'first'}"
            d = first_difference(a[k], b[k], f"{path}/{k}")
            if d:
                return d
        return None
    if isinstance(a, list):
        for i, (x, y) in enumerate(zip(a, b)):
            label = x.get("id") or x.get("name") or i if isinstance(x, dict) else i
            d = first_difference(x, y, f"{path}[{label}]")
            if d:
                return d
        if len(a) != len(b):
            return f"{path}: {len(a)} vs {len(b)} items"
        return None
    return None if a == b else f"{path}: {json.dumps(a)[:80]} vs {json.dumps(b)[:80]}"


class Tally:
    def __init__(self):
        self.tp = self.fp = self.fn = 0

    def add(self, truth, got):
        self.tp += len(truth & got)
        self.fp += len(got - truth)
        self.fn += len(truth - got)

    def p(self):
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    def r(self):
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    def merge(self, o):
        self.tp += o.tp; self.fp += o.fp; self.fn += o.fn

    def fmt(self):
        return f"P {self.p():.3f} R {self.r():.3f}"


def level(truth_fields, got):
    if any("." in f for f in truth_fields):
        return set(truth_fields), got
    return set(truth_fields), {f for f in got if "." not in f}


def score_page(truth, model, show, label):
    t = {k: Tally() for k in ("ops", "params", "fields", "statuses")}
    got = model_ops(model)
    by_key = defaultdict(list)
    for g in got:
        by_key[(g["method"], skeleton(g["path"]))].append(g)
    used = set()
    misses = []
    for op in truth["operations"]:
        key = (op["method"].upper(), skeleton(op["path"]))
        cands = [g for g in by_key.get(key, []) if id(g) not in used]
        if not cands:
            t["ops"].fn += 1
            misses.append(f"  missing op {key[0]} {op['path']}")
            n = len([p for p in op.get("parameters", []) if p["in"] in ("path", "query")])
            t["params"].fn += n
            t["fields"].fn += len(op.get("requestFields", [])) + len(op.get("responseFields", []))
            continue
        g = cands[0]
        used.add(id(g))
        t["ops"].tp += 1
        # Path parameters compare by position in the path (the skeletons match, so the n-th `{…}` is the
        # same parameter however the page spells its name); query parameters by name.
        tp = positional(op["path"], {(p["in"], p["name"]) for p in op.get("parameters", []) if p["in"] in ("path", "query")})
        gp = positional(g["path"], g["params"])
        t["params"].add(tp, gp)
        for tk, gk in (("requestFields", "req"), ("responseFields", "resp")):
            a, b = level(op.get(tk, []), g[gk])
            t["fields"].add(a, b)
            if show and a != b:
                if a - b: misses.append(f"  {key[0]} {op['path']} {tk} missed {sorted(a - b)}")
                if b - a: misses.append(f"  {key[0]} {op['path']} {tk} extra {sorted(b - a)}")
        if show and tp != gp:
            misses.append(f"  {key[0]} {op['path']} params missed {sorted(tp - gp)} extra {sorted(gp - tp)}")
        if "statuses" in op:
            t["statuses"].add(set(op["statuses"]), g["statuses"])
    for g in got:
        if id(g) not in used:
            t["ops"].fp += 1
            t["params"].fp += len(g["params"])
            misses.append(f"  extra op {g['method']} {g['path']}")
    line = f"{label:60s} ops {t['ops'].fmt()} | params {t['params'].fmt()} | fields {t['fields'].fmt()} | statuses {t['statuses'].fmt()}"
    return t, line, misses


def run_model(binary, inputs):
    with tempfile.TemporaryDirectory() as d:
        out = os.path.join(d, "m.json")
        p = subprocess.run([binary, "model", *inputs, "--output", out], capture_output=True, text=True)
        if not os.path.exists(out):
            return {"operations": [], "schemas": []}, p.stderr
        with open(out) as f:
            return json.load(f), p.stderr


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("--root", default="devcorpus")
    ap.add_argument("--render", default=".build-devcorpus/render")
    ap.add_argument("--style", action="append")
    ap.add_argument("--page")
    ap.add_argument("--show", action="store_true", help="list misses and extras")
    ap.add_argument("--json", help="write per-page figures here")
    a = ap.parse_args()
    overall = {k: Tally() for k in ("ops", "params", "fields", "statuses")}
    per_style = defaultdict(lambda: {k: Tally() for k in ("ops", "params", "fields", "statuses")})
    per_variant = defaultdict(lambda: {k: Tally() for k in ("ops", "params", "fields", "statuses")})
    report = []
    # page -> [(variant, model without prose)]: every rendering of a page must give the same model.
    renderings = defaultdict(list)
    for style in sorted(os.listdir(a.root)):
        sdir = os.path.join(a.root, style)
        if not os.path.isdir(sdir) or (a.style and style not in a.style):
            continue
        for page in sorted(os.listdir(sdir)):
            pdir = os.path.join(sdir, page)
            tpath = os.path.join(pdir, "truth.json")
            if not os.path.exists(tpath) or (a.page and a.page != page):
                continue
            truth = json.load(open(tpath))
            for vname, files in sorted(truth.get("variants", {}).items()):
                inputs = []
                missing = False
                for f in files:
                    if f.startswith("$RENDER/"):
                        f = os.path.join(a.render, style, page, f[len("$RENDER/"):])
                    else:
                        f = os.path.join(pdir, f)
                    if not os.path.exists(f):
                        missing = True
                    inputs.append(f)
                label = f"{style}/{page} [{vname}]"
                if missing:
                    print(f"{label:60s} skipped (not rendered)")
                    continue
                model, stderr = run_model(a.binary, inputs)
                renderings[f"{style}/{page}"].append((vname, without_prose(model)))
                t, line, misses = score_page(truth, model, a.show, label)
                print(line)
                if a.show:
                    for m in misses:
                        print(m)
                for k in t:
                    overall[k].merge(t[k]); per_style[style][k].merge(t[k]); per_variant[(style, vname)][k].merge(t[k])
                report.append({"page": f"{style}/{page}", "variant": vname,
                               **{k: {"p": t[k].p(), "r": t[k].r(), "tp": t[k].tp, "fp": t[k].fp, "fn": t[k].fn} for k in t}})
    for (style, vname), t in sorted(per_variant.items()):
        if len({v for s_, v in per_variant if s_ == style}) > 1:
            print(f"rendering {style}/{vname:20s} ops {t['ops'].fmt()} | params {t['params'].fmt()} | fields {t['fields'].fmt()}")
    for style, t in sorted(per_style.items()):
        print(f"style {style:20s} ops {t['ops'].fmt()} | params {t['params'].fmt()} | fields {t['fields'].fmt()}")
    compared = {p: v for p, v in renderings.items() if len(v) > 1}
    differing = []
    for page, variants in sorted(compared.items()):
        base_name, base = variants[0]
        for vname, m in variants[1:]:
            d = first_difference(base, m)
            if d:
                differing.append(page)
                if a.show:
                    print(f"  different model: {page} [{base_name}] vs [{vname}]: {d}")
    differing = sorted(set(differing))
    print(f"same model (apart from prose) from every rendering: {len(compared) - len(differing)} of {len(compared)} pages; "
          f"{len(differing)} differ{(': ' + ', '.join(differing)) if differing else ''}")
    t = overall
    if report:
        # A page's figure is the mean over its renderings, so a page rendered four ways weighs as one.
        pages = defaultdict(list)
        for r in report:
            pages[r["page"]].append(r)

        def mean(k, m):
            return sum(sum(r[k][m] for r in rs) / len(rs) for rs in pages.values()) / len(pages)
        print(f"mean per page ({len(pages)} pages): "
              + " | ".join(f"{k} P {mean(k, 'p'):.3f} R {mean(k, 'r'):.3f}" for k in ("ops", "params", "fields")))
    print(f"devcorpus: ops {t['ops'].fmt()} | params {t['params'].fmt()} | fields {t['fields'].fmt()} | statuses {t['statuses'].fmt()}")
    if a.json:
        json.dump(report, open(a.json, "w"), indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
