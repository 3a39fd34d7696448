#!/usr/bin/env python3
"""Derives the event coder's reference tables in nlp-service/src/main/resources/events/ from ../shared/data.

Run from the repo root: python3 bench/events/make-resources.py [/work/shared/data]
The derived files keep the licence of their source (see NOTICE in the resources folder).
"""
import csv, re, sys, shutil, pathlib

data = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else '/work/shared/data')
out = pathlib.Path('nlp-service/src/main/resources/events')
out.mkdir(parents=True, exist_ok=True)

# CAMEO codes: code, Goldstein, name (icews_cameo-codes.csv, MIT, andybega/icews). The file is Latin-1 with
# mangled quotes; names are plain ASCII.
with open(data / 'cameo/icews_cameo-codes.csv', encoding='latin-1') as f:
    rows = list(csv.DictReader(f))
with open(out / 'cameo-codes.tsv', 'w') as f:
    f.write('# CAMEO event codes: code, Goldstein score, name.\n')
    f.write('# Derived from andybega/icews data-raw/cameo-codes.csv (MIT licence, see NOTICE).\n')
    for r in rows:
        name = re.sub(r'\s+', ' ', r['name']).strip()
        f.write(f"{r['code']}\t{r['goldstein']}\t{name}\n")

shutil.copyfile(data / 'cameo/cameo-to-plover.txt', out / 'cameo-to-plover.txt')

# Country names, demonyms, capitals and major cities -> ISO 3166-1 alpha-3, from the country-level blocks of the
# Phoenix (PETRARCH2) country actor dictionary (MIT).
aliases = {}
block = []
code = None
def flush():
    if code and block:
        for name in block:
            aliases.setdefault(name, code)
with open(data / 'phoenix/Phoenix.Countries.actors.txt', encoding='utf-8', errors='replace') as f:
    for line in f:
        line = line.rstrip('\n')
        if not line.strip() or line.startswith('#'):
            continue
        if line.startswith('\t') or line.startswith(' '):
            for c in re.findall(r'\[([A-Z]{3})(?:\s+>\d+)?\]', line):
                code = c
            continue
        head = line.split('#')[0].strip()
        m = re.match(r'^(\+?)([^\[]+?)\s*(?:\[([A-Z]+)[^\]]*\])?\s*$', head)
        if not m:
            continue
        plus, name, c = m.groups()
        if not plus:
            flush()
            block, code = [], None
        name = name.strip().rstrip('_').replace('_', ' ').strip()
        if name:
            block.append(name)
        if c and len(c) == 3:
            code = c
    flush()
with open(out / 'countries.tsv', 'w') as f:
    f.write('# Country names, demonyms and capitals -> ISO 3166-1 alpha-3 (CAMEO country codes).\n')
    f.write('# Derived from the country-level entries of Phoenix.Countries.actors.txt (PETRARCH2, MIT licence,\n')
    f.write('# see NOTICE); upper case, underscores turned into spaces.\n')
    for name, c in sorted(aliases.items()):
        if re.fullmatch(r"[A-Z][A-Z .'\-]*", name) and len(name) > 1:
            f.write(f'{name}\t{c}\n')
print(len(rows), 'codes;', len(aliases), 'country aliases')
