#!/usr/bin/python3
"""Reference values for the org.triangulate.agreement tests, computed independently of the Java code.

Run from anywhere:  /usr/bin/python3 make_reference.py
Or, to check a night's output:  /usr/bin/python3 make_reference.py data-out/<study>/agreement/agreement.csv
Needs scikit-learn (Debian's python3-sklearn; written against 1.2) and numpy.

Writes, next to this script:
  - units.csv: a fixture of participant segments (segment_id, participant_id, chars), drawn from a
    fixed seed;
  - coders.csv: which segments each coder saw and the categories it gave each (one row per coder and
    seen segment; categories separated by ';', empty when the coder left the segment uncoded);
  - reference.json: per pair of coders (names in sorted order) and category, over the segments both
    saw: the 2x2 counts, Cohen's kappa from sklearn.metrics.cohen_kappa_score on the two 0/1
    vectors, Krippendorff's alpha (nominal) from the implementation below, and each coder's share of
    the shared segments' characters coded to the category; and the worked examples of
    Krippendorff's "Computing Krippendorff's Alpha-Reliability" (2011) with this script's alpha and
    the published value.

Undefined statistics (kappa when both coders made one and the same decision throughout, alpha
when no disagreement can be expected) are null.

The alpha here is written from the coincidence-matrix definition (every ordered pair of values from
different coders within a unit adds 1/(m_u - 1) to o[c][k]; D_o and D_e from o and its marginals),
not from the Java code, and is checked against the published worked examples before anything is
written.
"""
import csv
import itertools
import json
import math
import pathlib
import random
import sys
import warnings

from sklearn.metrics import cohen_kappa_score

HERE = pathlib.Path(__file__).resolve().parent
CATEGORIES = ["access", "belonging", "clarity", "everywhere", "nobody"]


def alpha_nominal(units):
    """units: list of lists of values, None for a missing value. Returns None when undefined."""
    values = sorted({v for u in units for v in u if v is not None}, key=str)
    index = {v: i for i, v in enumerate(values)}
    o = [[0.0] * len(values) for _ in values]
    for unit in units:
        present = [v for v in unit if v is not None]
        m = len(present)
        if m < 2:
            continue
        for a, b in itertools.permutations(range(m), 2):
            o[index[present[a]]][index[present[b]]] += 1.0 / (m - 1)
    n_c = [sum(row) for row in o]
    n = sum(n_c)
    if n < 2:
        return None
    d_o = sum(o[c][k] for c in range(len(values)) for k in range(len(values)) if c != k) / n
    d_e = sum(n_c[c] * n_c[k] for c in range(len(values)) for k in range(len(values)) if c != k) / (
        n * (n - 1))
    if d_e == 0:
        return None
    return 1 - d_o / d_e


# Krippendorff (2011), section A: two observers, binary data, no missing values; alpha = 0.095.
BINARY_A = [[0, 1], [1, 1], [0, 1], [0, 0], [0, 0], [0, 1], [0, 0], [0, 0], [1, 0], [0, 0]]
# Section C: four observers, nominal values 1-5, missing values; alpha = 0.743.
_C = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
    [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
]
NOMINAL_C = [list(unit) for unit in zip(*_C)]


def worked_examples():
    examples = []
    for name, units, published in [
        ("binary_two_observers", BINARY_A, 0.095),
        ("nominal_four_observers_missing", NOMINAL_C, 0.743),
    ]:
        alpha = alpha_nominal(units)
        assert round(alpha, 3) == published, (name, alpha, published)
        examples.append({"name": name, "units": units, "alpha": alpha, "published": published})
    return examples


