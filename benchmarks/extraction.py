"""Score provision extraction against the hand-annotated development and test sets (benchmarks/gold/).

    .venv/bin/python benchmarks/extraction.py [--set dev|test|both] [--corpus DIR] [--no-languages] [--limit N]
                                              [--verbose]

The development set (gold/*.yaml) is what the vocabularies and rules were written from; the test set
(gold/test/*.yaml, see its README) was annotated from resolutions nobody had tuned on and is frozen: the
benchmark refuses to score it if a file was added, removed or changed. Prints, for each set: verb accuracy (gold provisions whose aligned extracted provision has the gold head
verb), provision precision/recall, addressee / rights / beneficiary precision, recall and F1 (micro, per
aligned provision: a provision the extractor missed counts its gold concepts as misses, an extra provision
counts its concepts as false alarms), verb + addressee F1 ((verb, addressee) pairs: an addressee counts only
under the gold verb), mandate field accuracy; and, for GA session 78 (English, French and
Spanish AKN files of the corpus), the share of English provisions whose addressee concepts the French
(Spanish) provision paired with it (same paragraph, provisions aligned in order by verb concept) has exactly;
and extraction CPU time per resolution (process time: other jobs on the machine do not count).

Gold labels are resolved through the vocabularies' labels (gold annotations name concepts in English, see
gold/GUIDELINES.md); labels the vocabularies lack are listed, since they can never be matched.
"""
from __future__ import annotations

import argparse
import hashlib
import sys
import time
from collections import Counter
from pathlib import Path

import yaml

from unkg.config import VOCAB_NS, corpus_dir
from unkg.ingest.extract import extract, load
from unkg.ingest.extract.tokens import lows
from unkg.ingest.extract.vocab import ACTOR, GROUP, RIGHT, VERB, Vocabulary
from unkg.ingest.readers import read
from unkg.iris import slug

GOLD = Path(__file__).resolve().parent / "gold"
# task names of this set's annotations, written before the task types of ontology/vocab/tasks.ttl
OLD_TASKS = {"continue-consideration": "agenda_item", "appointment": "extend_mandate"}
TEST = GOLD / "test"
# The test set is frozen: annotated before any score on it was seen (gold/test/README.md). A changed or added
# file makes its scores meaningless, so the benchmark refuses to score it.
TEST_SHA256 = {
    "A_HRC_RES_54_35.yaml": "8202d146ef9302250457187b84e6bf509afc9432a4e78ccf40a1de259f91fde7",
    "A_RES_75_156.yaml": "8b835d021ee9db3fe5816cda26f4019288df74acbb7d0660bad43ddfb6ebff42",
    "A_RES_76_68.yaml": "85c5f7a422bf1af61951530547838d2cbe96be0973a92301879929c9421c00e9",
    "A_RES_77_107.yaml": "35f2a62d2e62625a1e15d628a81bc4274604a443d3fec1d5272c09258a55fd75",
    "A_RES_77_169.yaml": "c449a7eddd59709f8532b88c147afbb204666fa8fe5e513db342b5305fdbeceb",
    "A_RES_77_211.yaml": "713ec8cd7e1479d409d52e46ae85eaf4cb06c80a235aed6286abe71640fad982",
    "A_RES_77_73.yaml": "88fcfe90ead78a3a3bb7c623bbf89447fa21746195ff062419be4d35b69f3d88",
    "A_RES_78_101.yaml": "48e19ec460c347e10a5e60d2f0077228c6a539aa4342ec0f7b298730a9d2d71d",
    "A_RES_78_303.yaml": "b6c620389e1f065cf1872853cf326094b7571d2acb26e3ea65237e8b7afeedb4",
    "A_RES_78_50.yaml": "43d64f1e8b6decaa7adbf94f22b8eb24cef7ce741d5d83a86759e0eab679619a",
    "A_RES_79_106.yaml": "74be9df0a7ffa8443f54c2631db22d2ebb1e9ba421ed74db322c764a51431d69",
    "A_RES_79_200.yaml": "a519bfcec9613d6f80b6cc065643b9830a58d98e4daf7bc5f6b11210164c3ad9",
    "S_RES_2756_2024.yaml": "6f2c5d1fab1701d7dcfb631457badfc57d70a282336710b972dd1a024633cd6a",
}
KINDS = {"a": ("addressees", (ACTOR,)), "r": ("rights", (RIGHT,)), "b": ("beneficiaries", (GROUP,))}


