#!/usr/bin/env python3
"""Explains the fields fidelity.py counts as missed: for each reference field our export lacks, is
its parent on the page typed `any` (the docs show no nested rows), or is it really missed?
Usage: fidelity_misses.py SHARED_DIR CANDIDATE.json   (needs ../shared and PyYAML)"""
import sys, json, collections
shared = sys.argv[1]
sys.path.insert(0, shared + '/tools')
import fidelity as F
ref = F.Doc(F.load(shared + '/corpus/waldur/openapi-8.0.5.yaml')).operations()
cand = F.Doc(json.load(open(sys.argv[2]))).operations()
doc_ops, names = F.documented(shared + '/corpus/waldur/docs')
ref = {k: v for k, v in ref.items() if k in doc_ops}
cat = collections.Counter(); ex = collections.defaultdict(list)
for k in ref:
    if k not in cand: continue
    for part in ('body', 'resp'):
        rf, xf = ref[k][part], cand[k][part]
        for n in rf:
            if n in xf: continue
            parts = n.split('.')
            reason = 'top-level missing'
            for i in range(len(parts)-1, 0, -1):
                parent = '.'.join(parts[:i])
                if parent in xf:
                    reason = 'parent is %s' % (xf[parent][0],)
                    break
            if len(parts) == 1 and not xf: reason = 'no fields at all in ' + part
            cat[reason] += 1; ex[reason].append(' '.join(k) + ' ' + part + '.' + n)
for r, c in cat.most_common(): print(c, r, ex[r][:3])
