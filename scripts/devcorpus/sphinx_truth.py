#!/usr/bin/env python3
"""Derives a first truth.json for a Sphinx httpdomain page from its RST (devcorpus/sphinx/<page>/index.rst).

It reads the literal httpdomain directives (`.. http:get:: /path`, every method httpdomain has, several
signature lines on one directive) and their doc fields, with sphinxcontrib-httpdomain's own field
vocabulary (HTTPResource.doc_field_types):

  path parameters   the signature: (name) (type:name) (type: name) <name> <type:name> {name} :name
                    (`:param`/`:parameter`/`:arg`/`:argument` confirm them; one the signature
                    does not have is a query parameter of GET/DELETE/HEAD, a body field of
                    POST/PUT/PATCH; checked by hand)
  query parameters  :query :queryparameter :queryparam :qparam (typed or not); `?a=..&b=..` in a signature
  request fields    :<json :<jsonobj :reqjson :reqjsonobj :<jsonarr :reqjsonarr :json :jsonparam
                    :jsonparameter :form :formparameter :formparam :fparam
  response fields   :>json :>jsonobj :resjson :resjsonobj :>jsonarr :resjsonarr
  statuses          :statuscode :status :code
  not scored        :<header :reqheader :requestheader :>header :resheader :responseheader, *type fields

A typed field's name is its last word (`:<json int id:` -> id). Dotted names (`cluster.n`) are nested
fields; their parents (`cluster`) are added, as the model lists them too. `[]`/`[*]` markers are dropped.

The output is a starting point: every page's truth is then checked by hand against the RST
(devcorpus/sphinx/README.md says what was changed by hand).

  scripts/devcorpus/sphinx_truth.py PAGE_DIR [--write] [--source REPO PATH COMMIT [NOTE]]
Without --write it prints the truth; with --write it writes PAGE_DIR/truth.json, keeping the
"sources" of an existing truth.json unless --source is given.
"""
import argparse, json, os, re, sys

METHODS = ("get", "post", "put", "patch", "delete", "head", "options", "trace", "connect", "copy", "any")
DIRECTIVE = re.compile(r"^(\s*)\.\.\s+http:(" + "|".join(METHODS) + r")::\s*(.*?)\s*$")
OPTION = re.compile(r"^\s*:(synopsis|noindex|no-index|deprecated|addtoc):")
FIELD = re.compile(r"^(\s*):([^:\s][^:]*?)\s*:(?:\s|$)")

QUERY = {"query", "queryparameter", "queryparam", "qparam"}
PARAM = {"param", "parameter", "arg", "argument"}
REQUEST = {"<json", "<jsonobj", "reqjson", "reqjsonobj", "<jsonarr", "reqjsonarr",
           "json", "jsonparam", "jsonparameter", "form", "formparameter", "formparam", "fparam"}
RESPONSE = {">json", ">jsonobj", "resjson", "resjsonobj", ">jsonarr", "resjsonarr"}
STATUS = {"statuscode", "status", "code"}

# Every path-parameter syntax httpdomain users write, in the order tried.
PATH_PARAM = re.compile(
    r"\((?:[^():]+:\s*)?(?P<p>[^()]+?)\)"       # (name) (type:name) (type: name)
    r"|<(?:[^<>:]+:)?(?P<a>[^<>]+)>"           # <name> <type:name>
    r"|\{(?P<b>[^{}]+)\}"                       # {name}
    r"|(?<=/):(?P<c>[A-Za-z_][\w-]*)"           # :name (Express/Rails)
)


def normalise_path(sig):
    """`/users/(int:id)/posts?sort=x` -> ('/users/{id}/posts', ['id'], ['sort'])."""
    path, _, query = sig.partition("?")
    names = []

    def repl(m):
        name = (m.group("p") or m.group("a") or m.group("b") or m.group("c")).strip()
        names.append(name)
        return "{" + name + "}"

    path = PATH_PARAM.sub(repl, path)
    qnames = [q.split("=")[0].strip() for q in query.split("&") if q.split("=")[0].strip()] if query else []
    return path, names, qnames


def field_name(arg):
    """The documented name in a field's argument: its last word, markers dropped."""
    words = arg.split()
    if not words:
        return None
    name = words[-1].strip("`*")
    name = re.sub(r"\[\*?\]", "", name)
    return name or None


def with_parents(names):
    out = []
    for n in names:
        parts = n.split(".")
        for i in range(1, len(parts) + 1):
            p = ".".join(parts[:i])
            if p and p not in out:
                out.append(p)
    return out