class Resolver:
    """Gold labels -> concept IRIs (or 'missing:<label>' when no vocabulary label matches)."""

    def __init__(self, v: Vocabulary):
        self.v = v
        self.verb_pref = {c.label.lower(): c.local for c in v.concepts.values() if c.kind == VERB}
        self.missing: Counter = Counter()

    def concept(self, label: str, kinds: tuple[str, ...]) -> str:
        iri = self.v.resolve_label(label, kinds)
        if iri is None:
            self.missing[(kinds[0], label)] += 1
            return f"missing:{label.lower()}"
        return iri

    def verb_ok(self, gold: dict, pred_local: str) -> bool:
        """The predicted verb concept is the gold lemma's concept, a narrower one, or what the printed phrase names."""
        want = self.verb_pref.get(gold["v"].lower(), slug(gold["v"]))
        if pred_local == want:
            return True
        pred = f"{VOCAB_NS}verbs/{pred_local}"
        if any(a.rsplit("/", 1)[-1] == want for a in self.v.ancestors(pred)):
            return True
        node = self.v.trie("verbs", "en").node(lows(gold.get("vt", "")))
        vals = node.get("") if node else None
        return bool(vals) and any(x.rsplit("/", 1)[-1] == pred_local for x in vals)


def align(gold: list, pred: list, ok) -> list[tuple[int | None, int | None]]:
    """Order-preserving alignment of two provision lists maximising verb agreement (then pairs);
    `ok(gold_item, predicted_verb)` tells a verb match."""
    n, m = len(gold), len(pred)
    score = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            pair = score[i + 1][j + 1] + (1.0 if ok(gold[i], pred[j].verb) else 0.4)
            score[i][j] = max(pair, score[i + 1][j], score[i][j + 1])
    out, i, j = [], 0, 0
    while i < n and j < m:
        pair = score[i + 1][j + 1] + (1.0 if ok(gold[i], pred[j].verb) else 0.4)
        if score[i][j] == pair:
            out.append((i, j))
            i, j = i + 1, j + 1
        elif score[i][j] == score[i + 1][j]:
            out.append((i, None))
            i += 1
        else:
            out.append((None, j))
            j += 1
    out += [(k, None) for k in range(i, n)] + [(None, k) for k in range(j, m)]
    return out


def _same_verb(v: Vocabulary, a: str, b: str) -> bool:
    """Two verb concepts (local names) are the same or one is broader than the other."""
    if a == b:
        return True
    ia, ib = f"{VOCAB_NS}verbs/{a}", f"{VOCAB_NS}verbs/{b}"
    return ib in v.ancestors(ia) or ia in v.ancestors(ib)


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score_mandate(mandate: Counter, gm: dict, pm, res_: Resolver) -> None:
    mandate["mandates"] += 1
    mandate["found"] += pm is not None
    if pm is None:
        return
    mandate["task"] += pm.task == OLD_TASKS.get(gm.get("task"), gm.get("task"))
    if "due_session" in gm:
        mandate["due_n"] += 1
        mandate["due"] += pm.due_session == gm["due_session"]
    if "frequency" in gm:
        mandate["freq_n"] += 1
        mandate["freq"] += pm.frequency == gm["frequency"]
    if "to" in gm:
        mandate["to_n"] += 1
        mandate["to"] += {c.id for c in pm.recipients} == {res_.concept(x, (ACTOR,)) for x in gm["to"]}


def frozen_test_problem(folder: Path = TEST) -> str | None:
    """Why the test set may not be scored (a file added, missing or changed), or None."""
    have = {f.name: hashlib.sha256(f.read_bytes()).hexdigest() for f in sorted(folder.glob("*.yaml"))}
    for name in sorted(set(have) | set(TEST_SHA256)):
        if name not in have:
            return f"{folder / name}: test-set file missing"
        if name not in TEST_SHA256:
            return f"{folder / name}: not part of the frozen test set"
        if have[name] != TEST_SHA256[name]:
            return f"{folder / name}: changed since the test set was frozen (sha256 differs)"
    return None


