#!/usr/bin/env python3
"""Scores docs2swift's API Blueprint reader against apiaryio/drafter's test fixtures.

Each fixture is `NAME.apib` beside drafter's expected parse result `NAME.json` (API Elements /
refract JSON). From the parse result we take, per transition (action):
  * the action: request method + the URI template's path (`{?q}`/`{&q}` dropped, `{+p}`/`{p*}` → `{p}`,
    `{.x}` → `.{x}`, `{/x}` → `/{x}`, `{#f}` dropped), resolved against its resource's href;
  * its parameters (`hrefVariables` of the resource and the transition): name, required, type (the
    model keeps a path variable the blueprint marks optional as not required; the generated Swift and
    OpenAPI still require every path parameter);
  * its payload attribute names: the member keys of each request's and response's `dataStructure`
    (named types, inheritance, `Include` mixins and `One Of` resolved; nested members as dotted
    paths; array items looked through), or, without one, the keys of a JSON `messageBody`.
and compare with `docs2swift model NAME.apib` (operations, parameters, request body and response types).

  scripts/apib_drafter_score.py BINARY FIXTURES_DIR [--list FILE] [--show] [--json OUT]

FIXTURES_DIR is drafter's `packages/drafter/test/fixtures` (older checkouts: `test/fixtures`).
--list names the fixtures to score, one `dir/name.apib` a line (default: every .apib with a .json).
"""
import argparse, json, os, re, subprocess, sys, tempfile
from collections import defaultdict

BASE = {"object", "array", "string", "number", "boolean", "enum", "null", "member", "select", "option",
        "ref", "extend", "dataStructure"}


def norm_path(href):
    href = re.sub(r"^[a-z]+://[^/]*", "", href.strip())
    out = ""
    i = 0
    literal_query = False
    while i < len(href):
        c = href[i]
        if c == "{":
            j = href.find("}", i)
            if j < 0:
                break
            body = href[i + 1:j]
            op = body[0] if body and body[0] in "+#./;?&" else ""
            names = [re.sub(r"(\*|:\d+)$", "", v.strip()) for v in (body[1:] if op else body).split(",")]
            if not literal_query and (op == "" or op not in "?&;#"):
                for n in names:
                    if n:
                        out += (op if op in "./" else "") + "{" + n + "}"
            i = j + 1
            continue
        if c in "?#":
            literal_query = True
        if not literal_query and c != " ":
            out += c
        i += 1
    if not out.startswith("/"):
        out = "/" + out
    return out


def s(e):
    """The string content of a refract string element (or a plain string)."""
    if isinstance(e, dict):
        c = e.get("content")
        return c if isinstance(c, str) else None
    return e if isinstance(e, str) else None


def walk(e, fn):
    if isinstance(e, dict):
        fn(e)
        for v in e.values():
            walk(v, fn)
    elif isinstance(e, list):
        for v in e:
            walk(v, fn)