def directives(lines):
    """Yields (line_no, method, [signatures], body_lines) for every httpdomain directive."""
    i = 0
    while i < len(lines):
        m = DIRECTIVE.match(lines[i])
        if not m:
            i += 1
            continue
        indent = len(m.group(1))
        sigs = [m.group(3)] if m.group(3) else []
        start = i
        i += 1
        while i < len(lines) and lines[i].strip() and not OPTION.match(lines[i]) \
                and not FIELD.match(lines[i]) and len(lines[i]) - len(lines[i].lstrip()) > indent:
            sigs.append(lines[i].strip())
            i += 1
        body = []
        while i < len(lines) and (not lines[i].strip() or len(lines[i]) - len(lines[i].lstrip()) > indent):
            body.append(lines[i])
            i += 1
        # Examples may follow the directive unindented (`**Example**:` then blocks): the operation's
        # region runs to the next directive or section title.
        j = i
        while j < len(lines) and not DIRECTIVE.match(lines[j]) and not (
                j + 1 < len(lines) and re.match(r"^([=\-~^+*#\"'`])\1{3,}\s*$", lines[j + 1]) and lines[j].strip()):
            j += 1
        yield start + 1, m.group(2), sigs, body, lines[i:j]


def fields(body):
    """(kind, arg) for each doc field at the body's own indentation (not inside nested blocks)."""
    base = None
    for line in body:
        if not line.strip():
            continue
        ind = len(line) - len(line.lstrip())
        if base is None or ind < base:
            base = ind
    out = []
    for line in body:
        m = FIELD.match(line)
        if not m or len(m.group(1)) != base or OPTION.match(line):
            continue
        words = m.group(2).split(None, 1)
        out.append((words[0], words[1] if len(words) > 1 else ""))
    return out


CODE = re.compile(r"^(\s*)\.\.\s+(?:sourcecode|code-block|code)::\s*(\S*)")


def tolerant_json(text):
    """Parses an example body as written: comments, `...` lines and trailing commas allowed."""
    try:
        return json.loads(text)
    except ValueError:
        pass
    t = re.sub(r"(?m)^\s*//.*$|\s+//[^\"\n]*$", "", text)
    t = re.sub(r"(?m)^\s*(\.\.\.|…)\s*,?\s*$", "", t)
    t = re.sub(r",\s*\.\.\.\s*", "", t)
    t = re.sub(r",(\s*[}\]])", r"\1", t)
    try:
        return json.loads(t)
    except ValueError:
        return None


def top_keys(node):
    if isinstance(node, list):
        keys = []
        for item in node:
            for k in top_keys(item):
                if k not in keys:
                    keys.append(k)
        return keys
    if isinstance(node, dict):
        return list(node.keys())
    return []


def examples(body):
    """(role, status, json) of each example block in a directive body: `sourcecode:: http` blocks
    (request or response by their first line) and json/js blocks after a "request"/"response" label."""
    out = []
    label = None
    i = 0
    while i < len(body):
        line = body[i]
        m = CODE.match(line)
        if not m:
            # A label line: "**Example request**:", "Response:", "Example response (JSON):" …
            lm = re.match(r"^[*\s]*(?:example\s+|sample\s+)?(request|response)s?\b", line.strip().lower())
            if lm and len(line.strip()) <= 60 and not re.search(r"[=(){}\[\]]", line):
                label = lm.group(1)
            i += 1
            continue
        ind, lang = len(m.group(1)), m.group(2).lower()
        i += 1
        block = []
        while i < len(body) and (not body[i].strip() or len(body[i]) - len(body[i].lstrip()) > ind):
            block.append(body[i])
            i += 1
        lines = [l for l in block if not re.match(r"^\s*:\w[\w-]*:", l)]  # directive options
        text = "\n".join(lines).strip("\n")
        if lang == "http":
            head, _, rest = text.strip().partition("\n")
            hm = re.match(r"HTTP/[\d.]+\s+(\d{3})", head.strip())
            role = "response" if hm else "request"
            status = hm.group(1) if hm else None
            parts = re.split(r"\n\s*\n", rest, maxsplit=1)
            payload = parts[1] if len(parts) > 1 else ""
            out.append((role, status, head.strip(), tolerant_json(payload) if payload.strip() else None, bool(payload.strip())))
        elif lang in ("json", "js", "javascript", "json5") and label:
            out.append((label, None, None, tolerant_json(text), True))
    return out


