#!/usr/bin/env python3
"""Reference values for the org.triangulate.stats tests, computed independently of the Java code.

Run from anywhere:  python3 make_reference.py
Writes reference.json next to this script; the Java tests read it and compare every statistic.
Needs numpy and scipy (written against scipy 1.17).

What is computed here, and how (deliberately not by porting the Java code):
  - per item x (overall | grouping x group): counts and percentages of the five answer-A codes,
    Wilson 95% interval of the yes percentage (formula below, z = scipy.stats.norm.ppf(0.975)),
    in-place share yes / (yes + partly + no), importance n / mean / sample SD (numpy ddof=1) and
    95% t interval of the mean (scipy.stats.t.ppf);
  - per item x grouping: chi-square test of independence (scipy.stats.chi2_contingency,
    correction=False) on group x answer-A code after dropping groups with fewer answers than the
    minimum and all-zero rows and columns; Cramer's V (checked against
    scipy.stats.contingency.association); Benjamini-Hochberg adjusted p across the items of a
    grouping (scipy.stats.false_discovery_control).

The rules that are product decisions rather than statistics (which rows exist, which groups are
excluded, when a test is skipped) are restated here from the brief:
  - an answer counts towards n only when it has an answer-A code; importance counts when present;
  - a group has a row for an item when any of its participants has an answer record for the item;
    every study item has an overall row, even with no answers;
  - a participant without a group in a grouping is left out of that grouping only;
  - a comparison leaves out groups with n < min_group_n, then all-zero rows and columns, and is
    skipped when fewer than 2 groups or 2 answer codes remain.
"""
import json
import math
import pathlib

import numpy as np
from scipy import stats

CODES = {"Y": "yes", "P": "partly", "N": "no", "D": "dont_know", "R": "not_relevant", "-": None}
CATEGORIES = ["yes", "partly", "no", "dont_know", "not_relevant"]
CASE = "case"
Z = stats.norm.ppf(0.975)


def wilson(k, n):
    """Wilson score interval for k successes in n trials, as proportions."""
    p = k / n
    denom = 1 + Z * Z / n
    centre = (p + Z * Z / (2 * n)) / denom
    half = Z * math.sqrt(p * (1 - p) / n + Z * Z / (4 * n * n)) / denom
    return centre - half, centre + half


def num(x):
    """JSON has no NaN: undefined values are null."""
    if x is None:
        return None
    x = float(x)
    return None if math.isnan(x) else x


def answers_for(item, pids, codes, importances):
    """One answer per participant: codes uses Y P N D R, '-' for a blank A and '.' for no answer
    record at all; importances uses digits, '_' for blank, '.' aligned with codes' '.'."""
    codes = codes.replace(" ", "")
    importances = importances.replace(" ", "")
    assert len(codes) == len(pids) == len(importances), (item, len(codes), len(pids), len(importances))
    out = []
    for pid, c, i in zip(pids, codes, importances):
        if c == ".":
            assert i == "."
            continue
        out.append([pid, item, CODES[c], None if i == "_" else int(i)])
    return out


def item_rows(ds):
    members = ds["memberships"]
    groupings = ds["groupings"] + [CASE]
    rows = []
    for item in ds["items"]:
        answers = [a for a in ds["answers"] if a[1] == item["id"]]
        rows.append(row(item, "all", "all", answers, ds["min_group_n"]))
        for g in groupings:
            groups = sorted({members[a[0]][g] for a in answers if g in members.get(a[0], {})})
            for grp in groups:
                sub = [a for a in answers if members.get(a[0], {}).get(g) == grp]
                rows.append(row(item, g, grp, sub, ds["min_group_n"]))
    return rows