class Drafter:
    def __init__(self, doc):
        self.named = {}
        walk(doc, self._collect)
        self.actions = []
        self._resources(doc, None, [])

    def _collect(self, e):
        if e.get("element") == "dataStructure" and isinstance(e.get("content"), dict):
            c = e["content"]
            ident = s((c.get("meta") or {}).get("id"))
            if ident:
                self.named[ident] = c

    def _resources(self, e, href, variables):
        if isinstance(e, list):
            for x in e:
                self._resources(x, href, variables)
            return
        if not isinstance(e, dict):
            return
        el = e.get("element")
        attrs = e.get("attributes") or {}
        if el == "resource":
            href = s(attrs.get("href")) or href
            variables = self._variables(attrs.get("hrefVariables"))
        if el == "transition":
            self._transition(e, s(attrs.get("href")) or href or "/", variables + self._variables(attrs.get("hrefVariables")))
            return
        c = e.get("content")
        if isinstance(c, (list, dict)):
            self._resources(c, href, variables)

    def _variables(self, hv):
        out = []
        if not isinstance(hv, dict):
            return out
        for m in hv.get("content") or []:
            if not isinstance(m, dict) or not isinstance(m.get("content"), dict):
                continue
            name = s(m["content"].get("key"))
            if not name:
                continue
            ta = [s(x) for x in ((m.get("attributes") or {}).get("typeAttributes") or {}).get("content", [])]
            value = m["content"].get("value")
            t = s((m.get("meta") or {}).get("title"))
            if not t and isinstance(value, dict):
                t = value.get("element")
            out.append((name, "required" in ta, norm_type(t)))
        return out

    def _transition(self, t, href, variables):
        method = None
        req, resp = set(), set()
        for tx in t.get("content") or []:
            if not isinstance(tx, dict) or tx.get("element") != "httpTransaction":
                continue
            for m in tx.get("content") or []:
                if not isinstance(m, dict):
                    continue
                if m.get("element") == "httpRequest":
                    method = method or s((m.get("attributes") or {}).get("method"))
                    req |= self.payload(m)
                elif m.get("element") == "httpResponse":
                    resp |= self.payload(m)
        if not method:
            return
        params = {}
        for name, required, typ in variables:
            params[name] = (required, typ)
        # Template variables drafter does not describe: compared by name only.
        for body in re.findall(r"\{([^}]*)\}", href):
            if body[:1] == "#":
                continue
            for v in (body[1:] if body[:1] in "+./;?&" else body).split(","):
                v = re.sub(r"(\*|:\d+)$", "", v.strip())
                if v and v not in params:
                    params[v] = (None, None)
        self.actions.append({"method": method.upper(), "path": norm_path(href), "params": params, "req": req, "resp": resp})

    def payload(self, message):
        fields = set()
        body = None
        has_ds = False
        for c in message.get("content") or []:
            if not isinstance(c, dict):
                continue
            if c.get("element") == "dataStructure":
                has_ds = True
                fields |= self.fields(c.get("content"), "", 0, ())
            # Exactly the `messageBody` class: `messageBodySchema` is the generated JSON Schema, not a body.
            classes = ((c.get("meta") or {}).get("classes") or {}).get("content") or []
            if c.get("element") == "asset" and "messageBody" in [s(x) for x in classes]:
                body = c
        if not has_ds and body is not None:
            ct = s((body.get("attributes") or {}).get("contentType")) or ""
            text = body.get("content") if isinstance(body.get("content"), str) else ""
            if "json" in ct:
                try:
                    fields |= json_keys(json.loads(text), "")
                except ValueError:
                    pass
        return fields

    def members(self, e, depth, stack):
        """(key, value element) pairs of an object element: own members, refs (mixins), base type's."""
        out = []
        if not isinstance(e, dict) or depth > 12:
            return out
        el = e.get("element")
        if el not in BASE and el in self.named and el not in stack:
            out += self.members(self.named[el], depth + 1, stack + (el,))
        for m in e.get("content") or [] if isinstance(e.get("content"), list) else []:
            if not isinstance(m, dict):
                continue
            if m.get("element") == "member" and isinstance(m.get("content"), dict):
                key = s(m["content"].get("key"))
                if key:
                    out.append((key, m["content"].get("value")))
            elif m.get("element") == "ref":
                ref = m.get("content") if isinstance(m.get("content"), str) else s(m.get("content"))
                if ref in self.named and ref not in stack:
                    out += self.members(self.named[ref], depth + 1, stack + (ref,))
            elif m.get("element") in ("select", "option"):
                out += self.members(m, depth + 1, stack)
        return out

    def fields(self, e, prefix, depth, stack):
        out = set()
        if not isinstance(e, dict) or depth > 12:
            return out
        el = e.get("element")
        if el == "array":
            items = e.get("content") if isinstance(e.get("content"), list) else []
            for item in items[:1]:
                out |= self.fields(item, prefix, depth + 1, stack)
            return out
        if el not in BASE and el in self.named and el not in stack:
            base = self.named[el]
            if base.get("element") == "array" or (base.get("element") not in BASE and base.get("element") in self.named and
                                                   self.named[base.get("element")].get("element") == "array"):
                return self.fields(base, prefix, depth + 1, stack + (el,))
        for key, value in self.members(e, depth, stack):
            p = prefix + key
            out.add(p)
            out |= self.fields(value, p + ".", depth + 1, stack + ((el,) if el not in BASE else ()))
        return out


def json_keys(v, prefix):
    out = set()
    if isinstance(v, dict):
        for k, x in v.items():
            out.add(prefix + k)
            out |= json_keys(x, prefix + k + ".")
    elif isinstance(v, list) and v:
        out |= json_keys(v[0], prefix)
    return out


def norm_type(t):
    t = (t or "string").lower()
    if t.startswith("enum"):
        return "string"
    if t.startswith("array"):
        return "array"
    return {"integer": "number", "int": "number", "bool": "boolean"}.get(t, t if t in ("string", "number", "boolean") else "string")


def model_type(t):
    if not t:
        return "string"
    k = t.get("kind")
    return {"integer": "number", "number": "number", "boolean": "boolean", "array": "array"}.get(k, "string")


