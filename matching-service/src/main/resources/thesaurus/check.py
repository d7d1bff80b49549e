#!/usr/bin/env python3
"""Checks the thesaurus files: format, unique ids, every broader id defined. Prints counts."""
import glob, os, re, sys
FIELDS = {"DIGITALIZATION", "ELECTRIFICATION", "SUSTAINABILITY", "AUTOMATED_DRIVING", "SMART_CONNECTIVITY",
          "ARTIFICIAL_INTELLIGENCE", "IOT", "CLOUD_COMPUTING", "NEXT_GEN_VEHICLES", "DIGITAL_RETAIL",
          "MANUFACTURING", "SUPPLY_CHAIN"}
here = os.path.dirname(os.path.abspath(__file__))
files = sys.argv[1:] or sorted(glob.glob(os.path.join(here, "*.txt")))
concepts, broader, errors, per_field = {}, [], [], {}
for path in files:
    cur = None
    for n, raw in enumerate(open(path, encoding="utf-8"), 1):
        line = raw.rstrip("\n")
        where = f"{os.path.basename(path)}:{n}"
        if not line.strip() or line.lstrip().startswith("#"):
            cur = None if not line.strip() else cur
            continue
        m = re.match(r"^concept ([a-z0-9]+(?:-[a-z0-9]+)*)$", line)
        if m:
            cid = m.group(1)
            if cid in concepts:
                errors.append(f"{where}: duplicate id {cid} (also in {concepts[cid]['where']})")
            cur = concepts[cid] = {"where": where, "fields": [], "en": [], "de": [], "zh": []}
            continue
        m = re.match(r"^  (fields|broader|en|de|zh) (.+)$", line)
        if not m or cur is None:
            errors.append(f"{where}: cannot read {line!r}")
            continue
        key, value = m.groups()
        if key == "fields":
            cur["fields"] = [f.strip() for f in value.split(",")]
            bad = [f for f in cur["fields"] if f not in FIELDS]
            if bad:
                errors.append(f"{where}: unknown fields {bad}")
        elif key == "broader":
            broader += [(where, b.strip()) for b in value.split(",")]
        else:
            terms = [t.strip() for t in value.split("|")]
            if any(not t for t in terms):
                errors.append(f"{where}: empty term")
            cur[key] = terms
for cid, c in concepts.items():
    for key in ("fields", "en", "de", "zh"):
        if not c[key]:
            errors.append(f"{c['where']}: concept {cid} has no {key}")
    for f in c["fields"]:
        per_field[f] = per_field.get(f, 0) + 1
for where, b in broader:
    if b not in concepts:
        errors.append(f"{where}: broader {b} is not defined")
print(f"{len(concepts)} concepts, {sum(len(c['en'])+len(c['de'])+len(c['zh']) for c in concepts.values())} terms")
for f in sorted(per_field):
    print(f"  {f}: {per_field[f]}")
for e in errors:
    print("ERROR", e)
sys.exit(1 if errors else 0)