def row(item, grouping, group, answers, min_n):
    coded = [a[2] for a in answers if a[2] is not None]
    n = len(coded)
    counts = {c: coded.count(c) for c in CATEGORIES}
    r = {"item_id": item["id"], "domain": item["domain"], "grouping": grouping, "group": group, "n": n}
    for c in CATEGORIES:
        r["n_" + c] = counts[c]
    for c in CATEGORIES:
        r["pct_" + c] = num(100 * counts[c] / n) if n else None
    lo, hi = wilson(counts["yes"], n) if n else (None, None)
    r["pct_yes_ci_low"] = num(100 * lo) if n else None
    r["pct_yes_ci_high"] = num(100 * hi) if n else None
    answered = counts["yes"] + counts["partly"] + counts["no"]
    r["in_place_share"] = num(counts["yes"] / answered) if answered else None
    imp = np.array([a[3] for a in answers if a[3] is not None], dtype=float)
    r["importance_n"] = int(imp.size)
    r["importance_mean"] = num(imp.mean()) if imp.size else None
    if imp.size >= 2:
        sd = imp.std(ddof=1)
        t = stats.t.ppf(0.975, imp.size - 1)
        half = t * sd / math.sqrt(imp.size)
        r["importance_sd"] = num(sd)
        r["importance_ci_low"] = num(imp.mean() - half)
        r["importance_ci_high"] = num(imp.mean() + half)
    else:
        r["importance_sd"] = r["importance_ci_low"] = r["importance_ci_high"] = None
    r["below_min_n"] = n < min_n
    return r


def comparisons(ds):
    members = ds["memberships"]
    out = []
    for g in ds["groupings"]:
        tested = []
        for item in ds["items"]:
            answers = [a for a in ds["answers"] if a[1] == item["id"] and a[2] is not None]
            by_group = {}
            for a in answers:
                grp = members.get(a[0], {}).get(g)
                if grp is not None:
                    by_group.setdefault(grp, []).append(a[2])
            kept = sorted(k for k, v in by_group.items() if len(v) >= ds["min_group_n"])
            excluded = sorted(k for k, v in by_group.items() if len(v) < ds["min_group_n"])
            c = {"item_id": item["id"], "grouping": g, "groups": kept, "excluded": excluded,
                 "skipped": True, "statistic": None, "df": None, "p_value": None,
                 "p_adjusted": None, "effect_size": None}
            out.append(c)
            if len(kept) < 2:
                continue
            table = np.array([[by_group[k].count(cat) for cat in CATEGORIES] for k in kept])
            table = table[table.sum(axis=1) > 0][:, table.sum(axis=0) > 0]
            if table.shape[0] < 2 or table.shape[1] < 2:
                continue
            res = stats.chi2_contingency(table, correction=False)
            v = math.sqrt(res.statistic / (table.sum() * (min(table.shape) - 1)))
            v_scipy = stats.contingency.association(table, method="cramer", correction=False)
            assert abs(v - v_scipy) <= 1e-12 * max(v, 1e-300), (v, v_scipy)
            c.update(skipped=False, statistic=num(res.statistic), df=int(res.dof), p_value=num(res.pvalue),
                     effect_size=num(v))
            tested.append(c)
        if tested:
            adjusted = stats.false_discovery_control([c["p_value"] for c in tested], method="bh")
            for c, q in zip(tested, adjusted):
                c["p_adjusted"] = num(q)
    return out


def dataset(name, min_group_n, groupings, memberships, items, answers):
    ds = {"name": name, "min_group_n": min_group_n, "groupings": groupings, "memberships": memberships,
          "items": items, "answers": answers}
    ds["expected"] = {"items": item_rows(ds), "comparisons": comparisons(ds)}
    return ds