def make_fixture():
    rng = random.Random(21)
    units = []
    for p in range(1, 9):
        for s in range(rng.randint(6, 14)):
            units.append({"segment_id": f"s{p:02d}{s:02d}", "participant_id": f"P{p:03d}",
                          "chars": rng.randint(20, 600)})
    truth = {u["segment_id"]: {c for c in CATEGORIES[:3] if rng.random() < 0.3} for u in units}
    for u in units:
        truth[u["segment_id"]].add("everywhere")

    def noisy(cats, flip):
        out = set()
        for c in CATEGORIES[:3]:
            has = c in cats
            if rng.random() < flip:
                has = not has
            if has:
                out.add(c)
        out.add("everywhere")
        return out

    ids = [u["segment_id"] for u in units]
    by_participant = {}
    for u in units:
        by_participant.setdefault(u["participant_id"], []).append(u["segment_id"])
    coders = {
        # A tool's two coders, each on some participants (overlapping on P003-P004).
        "imported:Tool/coder-1": [s for p in ["P001", "P002", "P003", "P004"] for s in by_participant[p]],
        "imported:Tool/coder-2": [s for p in ["P003", "P004", "P005", "P006"] for s in by_participant[p]],
        # The rules and the item alignment see every segment.
        "rules": ids,
        "item": ids,
    }
    flips = {"imported:Tool/coder-1": 0.08, "imported:Tool/coder-2": 0.12, "rules": 0.25, "item": 0.4}
    rows = []
    for coder, seen in coders.items():
        for s in seen:
            rows.append({"coder": coder, "segment_id": s,
                         "categories": ";".join(sorted(noisy(truth[s], flips[coder])))})
    # "item" never uses "clarity": its kappa against anyone is 0 or undefined, never a number by luck.
    for r in rows:
        if r["coder"] == "item":
            r["categories"] = ";".join(c for c in r["categories"].split(";") if c != "clarity")
    return units, rows


def reference(units, rows):
    seen = {}
    coded = {}
    for r in rows:
        seen.setdefault(r["coder"], set()).add(r["segment_id"])
        coded[(r["coder"], r["segment_id"])] = set(filter(None, r["categories"].split(";")))
    out = []
    for first, second in itertools.combinations(sorted(seen), 2):
        shared = [u for u in units if u["segment_id"] in seen[first] and u["segment_id"] in seen[second]]
        for category in CATEGORIES:
            a = [int(category in coded[(first, u["segment_id"])]) for u in shared]
            b = [int(category in coded[(second, u["segment_id"])]) for u in shared]
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                kappa = float(cohen_kappa_score(a, b)) if shared else float("nan")
            chars = sum(u["chars"] for u in shared)
            out.append({
                "category": category, "first": first, "second": second,
                "both": sum(1 for x, y in zip(a, b) if x and y),
                "first_only": sum(1 for x, y in zip(a, b) if x and not y),
                "second_only": sum(1 for x, y in zip(a, b) if y and not x),
                "neither": sum(1 for x, y in zip(a, b) if not x and not y),
                "kappa": None if math.isnan(kappa) else kappa,
                "alpha": alpha_nominal([[x, y] for x, y in zip(a, b)]),
                "first_share": sum(u["chars"] for u, x in zip(shared, a) if x) / chars,
                "second_share": sum(u["chars"] for u, y in zip(shared, b) if y) / chars,
            })
    return out


def check_night(path):
    """Recomputes kappa and alpha of a night's agreement.csv from its 2x2 counts; prints the worst
    difference from the values the night wrote (which are rounded to 4 decimals)."""
    worst = 0.0
    rows = 0
    with open(path, newline="") as f:
        for r in csv.DictReader(f):
            counts = [int(r[k]) for k in ("both", "first_only", "second_only", "neither")]
            a = [1] * counts[0] + [1] * counts[1] + [0] * counts[2] + [0] * counts[3]
            b = [1] * counts[0] + [0] * counts[1] + [1] * counts[2] + [0] * counts[3]
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                kappa = float(cohen_kappa_score(a, b)) if a else float("nan")
            alpha = alpha_nominal([[x, y] for x, y in zip(a, b)]) if a else None
            for mine, written in ((None if math.isnan(kappa) else kappa, r["cohens_kappa"]),
                                  (alpha, r["krippendorff_alpha"])):
                if mine is None or written == "":
                    assert mine is None and written == "", (r, mine, written)
                else:
                    worst = max(worst, abs(mine - float(written)))
            rows += 1
    print(f"{rows} rows of {path}: largest difference from scikit-learn / this script {worst:.2e}")
    assert worst <= 0.00005 + 1e-12, worst


def main():
    if len(sys.argv) > 1:
        check_night(sys.argv[1])
        return
    examples = worked_examples()
    units, rows = make_fixture()
    with open(HERE / "units.csv", "w", newline="") as f:
        w = csv.DictWriter(f, ["segment_id", "participant_id", "chars"], lineterminator="\n")
        w.writeheader()
        w.writerows(units)
    with open(HERE / "coders.csv", "w", newline="") as f:
        w = csv.DictWriter(f, ["coder", "segment_id", "categories"], lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    result = {"categories": CATEGORIES, "worked_examples": examples, "pairs": reference(units, rows)}
    (HERE / "reference.json").write_text(json.dumps(result, indent=1) + "\n")


if __name__ == "__main__":
    main()