def score_gold(corpus: Path, v: Vocabulary, verbose: bool, subset: str = "all", folder: Path = GOLD) -> dict:
    res_ = Resolver(v)
    counts = {k: [0, 0, 0] for k in KINDS}  # tp, fp, fn
    verb_addr = [0, 0, 0]
    verbs_ok = n_gold = n_pred = matched = 0
    mandate = Counter()
    paragraphs = files = 0
    times = []
    errors: list[str] = []
    for f in sorted(folder.glob("*.yaml")):
        g = yaml.safe_load(f.read_text(encoding="utf-8"))
        if subset != "all" and bool(g.get("heldout")) != (subset == "heldout"):
            continue
        res = read(corpus / g["source"])
        t = time.process_time()
        extract(res, v)
        times.append(time.process_time() - t)
        files += 1
        ops = {(p.part + "." if p.part else "") + (p.number or ""): p for p in res.operative}
        for gp in g["paragraphs"]:
            paragraphs += 1
            par = ops.get(str(gp["n"]))
            preds = par.provisions if par else []
            golds = gp["p"]
            n_gold += len(golds)
            n_pred += len(preds)
            for gi, pj in align(golds, preds, res_.verb_ok):
                gd = golds[gi] if gi is not None else None
                pr = preds[pj] if pj is not None else None
                if gd is not None and pr is not None:
                    matched += 1
                    if res_.verb_ok(gd, pr.verb):
                        verbs_ok += 1
                    elif verbose:
                        errors.append(f"{g['symbol']} op {gp['n']}: verb {gd['v']!r} vs {pr.verb!r}")
                for key, (attr, kinds) in KINDS.items():
                    want = {res_.concept(lab, kinds) for lab in (gd.get(key, []) if gd else [])}
                    got = {c.id for c in getattr(pr, attr)} if pr else set()
                    tp = len(want & got)
                    counts[key][0] += tp
                    if key == "a":  # (verb, addressee) pairs: an addressee counts only under the right verb
                        tp_va = tp if gd is not None and pr is not None and res_.verb_ok(gd, pr.verb) else 0
                        verb_addr[0] += tp_va
                        verb_addr[1] += len(got) - tp_va
                        verb_addr[2] += len(want) - tp_va
                    counts[key][1] += len(got - want)
                    counts[key][2] += len(want - got)
                    if verbose and want != got:
                        short = lambda s: sorted(x.rsplit("/", 1)[-1] for x in s)  # noqa: E731
                        errors.append(f"{g['symbol']} op {gp['n']} {attr}: missed {short(want - got)} "
                                      f"extra {short(got - want)}")
                if gd and "m" in gd:
                    score_mandate(mandate, gd["m"], pr.mandate if pr else None, res_)
    return dict(files=files, paragraphs=paragraphs, n_gold=n_gold, n_pred=n_pred, matched=matched,
                verbs_ok=verbs_ok, counts=counts, verb_addr=verb_addr, mandate=mandate, missing=res_.missing, times=times,
                errors=errors)


def agreement(corpus: Path, v: Vocabulary, limit: int | None, folders: tuple[str, ...] = ("akn/ga/78",)) -> dict:
    """en-fr and en-es agreement of addressee concepts, provision by provision, over the given folders."""
    suffix = {"en": "E", "fr": "F", "es": "S"}

    def by_symbol(lang: str) -> dict[str, Path]:
        out = {}
        for folder in folders:
            for f in sorted((corpus / folder / lang).glob("*.xml")):
                if "-" in f.stem:  # GA: A_RES_78_216-2326002E
                    out[f.stem.rsplit("-", 1)[0]] = f
                elif f.stem.endswith(suffix[lang]):  # HRC: A_HRC_RES_55_10E (some folders hold other languages)
                    out[f.stem[:-1]] = f
        return out

    en = by_symbol("en")
    result = {}
    times = []
    cache: dict[str, object] = {}

    def load_res(path: Path):
        if path not in cache:
            r = read(path)
            t = time.process_time()
            extract(r, v)
            times.append(time.process_time() - t)
            cache[path] = r
        return cache[path]

    for lang in ("fr", "es"):
        other = by_symbol(lang)
        agree = with_addr = agree_addr = total = 0
        count_same = 0
        keys = [k for k in en if k in other][:limit]
        for k in keys:
            try:
                a, b = load_res(en[k]), load_res(other[k])
            except Exception as e:  # a file the readers cannot read is not this benchmark's business
                print(f"  skipped {k}: {e}", file=sys.stderr)
                continue
            bop = {(p.part, p.number): p for p in b.operative}
            for p in a.operative:
                q = bop.get((p.part, p.number))
                qprov = q.provisions if q else []
                count_same += len(qprov) == len(p.provisions)
                # provisions pair up in order, by verb concept where the two texts split clauses differently
                pairs = align(p.provisions, qprov, lambda x, y: _same_verb(v, x.verb, y))
                for i, j in pairs:
                    if i is None:
                        continue
                    pr = p.provisions[i]
                    total += 1
                    pa = {c.id for c in pr.addressees}
                    ok = j is not None and {c.id for c in qprov[j].addressees} == pa
                    agree += ok
                    if pa:
                        with_addr += 1
                        agree_addr += ok
        result[lang] = dict(resolutions=len(keys), provisions=total, agree=agree, with_addr=with_addr,
                            agree_addr=agree_addr, same_count=count_same)
    result["times"] = times
    return result


