#!/usr/bin/env python3
"""Reference values for the org.triangulate.stats tests, computed independently of the Java code.

Run from anywhere:  python3 make_reference.py
Writes reference.json next to this script; the Java tests read it and compare every statistic.
Needs numpy, scipy (written against scipy 1.17) and PyYAML (for the demo study's study.yml).
Rerun it whenever data-in/demo or config/demo/study.yml changes: DemoStatisticsReferenceTest checks
the demo inputs' SHA-256 against the ones recorded here and fails, naming this script, when they differ.

What is computed here, and how (deliberately not by porting the Java code):
  - per item x (overall | grouping x group | case): counts and percentages of the five answer-A
    codes, Wilson 95% interval of the yes percentage (formula below, z = scipy.stats.norm.ppf(0.975)),
    in-place share yes / (yes + partly + no) and "in place or partly" (yes + partly) / (...),
    importance n / mean / sample SD (numpy ddof=1) / median (numpy.median) and 95% t interval of the
    mean (scipy.stats.t.ppf);
  - per item x grouping, answer A: chi-square test of independence (scipy.stats.chi2_contingency,
    correction=False) on group x answer-A code after dropping groups with fewer answers than the
    minimum and all-zero rows and columns; Cramer's V (checked against
    scipy.stats.contingency.association) and Bergsma's bias-corrected V (from its formula: scipy has
    none); when any expected count is below 5, the exact conditional p-value (all tables with the
    observed margins enumerated, each with its multivariate hypergeometric probability; checked
    against scipy's chi2_contingency(method=MonteCarloMethod)) or, when there are too many tables to
    enumerate, scipy's Monte Carlo p from many more tables than the Java code draws;
  - per item x grouping, answer B: scipy.stats.kruskal (3+ groups) or scipy.stats.mannwhitneyu
    (2 groups; method 'exact' when nothing is tied and a group has at most 8 ratings, else
    'asymptotic' with use_continuity=True: scipy's own 'auto' rule, asserted), after dropping groups
    with fewer importance ratings than the minimum; epsilon-squared H / (n - 1) from scipy's H;
  - Benjamini-Hochberg adjusted p across the items of a grouping, per answer
    (scipy.stats.false_discovery_control). Where a family's p-values include Monte Carlo ones, the
    adjusted values depend on the Java code's random tables, so none are recorded
    ("p_adjusted_depends_on_monte_carlo"); the Java test then checks the adjustment from the
    definition, and each Monte Carlo p against the exact one.

Statistics that are sums of exact rationals (H, U) are also computed with fractions.Fraction; the
recorded value is the exact one rounded once, after asserting scipy agrees with it to 1e-12, so that
values scipy leaves as rounding residue (an H of 1e-16 where the exact H is 0) do not set a target
no correct implementation could meet to 1e-9 relative.

The rules that are product decisions rather than statistics (which rows exist, which groups are
excluded, when a test is skipped) are restated here from the brief:
  - an answer counts towards n only when it has an answer-A code; importance counts when present;
  - a group has a row for an item when any of its participants has an answer record for the item;
    every study item has an overall row, even with no answers;
  - a participant without a group in a grouping is left out of that grouping only;
  - an answer-A comparison leaves out groups with n < min_group_n, then all-zero rows and columns,
    and is skipped when fewer than 2 groups or 2 answer codes remain;
  - an answer-B comparison leaves out groups with fewer importance ratings than min_group_n and is
    skipped when fewer than 2 groups remain or every rating is the same; it is named after the test
    the kept groups call for (2: mann_whitney_u, 3+: kruskal_wallis) or, when skipped for want of
    groups, after the groups that answered;
  - groups are ordered as study.yml declares the grouping's values, else alphabetically; the
    Mann-Whitney U is that of the first group.
"""
import csv
import hashlib
import itertools
import json
import math
import pathlib
from fractions import Fraction

import numpy as np
import yaml
from scipy import special, stats

HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parents[4]
CODES = {"Y": "yes", "P": "partly", "N": "no", "D": "dont_know", "R": "not_relevant", "-": None}
CATEGORIES = ["yes", "partly", "no", "dont_know", "not_relevant"]
CASE = "case"
Z = stats.norm.ppf(0.975)
SMALL_EXPECTED = 5
MW_EXACT_MAX = 8
# Tables enumerated for an exact p at most; past it scipy's Monte Carlo with SCIPY_MC_TABLES stands in.
MAX_ENUMERATED = 3_000_000
SCIPY_MC_TABLES = 200_000


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


