#!/usr/bin/env python3
"""Writes reStructuredText (sphinxcontrib-httpdomain) that reproduces the Sphinx seeds 002-004 from
their text renderings, so scripts/render-seed-html can render them with the real Sphinx. The JSON
examples are copied as they are, defects included. Usage: seeds-to-rst.py SEED.txt OUT.rst"""
import re, sys

METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")
HEADERS = {"example request": "req", "example response": "resp", "request json object": "<json",
           "response json object": ">json", "query parameters": "query", "request headers": "reqheader",
           "response headers": "resheader", "status codes": "statuscode", "response": "response"}

src = [l.rstrip("\n") for l in open(sys.argv[1], encoding="utf-8")]
lines = [l.strip() for l in src if l.strip()]
out = []
if not any(l.endswith("¶") for l in lines):
    # The one-line form (seed 002) has no header links: its first line is the page title and the line
    # before each signature is the operation's title.
    marked = [lines[0] + "¶"]
    for k in range(1, len(lines)):
        t = lines[k]
        nxt = lines[k + 1] if k + 1 < len(lines) else ""
        np = nxt.split(" ", 1)
        if len(np) == 2 and np[0] in ("GET", "POST", "PUT", "PATCH", "DELETE") and np[1].startswith("/") and "HTTP/1" not in np[1]:
            t += "¶"
        marked.append(t)
    lines = marked

def header(t):
    t = t[2:] if t.startswith("- ") else t
    return HEADERS.get(t[:-1].lower()) if t.endswith(":") else None

def signature(i):
    t = lines[i][2:] if lines[i].startswith("- ") else lines[i]
    parts = t.split(" ", 1)
    if parts[0] not in METHODS: return None
    if len(parts) == 2:
        if parts[1].startswith("/") and "HTTP/1" not in parts[1]: return parts[0], parts[1], i + 1
        return None
    j, path = i + 1, ""
    while j < len(lines) and (lines[j].startswith("/") or lines[j].startswith("(")):
        path += lines[j]; j += 1
    return (parts[0], path, j) if path else None

def rst_path(p):
    return re.sub(r"\((\w+):\s*(\w+)\)", r"(\1:\2)", p)

def message(text):
    """One-line or multi-line HTTP message → lines for a sourcecode block."""
    brace = min([k for k in (text.find("{"), text.find("[")) if k >= 0], default=-1)
    head, body = (text[:brace], text[brace:]) if brace >= 0 else (text, "")
    head = re.sub(r"\s+(Host:|Content-Type:)", r"\n\1", head.strip())
    return head.split("\n") + ([""] + body.split("\n") if body else [])

title_level = ["=", "-", "~", "^"]
i, first_title, in_op = 0, True, False
while i < len(lines):
    l = lines[i]
    sig = signature(i)
    if sig:
        m, p, i = sig
        out += ["", f".. http:{m.lower()}:: {rst_path(p)}", ""]
        in_op = True
        continue
    if l.endswith("¶") and not l.startswith("¶"):
        t = l[:-1].strip()
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        op_title = nxt in ("-",) or signature(i + 1) is not None
        level = "=" if first_title else ("~" if op_title else "-")
        if t.lower().endswith("attributes"):  # an attribute table: Name | Type | Methods | Description
            j, head = i + 1, []
            while j < len(lines) and lines[j].endswith("|") and not lines[j].startswith("---"):
                head.append(lines[j][:-1].strip()); j += 1
            j += 1
            cells = []
            while j < len(lines) and (lines[j].endswith("|")):
                if set(lines[j]) == {"|"}: cells += [""] * len(lines[j])
                else: cells.append(lines[j][:-1].strip())
                j += 1
            out += ["", t, level * len(t), "", ".. list-table::", "   :header-rows: 1", ""]
            rows = [head] + [cells[k:k + len(head)] for k in range(0, len(cells) - len(head) + 1, len(head))]
            for r in rows:
                out.append("   * - " + (r[0] or " "))
                for c in r[1:]: out.append("     - " + (c or " "))
            i, in_op = j, False
            continue
        out += ["", t, level * len(t), ""]
        first_title, in_op = False, False
        i += 1
        continue
    if l == "-": i += 1; continue
    if in_op and l.startswith("¶"):
        out += ["   " + l[1:].strip(), ""]; i += 1; continue
    h = header(l)
    if in_op and h in ("req", "resp"):
        j, text = i + 1, []
        while j < len(lines) and not header(lines[j]) and not signature(j) and not lines[j].endswith("¶") \
                and not (j + 1 < len(lines) and signature(j + 1) and text):
            text.append(lines[j]); j += 1
        out += ["   **Example %s**:" % ("request" if h == "req" else "response"), ""]
        if text:
            out += ["   .. sourcecode:: http", ""] + ["      " + x if x else "" for x in message("\n".join(text) if len(text) > 1 else text[0])] + [""]
        i = j
        continue
    if in_op and h:
        j = i + 1
        items = []
        while j < len(lines) and not header(lines[j]) and not signature(j) and not lines[j].endswith("¶") \
                and not (j + 1 < len(lines) and signature(j + 1)):
            items.append(lines[j]); j += 1
        for it in items:
            it = it[2:] if it.startswith("- ") else it
            if h in ("<json", ">json", "query"):
                m = re.match(r"(\S+) \(([^)]*)\) [–-] ?(.*)", it)
                if m: out.append(f"   :{h} {m.group(2)} {m.group(1)}: {m.group(3)}".rstrip()); continue
            if h == "statuscode":
                m = re.match(r"(\d{3}) [A-Za-z ]+? [–-] ?(.*)", it)
                if m: out.append(f"   :statuscode {m.group(1)}: {m.group(2)}".rstrip()); continue
                out += ["", "      " + it, ""]; continue
            if h == "response":
                out.append(f"   :Response: {it}"); continue
            out.append(f"   :{h} {it}")
        if not items and h in ("<json", ">json", "statuscode"):
            pass
        out.append("")
        i = j
        continue
    out += [("   " if in_op else "") + l, ""]
    i += 1

open(sys.argv[2], "w", encoding="utf-8").write("\n".join(out) + "\n")