def print_scores(title: str, s: dict, verbose: bool) -> None:
    print(f"{title}: {s['files']} resolutions, {s['paragraphs']} operative paragraphs, "
          f"{s['n_gold']} gold provisions, {s['n_pred']} extracted")
    pp, pr_, pf = prf(s["matched"], s["n_pred"] - s["matched"], s["n_gold"] - s["matched"])
    print(f"  provisions        P {pp:.3f}  R {pr_:.3f}  F1 {pf:.3f}")
    print(f"  verb accuracy     {s['verbs_ok'] / max(1, s['n_gold']):.3f}  ({s['verbs_ok']}/{s['n_gold']} gold provisions)")
    for key, (attr, _) in KINDS.items():
        tp, fp, fn = s["counts"][key]
        p, r, f = prf(tp, fp, fn)
        print(f"  {attr:<17} P {p:.3f}  R {r:.3f}  F1 {f:.3f}  (tp {tp}, fp {fp}, fn {fn})")
    tp, fp, fn = s["verb_addr"]
    p, r, f = prf(tp, fp, fn)
    print(f"  verb + addressee  P {p:.3f}  R {r:.3f}  F1 {f:.3f}  (tp {tp}, fp {fp}, fn {fn}; "
          f"(verb, addressee) pairs)")
    m = s["mandate"]
    if m["mandates"]:
        print(f"  mandates          found {m['found']}/{m['mandates']}, task {m['task']}/{m['mandates']}, "
              f"due session {m['due']}/{m['due_n']}, frequency {m['freq']}/{m['freq_n']}, "
              f"recipients {m['to']}/{m['to_n']}")
    if s["missing"]:
        print("  gold labels no vocabulary label matches (never matchable):")
        for (kind, label), n in sorted(s["missing"].items()):
            print(f"    {kind:<6} {label} ({n})")
    if verbose:
        print("\n".join("  " + e for e in s["errors"]))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=None)
    ap.add_argument("--no-languages", action="store_true", help="skip the GA 78 en-fr/en-es agreement")
    ap.add_argument("--limit", type=int, default=None, help="at most N GA 78 resolutions per language")
    ap.add_argument("--hrc", action="store_true", help="also the en-fr/en-es agreement over HRC 54-58")
    ap.add_argument("--subset", choices=("all", "heldout", "tuned"), default="all",
                    help="gold files annotated after the vocabularies were tuned on the others (heldout), the others "
                         "(tuned), or all")
    ap.add_argument("--set", choices=("dev", "test", "both"), default="both",
                    help="score the development set (gold/*.yaml), the frozen test set (gold/test/*.yaml) or both")
    ap.add_argument("--verbose", "-v", action="store_true", help="list every disagreement with the gold set")
    a = ap.parse_args(argv)
    corpus = a.corpus or corpus_dir()
    if corpus is None:
        print("the corpus is absent: expected ../shared/corpus or $UNKG_CORPUS", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    v = load()
    print(f"vocabularies loaded in {time.perf_counter() - t0:.2f} s ({len(v.concepts)} concepts)")
    times: list[float] = []
    if a.set in ("dev", "both"):
        s = score_gold(corpus, v, a.verbose, a.subset)
        print_scores(f"development set (gold/, {a.subset})", s, a.verbose)
        times += s["times"]
    if a.set in ("test", "both"):
        problem = frozen_test_problem()
        if problem:
            print(f"error: {problem}; the test set is frozen (see gold/test/README.md)", file=sys.stderr)
            return 2
        s = score_gold(corpus, v, a.verbose, folder=TEST)
        print_scores("test set (gold/test/, frozen)", s, a.verbose)
        times += s["times"]
    if not a.no_languages:
        ag = agreement(corpus, v, a.limit)
        for lang in ("fr", "es"):
            r = ag[lang]
            if r["provisions"]:
                print(f"GA 78 en-{lang} addressee agreement: {r['agree'] / r['provisions']:.3f} of "
                      f"{r['provisions']} provisions ({r['resolutions']} resolutions); "
                      f"{r['agree_addr'] / max(1, r['with_addr']):.3f} of the {r['with_addr']} with addressees")
        times = times + ag["times"]
        if a.hrc:
            hr = agreement(corpus, v, a.limit, tuple(f"akn/hrc/{n}" for n in range(54, 59)))
            for lang in ("fr", "es"):
                r = hr[lang]
                if r["provisions"]:
                    print(f"HRC 54-58 en-{lang} addressee agreement: {r['agree'] / r['provisions']:.3f} of "
                          f"{r['provisions']} provisions ({r['resolutions']} resolutions); "
                          f"{r['agree_addr'] / max(1, r['with_addr']):.3f} of the {r['with_addr']} with addressees")
    if times:
        times.sort()
        print(f"extraction CPU time per resolution: mean {1000 * sum(times) / len(times):.1f} ms, "
              f"median {1000 * times[len(times) // 2]:.1f} ms, max {1000 * times[-1]:.1f} ms "
              f"({len(times)} resolutions)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