def operations(text):
    ops = []
    for line_no, method, sigs, body, after in directives(text.splitlines()):
        fl = fields(body)
        query, req, resp, statuses, params_named = [], [], [], [], []
        for role, status, head, node, had_body in examples(body + [""] + after):
            if had_body and node is None:
                print(f"line {line_no}: an example {role} body is not JSON; check it by hand", file=sys.stderr)
            if role == "request":
                req.extend(top_keys(node))
            elif status is None or status.startswith("2"):
                resp.extend(top_keys(node))
        for kind, arg in fl:
            name = field_name(arg)
            if kind in QUERY and name:
                query.append(name)
            elif kind in PARAM and name:
                params_named.append(name)
            elif kind in REQUEST and name:
                req.append(name)
            elif kind in RESPONSE and name:
                resp.append(name)
            elif kind in STATUS and arg.split():
                statuses.append(arg.split()[0])
        for sig in sigs:
            path, pnames, qnames = normalise_path(sig)
            params = [{"name": n, "in": "path"} for n in pnames]
            # `:param x:` names a path parameter when the signature has one; otherwise the page
            # uses it for a query parameter (GET, DELETE, HEAD) or a body field (POST, PUT, PATCH).
            extra = [n for n in params_named if n not in pnames]
            body_method = method in ("post", "put", "patch")
            for q in qnames + query + ([] if body_method else extra):
                if {"name": q, "in": "query"} not in params:
                    params.append({"name": q, "in": "query"})
            ops.append({"method": method.upper(), "path": path, "line": line_no, "parameters": params,
                        "requestFields": with_parents(dict.fromkeys(req + (extra if body_method else []))),
                        "responseFields": with_parents(dict.fromkeys(resp)),
                        "statuses": list(dict.fromkeys(statuses))})
    return ops


def apply_hand(ops, hand, where):
    """The corrections made by hand after reading the page (truth-hand.json beside index.rst):
    {"set": {"GET /path": {"responseFields": [...], ...}}, "drop": ["GET /path"], "add": [op, ...],
     "why": {"GET /path": "what the page says"}}; a key may end in "#N" for the Nth such operation."""
    seen = {}
    keyed = []
    for op in ops:
        k = f"{op['method']} {op['path']}"
        seen[k] = seen.get(k, 0) + 1
        keyed.append((k, f"{k}#{seen[k]}", op))
    used = set()
    out = []
    for k, kn, op in keyed:
        if k in hand.get("drop", []) or kn in hand.get("drop", []):
            used.add(k if k in hand.get("drop", []) else kn)
            continue
        for key in (k, kn):
            if key in hand.get("set", {}):
                op.update(hand["set"][key])
                used.add(key)
        out.append(op)
    out.extend(hand.get("add", []))
    for key in list(hand.get("set", {})) + hand.get("drop", []):
        if key not in used:
            sys.exit(f"{where}: {key} matches no operation")
    return out


VARIANTS = {"html-alabaster": ["$RENDER/alabaster/index.html"], "html-rtd": ["$RENDER/rtd/index.html"],
            "html-furo": ["$RENDER/furo/index.html"], "text": ["$RENDER/text/index.txt"]}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("page_dir")
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--source", nargs="+", metavar="X", help="REPO PATH COMMIT [NOTE]")
    a = ap.parse_args()
    text = open(os.path.join(a.page_dir, "index.rst"), encoding="utf-8").read()
    tpath = os.path.join(a.page_dir, "truth.json")
    sources = []
    if os.path.exists(tpath):
        sources = json.load(open(tpath)).get("sources", [])
    if a.source:
        s = {"repo": a.source[0], "path": a.source[1], "commit": a.source[2]}
        if len(a.source) > 3:
            s["note"] = " ".join(a.source[3:])
        sources = [s]
    ops = operations(text)
    hpath = os.path.join(a.page_dir, "truth-hand.json")
    hand = json.load(open(hpath)) if os.path.exists(hpath) else {}
    if hand:
        ops = apply_hand(ops, hand, hpath)
    truth = {"sources": sources, "variants": VARIANTS}
    if hand.get("why"):
        truth["handCorrections"] = hand["why"]
    truth["operations"] = ops
    out = json.dumps(truth, indent=1, ensure_ascii=False) + "\n"
    if a.write:
        open(tpath, "w", encoding="utf-8").write(out)
        print(f"{tpath}: {len(truth['operations'])} operations", file=sys.stderr)
    else:
        sys.stdout.write(out)


if __name__ == "__main__":
    main()
