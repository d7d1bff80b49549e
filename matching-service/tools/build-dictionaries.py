#!/usr/bin/env python3
"""Builds the matcher's bilingual word lists from two open dictionaries.

  zh-en.tsv.gz, en-zh.tsv.gz  from CC-CEDICT (CC BY-SA 4.0), in CEDICT's text format
  de-en.tsv.gz, en-de.tsv.gz  from Ding's de-en list (GPL-2.0-or-later), in Ding's text format

Usage: build-dictionaries.py CEDICT_FILE DING_FILE OUT_DIR

Each output line is "source<TAB>t1|t2|t3": a word or two-word phrase and its best translations (at
most three words each), lower-cased except German (its capitals tell the noun "Reifen", tyre, from
the verb "reifen", to ripen), without grammar marks ({m}, [techn.], (...)), lines sorted by
their UTF-8 bytes. Proper names,
variant references and example sentences are left out. See src/main/resources/dictionaries/README.md.
"""
import gzip
import re
import sys

MAX_WORDS = 3
MAX_SYNONYMS = 4
MAX_TRANSLATIONS = 3
BRACKETS = re.compile(r"\{[^}]*\}|\[[^\]]*\]|\([^)]*\)|<[^>]*>")
CEDICT = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/$")
SKIP_GLOSS = re.compile(r"^(surname|variant of|old variant|used in|see |abbr\.|CL:|also written|"
                        r"erhu|classifier|\(bound form\)|archaic|Taiwan pr\.)", re.I)


def clean(term, keep_case=False):
    term = BRACKETS.sub(" ", term)
    term = re.sub(r"\s+", " ", term).strip(" .,;:!?'\"")
    if not keep_case:
        term = term.lower()
    if term.startswith("to "):
        term = term[3:]
    if not term or len(term.split()) > MAX_WORDS or any(ch.isdigit() for ch in term) or "..." in term or "/" in term:
        return None
    return term


def cedict(path):
    """(chinese, english, rank) for each gloss, lower rank first."""
    pairs = []
    for line in open(path, encoding="utf-8"):
        m = CEDICT.match(line.strip())
        if not m or line.startswith("#"):
            continue
        simplified, pinyin, glosses = m.group(2), m.group(3), m.group(4).split("/")
        if pinyin[:1].isupper():  # proper names
            continue
        kept = []
        for g in glosses:
            for part in g.split(";"):
                part = part.strip()
                if SKIP_GLOSS.match(part):
                    continue
                c = clean(part)
                if c and c not in kept:
                    kept.append(c)
        for i, c in enumerate(kept[:MAX_SYNONYMS]):
            # a gloss of a word with few glosses translates it more precisely
            pairs.append((simplified, c, (i, len(kept))))
    return pairs


def ding(path):
    """(german, english, rank): the headword segment first, then each side's first synonyms."""
    pairs = []
    for line in open(path, encoding="utf-8"):
        if line.startswith("#") or "::" not in line:
            continue
        de, en = line.rstrip("\n").split("::", 1)
        de_segments, en_segments = de.split(" | "), en.split(" | ")
        if len(de_segments) != len(en_segments):
            de_segments, en_segments = de_segments[:1], en_segments[:1]
        for k, (d, e) in enumerate(zip(de_segments, en_segments)):
            # grammar marks first: "{took; taken}" holds semicolons of its own
            d, e = BRACKETS.sub(" ", d), BRACKETS.sub(" ", e)
            ds = [c for c in (clean(x, keep_case=True) for x in d.split(";")) if c][:MAX_SYNONYMS]
            es = [c for c in (clean(x) for x in e.split(";")) if c][:MAX_SYNONYMS]
            for i, x in enumerate(ds):
                if " " in x:
                    continue
                for j, y in enumerate(es):
                    pairs.append((x, y, (k, i + j, len(es))))
    return pairs


def write(pairs, path, reverse=False):
    """One line per source word: "source<TAB>t1|t2|t3", its best translations, sorted by UTF-8."""
    best = {}
    for source, target, rank in pairs:
        if reverse:
            source, target = target, source
        if len(source.split()) > 2 or "\t" in source + target or "|" in source + target:
            continue
        options = best.setdefault(source, {})
        if target not in options or rank < options[target]:
            options[target] = rank
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as out:
        for source in sorted(best, key=lambda w: w.encode("utf-8")):
            targets = sorted(best[source], key=lambda t: (best[source][t], t))[:MAX_TRANSLATIONS]
            out.write(source + "\t" + "|".join(targets) + "\n")
    print(path, len(best), "words")


if __name__ == "__main__":
    cedict_file, ding_file, out_dir = sys.argv[1:4]
    zh = cedict(cedict_file)
    write(zh, out_dir + "/zh-en.tsv.gz")
    write(zh, out_dir + "/en-zh.tsv.gz", reverse=True)
    de = ding(ding_file)
    write(de, out_dir + "/de-en.tsv.gz")
    write(de, out_dir + "/en-de.tsv.gz", reverse=True)
