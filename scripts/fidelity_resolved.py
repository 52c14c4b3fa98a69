#!/usr/bin/env python3
"""Runs ../shared/tools/fidelity.py with one change: `$ref`s to `#/components/parameters/...` are
resolved too (the tool resolves only `#/components/schemas/...`, so the reference's shared `Page` and
`PageSize` parameters count as unnamed). Usage: fidelity_resolved.py TOOLS_DIR REFERENCE CANDIDATE [args]"""
import sys
sys.path.insert(0, sys.argv[1])
import fidelity

original = fidelity.Doc.resolve

def resolve(self, s, seen=None):
    if isinstance(s, dict) and s.get("$ref", "").startswith("#/components/parameters/"):
        name = s["$ref"].rsplit("/", 1)[-1]
        return (self.d.get("components") or {}).get("parameters", {}).get(name, {})
    return original(self, s, seen)

fidelity.Doc.resolve = resolve
sys.argv = [sys.argv[0]] + sys.argv[2:]
fidelity.main()