def schema_fields(model, type_, prefix="", depth=0, seen=()):
    if type_ is None or depth > 12:
        return set()
    kind = type_.get("kind")
    if kind in ("array", "map"):
        return schema_fields(model, type_.get("items") or type_.get("values"), prefix, depth + 1, seen)
    fields = []
    if kind == "ref":
        name = type_.get("name")
        sch = model["_schemas"].get(name)
        if name in seen or not sch or sch.get("kind") != "object":
            return set()
        seen = seen + (name,)
        fields = sch.get("fields", [])
    elif kind == "object":
        fields = type_.get("fields", [])
    out = set()
    for f in fields:
        p = prefix + f["name"]
        out.add(p)
        out |= schema_fields(model, f.get("type"), p + ".", depth + 1, seen)
    return out


def ours(binary, apib):
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "model.json")
        run = subprocess.run([binary, "model", apib, "--output", out], capture_output=True, text=True, timeout=60)
        if not os.path.exists(out):
            return [], run.stderr
        model = json.load(open(out))
    model["_schemas"] = {x["name"]: x for x in model.get("schemas", [])}
    ops = []
    for o in model.get("operations", []):
        params = {p["name"]: (p["required"], model_type(p.get("type"))) for p in o.get("parameters", [])
                  if p["location"] in ("path", "query")}
        req = schema_fields(model, (o.get("requestBody") or {}).get("type"))
        resp = set()
        for r in o.get("responses", []):
            resp |= schema_fields(model, r.get("type"))
        ops.append({"method": o["method"], "path": o["path"], "params": params, "req": req, "resp": resp})
    return ops, run.stderr


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("fixtures")
    ap.add_argument("--list")
    ap.add_argument("--show", action="store_true")
    ap.add_argument("--json")
    a = ap.parse_args()
    if a.list:
        names = [l.strip() for l in open(a.list) if l.strip() and not l.startswith("#")]
    else:
        names = sorted(os.path.relpath(os.path.join(d, f), a.fixtures) for d, _, fs in os.walk(a.fixtures) for f in fs
                       if f.endswith(".apib") and os.path.exists(os.path.join(d, f[:-5] + ".json")))
    totals = defaultdict(lambda: [0, 0])   # construct -> [read, expected]
    misses = defaultdict(list)
    notes = defaultdict(list)
    extra = 0
    used = 0
    for name in names:
        apib = os.path.join(a.fixtures, name)
        expected_file = apib[:-5] + ".json"
        if not os.path.exists(apib) or not os.path.exists(expected_file):
            misses["fixture missing"].append(name)
            continue
        used += 1
        expected = Drafter(json.load(open(expected_file))).actions
        got, _ = ours(a.binary, apib)
        pool = list(got)
        for act in expected:
            key = act["method"] + " " + act["path"]
            match = next((g for g in pool if g["method"] == act["method"] and g["path"] == act["path"]), None)
            totals["actions"][1] += 1
            if match is None:
                misses["action"].append(f"{name}: {key}")
            else:
                pool.remove(match)
                totals["actions"][0] += 1
            for pname, (req, typ) in act["params"].items():
                totals["parameters"][1] += 1
                have = (match or {}).get("params", {}).get(pname)
                if have is None:
                    misses["parameter name"].append(f"{name}: {key} {pname}")
                elif req is None:
                    totals["parameters"][0] += 1
                elif have[0] != req:
                    misses["parameter required"].append(f"{name}: {key} {pname} (drafter {req}, ours {have[0]})")
                elif have[1] != typ:
                    misses["parameter type"].append(f"{name}: {key} {pname} (drafter {typ}, ours {have[1]})")
                else:
                    totals["parameters"][0] += 1
                if have is not None:
                    totals["parameter names"][0] += 1
                totals["parameter names"][1] += 1
            for side in ("req", "resp"):
                for f in sorted(act[side]):
                    label = "request attributes" if side == "req" else "response attributes"
                    totals["payload attributes"][1] += 1
                    if match is not None and f in match[side]:
                        totals["payload attributes"][0] += 1
                    else:
                        misses[label].append(f"{name}: {key} {f}")
        extra += len(pool)
    print(f"drafter fixtures: {used} of {len(names)} listed")
    for k in ("actions", "parameters", "parameter names", "payload attributes"):
        r, e = totals[k]
        print(f"  {k:20s} {r:5d} / {e:5d}  {100.0 * r / e if e else 100.0:6.2f} %")
    print(f"  actions docs2swift reads that drafter does not: {extra}")
    print("not read, by construct:")
    for k in sorted(misses):
        print(f"  {k}: {len(misses[k])}")
        if a.show:
            for m in misses[k]:
                print(f"    {m}")
    if notes:
        print("read differently on purpose:")
        for k in sorted(notes):
            print(f"  {k}: {len(notes[k])}")
            if a.show:
                for m in notes[k]:
                    print(f"    {m}")
    if a.json:
        json.dump({k: v for k, v in totals.items()}, open(a.json, "w"), indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