def close(a, b, rel=1e-12, abs_=1e-12):
    return abs(a - b) <= max(rel * max(abs(a), abs(b)), abs_)


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


# ---- item rows --------------------------------------------------------------------------------

def ordered(ds, grouping, groups):
    declared = ds.get("group_order", {}).get(grouping, [])
    return sorted(groups, key=lambda g: (declared.index(g) if g in declared else len(declared), g))


def item_rows(ds):
    members = ds["memberships"]
    groupings = ds["groupings"] + [CASE]
    rows = []
    for item in ds["items"]:
        answers = [a for a in ds["answers"] if a[1] == item["id"]]
        rows.append(row(item, "all", "all", answers, ds["min_group_n"]))
        for g in groupings:
            groups = ordered(ds, g, {members[a[0]][g] for a in answers if g in members.get(a[0], {})})
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
    r["in_place_or_partly_share"] = num((counts["yes"] + counts["partly"]) / answered) if answered else None
    imp = np.array([a[3] for a in answers if a[3] is not None], dtype=float)
    r["importance_n"] = int(imp.size)
    r["importance_mean"] = num(imp.mean()) if imp.size else None
    r["importance_median"] = num(np.median(imp)) if imp.size else None
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
    r["importance_below_min_n"] = int(imp.size) < min_n
    return r


# ---- answer A: chi-square, Cramer's V, exact / Monte Carlo p ------------------------------------

def bias_corrected_v(chi2, n, r, c):
    """Bergsma (2013), from the formula."""
    if n <= 1:
        return None
    phi2 = max(0.0, chi2 / n - (r - 1) * (c - 1) / (n - 1))
    rr = r - (r - 1) ** 2 / (n - 1)
    cc = c - (c - 1) ** 2 / (n - 1)
    d = min(rr - 1, cc - 1)
    return math.sqrt(phi2 / d) if d > 0 else None


def compositions(total, bounds):
    """All vectors v with 0 <= v <= bounds and sum(v) == total, as an array (one per row)."""
    out = []

    def rec(i, left, prefix):
        if i == len(bounds) - 1:
            if left <= bounds[i]:
                out.append(prefix + [left])
            return
        for v in range(min(left, int(bounds[i])) + 1):
            rec(i + 1, left - v, prefix + [v])

    rec(0, total, [])
    return np.array(out, dtype=np.int64).reshape(-1, len(bounds))


def exact_chi2_p(table):
    """P(X2 >= observed X2) over all tables with the observed margins, or None if too many."""
    table = np.asarray(table, dtype=np.int64)
    rows, cols = table.sum(axis=1), table.sum(axis=0)
    n = int(table.sum())
    expected = np.outer(rows, cols) / n
    observed = ((table - expected) ** 2 / expected).sum()
    bar = observed * (1 - 1e-9)
    estimate = 1
    for r in rows[:-1]:
        estimate *= math.comb(int(r) + len(cols) - 1, len(cols) - 1)
    if estimate > MAX_ENUMERATED * 50:
        return None
    log_const = (special.gammaln(rows + 1).sum() + special.gammaln(cols + 1).sum() - special.gammaln(n + 1))
    total = [0.0, 0.0, 0]  # probability of tables at least as extreme, of all tables, tables seen

    def walk(i, remaining, partial_x2, partial_log):
        if i == len(rows) - 2:
            comps = compositions(int(rows[i]), remaining)
            last = remaining[None, :] - comps
            ok = (last >= 0).all(axis=1)
            comps, last = comps[ok], last[ok]
            total[2] += len(comps)
            if total[2] > MAX_ENUMERATED:
                raise OverflowError
            x2 = (partial_x2 + ((comps - expected[i]) ** 2 / expected[i]).sum(axis=1)
                  + ((last - expected[i + 1]) ** 2 / expected[i + 1]).sum(axis=1))
            logp = (log_const + partial_log - special.gammaln(comps + 1).sum(axis=1)
                    - special.gammaln(last + 1).sum(axis=1))
            prob = np.exp(logp)
            total[0] += prob[x2 >= bar].sum()
            total[1] += prob.sum()
            return
        for comp in compositions(int(rows[i]), remaining):
            walk(i + 1, remaining - comp, partial_x2 + ((comp - expected[i]) ** 2 / expected[i]).sum(),
                 partial_log - special.gammaln(comp + 1).sum())

    try:
        walk(0, cols.copy(), 0.0, 0.0)
    except OverflowError:
        return None
    assert abs(total[1] - 1) < 1e-9, total  # the enumerated probabilities are a distribution
    return min(1.0, total[0])