def mixed():
    """16 participants in 4 cases; a case-level and a participant-level grouping; blanks in B."""
    cases = {"c1": ("nhs", "inpatient"), "c2": ("nhs", "community"),
             "c3": ("voluntary", "community"), "c4": ("voluntary", "bme_specific")}
    roles = ["service_user", "peer_worker", "line_manager", "service_user"]
    members = {}
    for i in range(16):
        case = "c%d" % (i // 4 + 1)
        members["p%02d" % (i + 1)] = {CASE: case, "employer": cases[case][0], "setting": cases[case][1],
                                      "stakeholder_group": roles[i % 4]}
    pids = sorted(members)
    items = [{"id": "alpha", "domain": "d1"}, {"id": "beta", "domain": "d1"}, {"id": "gamma", "domain": "d2"}]
    answers = (answers_for("alpha", pids, "YYPY YYYN NPNN DNPN", "4432 3_44 2311 1_21")
               + answers_for("beta", pids, "YPNY DYRY PNYY NNYD", "3333 2413 _4_2 3342")
               + answers_for("gamma", pids, "NNNP NNDN RNNP YNNN", "4444 4344 4434 4443"))
    return dataset("mixed", 3, ["employer", "setting", "stakeholder_group"], members, items, answers)


def edges():
    """A case of one, a group of one, identical answers, zero cells, ties, blanks, missing groups."""
    members = {}
    layout = [("k1", "a", 5), ("k2", "b", 4), ("k3", "b", 1)]
    i = 0
    for case, org, size in layout:
        for _ in range(size):
            i += 1
            members["q%02d" % i] = {CASE: case, "org": org, "role": "solo" if i == 10 else ("x" if i % 2 else "y")}
    del members["q09"]["role"]  # a participant with no role: left out of that grouping only
    pids = sorted(members)
    items = [{"id": "all_yes", "domain": "e"}, {"id": "no_substantive", "domain": "e"},
             {"id": "zero_cells", "domain": "e"}, {"id": "one_importance", "domain": "e"},
             {"id": "sparse", "domain": "e"}, {"id": "unanswered", "domain": "e"}]
    answers = (answers_for("all_yes", pids, "YYYYY YYYY Y", "44444 4444 4")
               + answers_for("no_substantive", pids, "DDRDR DRDD R", "_____ ____ _")
               + answers_for("zero_cells", pids, "YYYYY NNNN N", "43434 1212 2")
               + answers_for("one_importance", pids, "YNYNY -NYP D", "_____ 2___ _")
               + answers_for("sparse", pids, "YY..Y N... Y", "12..3 4... 1"))
    return dataset("edges", 3, ["org", "role"], members, items, answers)


def fdr():
    """Many items in one grouping, seeded, to exercise Benjamini-Hochberg (incl. tied p-values)."""
    rng = np.random.default_rng(20240611)
    members = {}
    for i in range(30):
        members["r%02d" % (i + 1)] = {CASE: "s%d" % (i // 6 + 1), "site": ["north", "south", "east"][i % 3]}
    pids = sorted(members)
    items, answers = [], []
    shifts = [0.0, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.0, 0.3]
    for k, shift in enumerate(shifts):
        item = "i%02d" % k
        items.append({"id": item, "domain": "f"})
        for pid in pids:
            site = members[pid]["site"]
            p_yes = {"north": 0.3 + shift, "south": 0.3, "east": 0.3 - shift / 2}[site]
            p = np.clip([p_yes, 0.25, 1 - p_yes - 0.35, 0.05, 0.05], 0.001, None)
            code = CATEGORIES[rng.choice(5, p=p / p.sum())]
            imp = None if rng.random() < 0.1 else int(rng.integers(1, 5))
            answers.append([pid, item, code, imp])
    # an item answered exactly like i03, so its p-value ties with i03's
    items.append({"id": "i10", "domain": "f"})
    answers += [[a[0], "i10", a[2], a[3]] for a in answers if a[1] == "i03"]
    # an item that separates the sites completely, so its p-value is tiny (precision of the tail)
    items.append({"id": "i11", "domain": "f"})
    answers += [[pid, "i11", {"north": "yes", "south": "no", "east": "partly"}[members[pid]["site"]], 4]
                for pid in pids]
    return dataset("fdr", 3, ["site"], members, items, answers)


def bh_vectors():
    vectors = [
        [0.01, 0.04, 0.03, 0.005, 0.2],
        [0.5, 0.5, 0.5],
        [0.001, 0.001, 0.04, 0.04, 0.9, 1.0],
        [0.049, 0.048, 0.047],
        [1e-12, 0.3, 0.02, 0.02, 0.6, 0.0301, 0.999],
        [0.7],
    ]
    return [{"p": v, "adjusted": [num(q) for q in stats.false_discovery_control(v, method="bh")]} for v in vectors]


def main():
    out = {
        "generator": "make_reference.py",
        "scipy": __import__("scipy").__version__,
        "numpy": np.__version__,
        "datasets": [mixed(), edges(), fdr()],
        "benjamini_hochberg": bh_vectors(),
    }
    path = pathlib.Path(__file__).with_name("reference.json")
    path.write_text(json.dumps(out, indent=1, allow_nan=False) + "\n", encoding="utf-8")
    print("wrote", path)


if __name__ == "__main__":
    main()