def scipy_monte_carlo_p(table, resamples, seed):
    res = stats.chi2_contingency(table, correction=False,
                                 method=stats.MonteCarloMethod(n_resamples=resamples,
                                                               rng=np.random.default_rng(seed)))
    return float(res.pvalue)


def monte_carlo_reference(table, seed):
    """The exact conditional p where it can be enumerated (checked against scipy's Monte Carlo),
    else scipy's Monte Carlo p from SCIPY_MC_TABLES tables."""
    exact = exact_chi2_p(table)
    mc = scipy_monte_carlo_p(table, 100_000 if exact is not None else SCIPY_MC_TABLES, seed)
    if exact is not None:
        se = math.sqrt(max(exact * (1 - exact), 1e-5) / 100_000)
        assert abs(mc - exact) <= 5 * se + 1 / 100_001, (table, exact, mc)
        return {"p_reference": exact, "reference": "exact", "reference_tables": None}
    return {"p_reference": mc, "reference": "scipy_monte_carlo", "reference_tables": SCIPY_MC_TABLES}


def happening_comparison(ds, item, g, answers):
    members = ds["memberships"]
    by_group = {}
    for a in answers:
        grp = members.get(a[0], {}).get(g)
        if grp is not None and a[2] is not None:
            by_group.setdefault(grp, []).append(a[2])
    kept = ordered(ds, g, [k for k, v in by_group.items() if len(v) >= ds["min_group_n"]])
    excluded = ordered(ds, g, [k for k, v in by_group.items() if len(v) < ds["min_group_n"]])
    c = {"item_id": item["id"], "grouping": g, "family": "happening", "test": "chi_square",
         "groups": kept, "excluded": excluded, "skipped": True, "statistic": None, "df": None,
         "p_value": None, "monte_carlo": False, "p_adjusted": None, "effect_size": None,
         "cramers_v_bias_corrected": None}
    if len(kept) < 2:
        return c
    table = np.array([[by_group[k].count(cat) for cat in CATEGORIES] for k in kept])
    keep_rows = table.sum(axis=1) > 0
    table = table[keep_rows][:, table.sum(axis=0) > 0]
    if table.shape[0] < 2 or table.shape[1] < 2:
        return c
    res = stats.chi2_contingency(table, correction=False)
    v = math.sqrt(res.statistic / (table.sum() * (min(table.shape) - 1)))
    v_scipy = stats.contingency.association(table, method="cramer", correction=False)
    assert abs(v - v_scipy) <= 1e-12 * max(v, 1e-300), (v, v_scipy)
    c.update(skipped=False, statistic=num(res.statistic), df=int(res.dof), p_value=num(res.pvalue),
             effect_size=num(v),
             cramers_v_bias_corrected=num(bias_corrected_v(res.statistic, table.sum(), *table.shape)),
             groups=[k for k, keep in zip(kept, keep_rows) if keep])
    if (res.expected_freq < SMALL_EXPECTED).any():
        c["monte_carlo"] = True
        c.update(monte_carlo_reference(table, seed=len(item["id"]) * 1000 + len(g)))
    return c


# ---- answer B: Kruskal-Wallis, Mann-Whitney U --------------------------------------------------

def exact_ranks(values):
    """Average ranks as Fractions."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    ranks = [None] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = Fraction(i + j + 2, 2)
        i = j + 1
    return ranks


def exact_h(samples):
    """Tie-corrected Kruskal-Wallis H as a Fraction, or None when every value is the same."""
    pooled = [v for s in samples for v in s]
    n = len(pooled)
    ranks = exact_ranks(pooled)
    ties = sum(t ** 3 - t for t in (pooled.count(v) for v in set(pooled)))
    if n ** 3 - n - ties == 0:
        return None
    h, at = Fraction(0), 0
    for s in samples:
        rank_sum = sum(ranks[at:at + len(s)])
        at += len(s)
        h += rank_sum * rank_sum / len(s)
    h = Fraction(12, n * (n + 1)) * h - 3 * (n + 1)
    return h / (1 - Fraction(ties, n ** 3 - n))


def rank_test(samples):
    """What the Java importance test must produce for these samples (2+ non-empty ones)."""
    h = exact_h(samples)
    if h is None:
        return None
    n = sum(len(s) for s in samples)
    kw = stats.kruskal(*samples)
    assert close(float(h), kw.statistic), (samples, float(h), kw.statistic)
    df = len(samples) - 1
    out = {"epsilon_squared": float(h) / (n - 1), "h": float(h)}
    if len(samples) >= 3:
        p = stats.chi2.sf(float(h), df)
        assert close(p, kw.pvalue, rel=1e-9), (p, kw.pvalue)
        out.update(test="kruskal_wallis", statistic=float(h), df=df, p_value=float(p), exact=False)
        return out
    x, y = samples
    pooled = list(x) + list(y)
    ties = len(set(pooled)) < len(pooled)
    method = "exact" if not ties and min(len(x), len(y)) <= MW_EXACT_MAX else "asymptotic"
    mw = stats.mannwhitneyu(x, y, use_continuity=True, alternative="two-sided", method=method)
    auto = stats.mannwhitneyu(x, y, use_continuity=True, alternative="two-sided")
    assert auto.pvalue == mw.pvalue, "scipy's auto rule is no longer the one the Java code follows"
    ranks = exact_ranks(pooled)
    u1 = sum(ranks[:len(x)]) - Fraction(len(x) * (len(x) + 1), 2)
    assert close(float(u1), mw.statistic), (float(u1), mw.statistic)
    out.update(test="mann_whitney_u", statistic=float(u1), df=None, p_value=float(mw.pvalue),
               exact=method == "exact")
    return out


def importance_comparison(ds, item, g, answers):
    members = ds["memberships"]
    present, ratings = set(), {}
    for a in answers:
        grp = members.get(a[0], {}).get(g)
        if grp is None:
            continue
        present.add(grp)
        if a[3] is not None:
            ratings.setdefault(grp, []).append(float(a[3]))
    kept = ordered(ds, g, [k for k in present if len(ratings.get(k, [])) >= ds["min_group_n"]])
    excluded = ordered(ds, g, [k for k in present if len(ratings.get(k, [])) < ds["min_group_n"]])
    named = kept if len(kept) >= 2 else present
    c = {"item_id": item["id"], "grouping": g, "family": "importance",
         "test": "kruskal_wallis" if len(named) >= 3 else "mann_whitney_u",
         "groups": kept, "excluded": excluded, "skipped": True, "statistic": None, "df": None,
         "p_value": None, "monte_carlo": False, "p_adjusted": None, "effect_size": None, "exact": None}
    if len(kept) < 2:
        return c
    result = rank_test([ratings[k] for k in kept])
    if result is None:
        return c
    c.update(skipped=False, test=result["test"], statistic=result["statistic"], df=result["df"],
             p_value=result["p_value"], effect_size=result["epsilon_squared"], exact=result["exact"])
    return c


# ---- families and Benjamini-Hochberg -----------------------------------------------------------

def comparisons(ds):
    out = []
    for g in ds["groupings"]:
        for family, compare in (("happening", happening_comparison), ("importance", importance_comparison)):
            rows = [compare(ds, item, g, [a for a in ds["answers"] if a[1] == item["id"]])
                    for item in ds["items"]]
            out.extend(rows)
            tested = [c for c in rows if not c["skipped"]]
            if not tested:
                continue
            if any(c["monte_carlo"] for c in tested):
                for c in tested:
                    c["p_adjusted_depends_on_monte_carlo"] = True
                continue
            adjusted = stats.false_discovery_control([c["p_value"] for c in tested], method="bh")
            for c, q in zip(tested, adjusted):
                c["p_adjusted"] = num(q)
    return out


def dataset(name, min_group_n, groupings, memberships, items, answers, group_order=None, sources=None):
    ds = {"name": name, "min_group_n": min_group_n, "groupings": groupings, "memberships": memberships,
          "items": items, "answers": answers, "group_order": group_order or {}}
    if sources:
        ds["sources"] = sources
    ds["expected"] = {"items": item_rows(ds), "comparisons": comparisons(ds)}
    return ds


# ---- datasets ----------------------------------------------------------------------------------

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


def tiny():
    """Minimum group n 1: a group of one enters the tests; ties everywhere; no ties (exact U)."""
    size = {"t1": "big", "t2": "big", "t3": "big", "t4": "pair", "t5": "pair", "t6": "one", "t7": "big"}
    members = {pid: {CASE: "k" + pid[1], "size": g, "half": "a" if pid <= "t4" else "b"}
               for pid, g in size.items()}
    pids = sorted(members)
    items = [{"id": "ties_everywhere", "domain": "t"}, {"id": "no_ties", "domain": "t"},
             {"id": "identical", "domain": "t"}, {"id": "two_values", "domain": "t"}]
    # importance is not held to a scale by the statistics, so 1..7 gives ratings without ties
    answers = (answers_for("ties_everywhere", pids, "YYNNPYN", "4444111")
               + answers_for("no_ties", pids, "YPNDRYN", "4172536")
               + answers_for("identical", pids, "YYYYYYY", "3333333")
               + answers_for("two_values", pids, "YNYNYNY", "1212121"))
    return dataset("tiny", 1, ["size", "half"], members, items, answers)


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
    answers += [[pid, "i11", {"north": "yes", "south": "no", "east": "partly"}[members[pid]["site"]],
                 {"north": 4, "south": 1, "east": 2}[members[pid]["site"]]] for pid in pids]
    return dataset("fdr", 3, ["site"], members, items, answers)


def large():
    """Large groups, expected counts all >= 5: the asymptotic p alone, BH from scipy throughout."""
    rng = np.random.default_rng(7)
    members = {"w%03d" % (i + 1): {CASE: "z%d" % (i % 4), "team": ["red", "blue"][i % 2],
                                   "region": ["n", "s", "w"][i % 3]} for i in range(120)}
    pids = sorted(members)
    items, answers = [], []
    for k, shift in enumerate([0.0, 0.15, 0.3]):
        item = "l%d" % k
        items.append({"id": item, "domain": "g"})
        for pid in pids:
            red = members[pid]["team"] == "red"
            p = np.array([0.35 + (shift if red else 0), 0.3, 0.35 - (shift if red else 0)])
            code = ["yes", "partly", "no"][rng.choice(3, p=p / p.sum())]
            imp = int(rng.integers(2, 5)) if red and shift else int(rng.integers(1, 5))
            answers.append([pid, item, code, imp])
    return dataset("large", 5, ["team", "region"], members, items, answers)


class StringsLoader(yaml.SafeLoader):
    """YAML 1.1 reads unquoted yes / no / on / off as booleans; study.yml means the words."""


StringsLoader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:bool"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}


def demo():
    """The demo study as the nightly job sees it: data-in/demo read with the ingest rules."""
    study = yaml.load((REPO / "config/demo/study.yml").read_text(encoding="utf-8"), Loader=StringsLoader)
    files = ["config/demo/study.yml", "data-in/demo/cases.csv", "data-in/demo/participants.csv",
             "data-in/demo/responses.csv"]
    sources = {f: hashlib.sha256((REPO / f).read_bytes()).hexdigest() for f in files}

    def read(name):
        with open(REPO / "data-in/demo" / name, encoding="utf-8-sig", newline="") as f:
            return [{k.strip().lower(): (v or "").strip() for k, v in r.items()} for r in csv.DictReader(f)]

    def norm(s):
        return " ".join(s.strip().lower().replace("\u2019", "'").split())

    case_attrs = [a["id"] for a in study.get("case-attributes", [])]
    part_attrs = [a["id"] for a in study.get("participant-attributes", [])]
    allowed = {a["id"]: list(a["values"]) for a in study.get("case-attributes", []) + study.get("participant-attributes", [])}
    cases = {}
    for r in read("cases.csv"):
        if r["case_id"] and r["case_id"] not in cases and all(r.get(a) in allowed[a] for a in case_attrs):
            cases[r["case_id"]] = {a: r[a] for a in case_attrs}
    members = {}
    for r in read("participants.csv"):
        if r["participant_id"] and r["participant_id"] not in members and r["case_id"] in cases \
                and all(r.get(a) in allowed[a] for a in part_attrs):
            members[r["participant_id"]] = {CASE: r["case_id"], **cases[r["case_id"]], **{a: r[a] for a in part_attrs}}
    spellings = {}
    for code, accepted in study["happening"].items():
        for s in [code] + accepted:
            spellings[norm(s)] = code
    item_ids = [i["id"] for i in study["items"]]
    lo, hi = study["importance"]["min"], study["importance"]["max"]
    answers, seen = [], set()
    for r in read("responses.csv"):
        pid, item, imp = r["participant_id"], r["item_id"], r["importance"]
        code = spellings.get(norm(r["happening"]))
        if pid not in members or item not in item_ids or code is None:
            continue
        if imp and not (imp.isdigit() and lo <= int(imp) <= hi):
            continue
        if (pid, item) in seen:
            continue
        seen.add((pid, item))
        answers.append([pid, item, code, int(imp) if imp else None])
    items = [{"id": i["id"], "domain": i["domain"]} for i in study["items"]]
    order = {a["id"]: list(a["values"]) for a in study.get("case-attributes", []) + study.get("participant-attributes", [])}
    return dataset("demo", study["patterns"]["min-group-n"], study["groupings"], members, items, answers,
                   group_order=order, sources=sources)


# ---- unit-level vectors ------------------------------------------------------------------------

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


def rank_vectors():
    """Samples for the rank tests alone, edge cases first."""
    cases = [
        ("group of one", [[3], [1, 2, 4, 4], [2, 2, 3]]),
        ("ties everywhere", [[1, 1, 1, 2], [1, 2, 2, 2], [2, 2, 1, 1]]),
        ("two values only", [[1, 1, 1, 1, 4], [4, 4, 4, 4, 1]]),
        ("equal mean ranks", [[1, 4], [2, 3]]),
        ("identical", [[3, 3, 3], [3, 3]]),
        ("exact, no ties, small", [[1.5, 3.2, 7.1], [2.0, 4.4, 5.9, 8.8]]),
        ("exact, complete separation", [[1, 2, 3, 4, 5, 6, 7, 8], [9, 10, 11, 12, 13, 14, 15, 16, 17, 18]]),
        ("exact, group of one", [[5.5], [1, 2, 3, 4, 6, 7]]),
        ("no ties but both large", [list(range(1, 19, 2)), list(range(2, 20, 2))]),
        ("ties, small", [[1, 2, 2], [3, 3, 4]]),
        ("likert, 3 groups", [[4, 4, 3, 4, 2, 4, 3], [1, 2, 2, 1, 3, 2], [3, 3, 2, 4, 3]]),
        ("likert, 6 groups", [[4, 4, 3], [2, 2, 1, 2], [3, 3, 3, 4], [1, 1, 2], [4, 3, 4, 4], [2, 3, 2]]),
        ("tiny p", [[1] * 30 + [2] * 10, [4] * 30 + [3] * 10]),
    ]
    out = []
    for name, samples in cases:
        samples = [[float(v) for v in s] for s in samples]
        out.append({"name": name, "samples": samples, "expected": rank_test(samples)})
    return out


def monte_carlo_tables():
    """Tables whose Monte Carlo p the Java code estimates, with the p it estimates."""
    tables = [
        ("2x2 small", [[3, 1], [1, 3]]),
        ("2x3 with a sparse column", [[5, 0, 2], [1, 4, 2]]),
        ("3x3 sparse", [[4, 1, 0], [1, 3, 1], [0, 1, 4]]),
        ("3x5 like a stakeholder table", [[3, 1, 0, 1, 0], [0, 2, 3, 0, 1], [1, 1, 1, 2, 0]]),
        ("6x3 one per cell or so", [[2, 1, 0], [0, 2, 1], [1, 0, 2], [2, 1, 0], [0, 1, 2], [1, 1, 1]]),
        ("independent, p near 1", [[2, 2, 2], [2, 2, 2]]),
        ("separated, p tiny", [[6, 0, 0], [0, 6, 0], [0, 0, 6]]),
    ]
    out = []
    for i, (name, t) in enumerate(tables):
        res = stats.chi2_contingency(np.array(t), correction=False)
        ref = monte_carlo_reference(np.array(t), seed=1000 + i)
        out.append({"name": name, "table": t, "statistic": float(res.statistic), "p_asymptotic": float(res.pvalue),
                    **ref})
    return out


def main():
    out = {
        "generator": "make_reference.py",
        "scipy": __import__("scipy").__version__,
        "numpy": np.__version__,
        "datasets": [mixed(), edges(), tiny(), fdr(), large(), demo()],
        "benjamini_hochberg": bh_vectors(),
        "rank_tests": rank_vectors(),
        "monte_carlo_tables": monte_carlo_tables(),
    }
    path = HERE / "reference.json"
    path.write_text(json.dumps(out, indent=1, allow_nan=False) + "\n", encoding="utf-8")
    print("wrote", path)


if __name__ == "__main__":
    main()
