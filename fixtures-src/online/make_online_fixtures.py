#!/usr/bin/env python3
"""Telemetry fixtures for reg's online readouts and the values they must produce, computed here with
numpy and scipy, outside reg. Run from the repository root:

    python3 fixtures-src/online/make_online_fixtures.py

It writes src/test/resources/online/: two canary arms (control plain, treatment gzip), a drift
reference and current set, a stream of continuous values for exact quantiles, and expected.json with
every figure and the numpy/scipy versions that computed it. The figures follow the definitions in
DESIGN.md section 2 and docs/online-statistics.md; scipy provides Welch's interval
(ttest_ind(equal_var=False).confidence_interval), the chi-square test, normal quantiles, quantiles
(np.quantile, type 7) and the Jensen-Shannon distance (scipy.spatial.distance.jensenshannon, base 2).
"""
import gzip
import json
import math
import os
import sys

import numpy as np
import scipy
from scipy import stats
from scipy.spatial.distance import jensenshannon

OUT = os.path.join("src", "test", "resources", "online")
ALPHA = 0.05
POWER = 0.80
SPLIT = 0.20
TUNING = 5000.0
Z = stats.norm.ppf(1 - ALPHA / 2)
ZP = stats.norm.ppf(POWER)
T0 = 1758240000  # 2025-09-19T00:00:00Z


def iso(ts):
    return np.datetime_as_string(np.datetime64(int(ts), "s"), unit="s") + "Z"


def canary_events(rng, n, treat):
    out = []
    for i in range(n):
        e = {"event_id": f"{'t' if treat else 'c'}-{i:05d}", "timestamp": iso(T0 + 60 * i),
             "journey": ["copilot", "extract", "route"][i % 3], "model": "cust-copilot-1.3.4",
             "prompt_version": "2.4.0" if treat else "2.3.0"}
        if rng.random() >= 0.03:
            e["latency_ms"] = int(rng.lognormal(6.3 + (0.05 if treat else 0.0), 0.4))
        if rng.random() >= 0.02:
            e["cost_usd"] = round(float(rng.gamma(2.0, 0.0031 if treat else 0.003)), 5)
        if rng.random() >= 0.05:
            e["success"] = bool(rng.random() < (0.91 if treat else 0.88))
        e["guardrail"] = {"toxicity": False, "pii": bool(rng.random() < 0.005),
                          "jailbreak": bool(rng.random() < (0.012 if treat else 0.01))}
        if rng.random() >= 0.1:
            judge = min(5.0, max(1.0, rng.normal(4.35 if treat else 4.2, 0.5)))
            e["scores"] = {"grounded_judge": round(float(judge), 1), "exact": round(float(rng.random()), 2)}
        e["decision"] = str(rng.choice(["allow", "allow", "allow", "allow", "block", "redact"]))
        e["unknown_field"] = {"kept": "and ignored"}
        out.append(e)
    return out


def write_jsonl(path, events, gz=False):
    text = "".join(json.dumps(e, separators=(",", ":")) + "\n" for e in events)
    if gz:
        with open(path, "wb") as f:
            with gzip.GzipFile(fileobj=f, mode="wb", mtime=0, filename="") as g:
                g.write(text.encode())
    else:
        with open(path, "w") as f:
            f.write(text)


def wilson(x, n):
    p = x / n
    d = 1 + Z * Z / n
    c = (p + Z * Z / (2 * n)) / d
    h = Z * math.sqrt(p * (1 - p) / n + Z * Z / (4 * n * n)) / d
    return c - h, c + h


def multiplier(n):
    rho2 = (-2 * math.log(ALPHA) + math.log(1 - 2 * math.log(ALPHA))) / TUNING
    nr = n * rho2
    return math.sqrt(2 * (nr + 1) / nr * math.log(math.sqrt(nr + 1) / ALPHA))


def rel(mt, vt, mc, vc):
    """relative lift mt/mc - 1 and the delta-method standard error from the variances of the means"""
    return mt / mc - 1, math.sqrt(vt / mc ** 2 + mt ** 2 * vc / mc ** 4)


def interval(value, se, q):
    return {"value": value, "low": value - q * se, "high": value + q * se}


def canary_expected(control, treatment):
    metrics = {}

    def binary(name, get):
        xs = [[get(e) for e in arm if get(e) is not None] for arm in (treatment, control)]
        (nt, ht), (nc, hc) = [(len(v), sum(v)) for v in xs]
        pt, pc = ht / nt, hc / nc
        lt, ut = wilson(ht, nt)
        lc, uc = wilson(hc, nc)
        d = pt - pc
        fixed = {"value": d, "low": d - math.hypot(pt - lt, uc - pc), "high": d + math.hypot(ut - pt, pc - lc)}
        at, ac = (ht + 1) / (nt + 2), (hc + 1) / (nc + 2)
        se_ac = math.sqrt(at * (1 - at) / (nt + 2) + ac * (1 - ac) / (nc + 2))
        n = nt + nc
        m = {"type": "binary", "control": {"n": nc, "hits": hc, "mean": pc}, "treatment": {"n": nt, "hits": ht, "mean": pt},
             "difference": fixed, "mde": (Z + ZP) * se_ac,
             "sequential": {"difference": interval(d, se_ac, multiplier(n)), "mde": (multiplier(n) + ZP) * se_ac}}
        if pc > 0:
            r, se = rel(pt, pt * (1 - pt) / nt, pc, pc * (1 - pc) / nc)
            m["relative"] = interval(r, se, Z)
            m["sequential"]["relative"] = interval(r, se, multiplier(n))
        metrics[name] = m

    def mean(name, get, kind):
        t = np.array([get(e) for e in treatment if get(e) is not None], dtype=float)
        c = np.array([get(e) for e in control if get(e) is not None], dtype=float)
        res = stats.ttest_ind(t, c, equal_var=False)
        ci = res.confidence_interval(1 - ALPHA)
        vt, vc = t.var(ddof=1), c.var(ddof=1)
        se = math.sqrt(vt / len(t) + vc / len(c))
        d = t.mean() - c.mean()
        r, rse = rel(t.mean(), vt / len(t), c.mean(), vc / len(c))
        n = len(t) + len(c)
        metrics[name] = {"type": kind, "control": {"n": len(c), "mean": c.mean(), "variance": vc},
                         "treatment": {"n": len(t), "mean": t.mean(), "variance": vt},
                         "difference": {"value": d, "low": float(ci.low), "high": float(ci.high), "df": float(res.df)},
                         "relative": interval(r, rse, Z), "mde": (Z + ZP) * se,
                         "sequential": {"difference": interval(d, se, multiplier(n)), "relative": interval(r, rse, multiplier(n)),
                                        "mde": (multiplier(n) + ZP) * se}}

    def ratio(arm):
        pairs = [(e["cost_usd"], 1.0 if e["success"] else 0.0) for e in arm if "cost_usd" in e and "success" in e]
        x = np.array([p[0] for p in pairs])
        y = np.array([p[1] for p in pairs])
        n = len(x)
        mx, my = x.mean(), y.mean()
        sx, sy = x.var(ddof=1), y.var(ddof=1)
        sxy = np.cov(x, y, ddof=1)[0, 1]
        var = (sx / my ** 2 - 2 * mx * sxy / my ** 3 + mx ** 2 * sy / my ** 4) / n
        return n, mx / my, var

    binary("success", lambda e: e.get("success"))
    for flag in ("jailbreak", "pii", "toxicity"):
        binary("guardrail." + flag, lambda e, f=flag: e["guardrail"].get(f))
    mean("latency_ms", lambda e: e.get("latency_ms"), "latency")
    mean("cost_usd", lambda e: e.get("cost_usd"), "cost")
    for s in ("grounded_judge", "exact"):
        mean(s, lambda e, s=s: e.get("scores", {}).get(s), "score")
    (nt, rt, vt), (nc, rc, vc) = ratio(treatment), ratio(control)
    se = math.sqrt(vt + vc)
    r, rse = rel(rt, vt, rc, vc)
    n = nt + nc
    metrics["cost_per_success"] = {"type": "ratio", "control": {"n": nc, "mean": rc}, "treatment": {"n": nt, "mean": rt},
                                   "difference": interval(rt - rc, se, Z), "relative": interval(r, rse, Z), "mde": (Z + ZP) * se,
                                   "sequential": {"difference": interval(rt - rc, se, multiplier(n)),
                                                  "relative": interval(r, rse, multiplier(n)), "mde": (multiplier(n) + ZP) * se}}
    n_c, n_t = len(control), len(treatment)
    chi = stats.chisquare([n_c, n_t], f_exp=[(n_c + n_t) * (1 - SPLIT), (n_c + n_t) * SPLIT])
    return {"alpha": ALPHA, "power": POWER, "split": SPLIT, "z": Z, "tuning": TUNING,
            "srm": {"control": n_c, "treatment": n_t, "chi_square": float(chi.statistic), "p": float(chi.pvalue)},
            "metrics": metrics}


def drift_events(rng, n, current):
    out = []
    for i in range(n):
        if current:
            journey = str(rng.choice(["copilot", "extract", "triage"], p=[0.5, 0.3, 0.2]))  # triage only here, route never
            model = str(rng.choice(["cust-copilot-1.3.4", "cust-copilot-1.4.0"]))
        else:
            journey = str(rng.choice(["copilot", "extract", "route"], p=[0.5, 0.3, 0.2]))
            model = "cust-copilot-1.3.4"
        e = {"timestamp": iso(T0 + (86400 if current else 0) + 30 * i), "journey": journey, "model": model,
             "prompt_version": "2.3.0", "decision": str(rng.choice(["allow", "block", "redact"], p=[0.8, 0.15 if current else 0.1, 0.05 if current else 0.1]))}
        e["latency_ms"] = int(rng.lognormal(6.4 if current else 6.3, 0.45))
        # heavy ties: most requests cost the same, so several deciles coincide and merge
        e["cost_usd"] = 0.005 if rng.random() < 0.6 else round(float(rng.uniform(0.004, 0.012 if current else 0.01)), 5)
        e["guardrail"] = {"jailbreak": bool(rng.random() < (0.03 if current else 0.01)), "pii": bool(rng.random() < 0.02)}
        e["scores"] = {"exact": round(float(rng.beta(5, 2 if current else 1.6)), 2)}
        v = rng.normal([0.2, -0.1, 0.05, 0.3] if current else [0.2, -0.1, 0.0, 0.35], 0.1)
        e["embedding"] = [round(float(x), 4) for x in v]
        out.append(e)
    return out


def drift_expected(ref, cur):
    fields = {}
    probs = np.arange(1, 10) / 10

    def categorical(name, get):
        r = [get(e) for e in ref if get(e) is not None]
        c = [get(e) for e in cur if get(e) is not None]
        cats = sorted(set(r) | set(c))
        rc = np.array([r.count(k) for k in cats], dtype=float)
        cc = np.array([c.count(k) for k in cats], dtype=float)
        put(name, "categorical", cats, None, rc, cc, len(r), len(c))

    def numeric(name, get):
        r = np.array([get(e) for e in ref if get(e) is not None], dtype=float)
        c = np.array([get(e) for e in cur if get(e) is not None], dtype=float)
        raw = np.quantile(r, probs)
        edges = [float(raw[0])]
        for x in raw[1:]:
            if x != edges[-1]:
                edges.append(float(x))
        e = np.array(edges)
        # bins (-inf, e1], (e1, e2], ..., (ek, inf): a value's bin is the number of edges below it
        rb = np.searchsorted(e, r, side="left")
        cb = np.searchsorted(e, c, side="left")
        k = len(edges) + 1
        rc = np.bincount(rb, minlength=k).astype(float)
        cc = np.bincount(cb, minlength=k).astype(float)
        put(name, "numeric", None, {"raw_edges": [float(x) for x in raw], "edges": edges}, rc, cc, len(r), len(c))

    def put(name, kind, cats, edges, rc, cc, nr, nc):
        rs, cs = rc / nr, cc / nc
        rf = np.where(rs == 0, 0.0001, rs)
        cf = np.where(cs == 0, 0.0001, cs)
        f = {"type": kind, "n_reference": nr, "n_current": nc, "reference_counts": [int(x) for x in rc],
             "current_counts": [int(x) for x in cc], "reference_shares": [float(x) for x in rs], "current_shares": [float(x) for x in cs],
             "psi": float(np.sum((cf - rf) * np.log(cf / rf))), "kl": float(np.sum(rf * np.log(rf / cf))),
             "js": float(jensenshannon(rs, cs, base=2))}
        if cats is not None:
            f["categories"] = cats
        if edges is not None:
            f.update(edges)
        fields[name] = f

    for n in ("journey", "decision", "model", "prompt_version"):
        categorical(n, lambda e, n=n: e.get(n))
    for g in ("jailbreak", "pii"):
        categorical("guardrail." + g, lambda e, g=g: None if g not in e["guardrail"] else ("true" if e["guardrail"][g] else "false"))
    numeric("latency_ms", lambda e: e.get("latency_ms"))
    numeric("cost_usd", lambda e: e.get("cost_usd"))
    numeric("exact", lambda e: e["scores"].get("exact"))
    mr = np.mean([e["embedding"] for e in ref], axis=0)
    mc = np.mean([e["embedding"] for e in cur], axis=0)
    cos = 1 - float(np.dot(mr, mc) / (np.linalg.norm(mr) * np.linalg.norm(mc)))
    rates = {
        "exact": [float(np.mean([e["scores"]["exact"] for e in ref])), float(np.mean([e["scores"]["exact"] for e in cur]))],
        "refusal": [float(np.mean([e["decision"] == "block" for e in ref])), float(np.mean([e["decision"] == "block" for e in cur]))],
        "guardrail.jailbreak": [float(np.mean([e["guardrail"]["jailbreak"] for e in ref])),
                                float(np.mean([e["guardrail"]["jailbreak"] for e in cur]))],
    }
    return {"fields": fields, "embedding": {"cosine_distance": cos}, "rates": rates}


def main():
    os.makedirs(OUT, exist_ok=True)
    rng = np.random.default_rng(20250919)
    control = canary_events(rng, 1200, False)
    treatment = canary_events(rng, 300, True)
    write_jsonl(os.path.join(OUT, "canary-control.jsonl"), control)
    write_jsonl(os.path.join(OUT, "canary-treatment.jsonl.gz"), treatment, gz=True)
    ref = drift_events(rng, 1000, False)
    cur = drift_events(rng, 800, True)
    write_jsonl(os.path.join(OUT, "drift-reference.jsonl"), ref)
    write_jsonl(os.path.join(OUT, "drift-current.jsonl.gz"), cur, gz=True)
    # continuous values (no ties to speak of) for the exact-quantile refinement passes
    values = [float(x) for x in rng.normal(250.0, 40.0, 3001)] + [float(x) for x in rng.exponential(3.0, 999)] + [0.0, -0.0, -12.5]
    quantile_cases = {"values": values, "probabilities": [float(p) for p in np.arange(1, 10) / 10],
                      "quantiles": [float(q) for q in np.quantile(np.array(values), np.arange(1, 10) / 10)]}
    small = [3.0, 1.0, 4.0, 1.0, 5.0, 9.0, 2.0, 6.0]
    quantile_cases["small"] = {"values": small, "quantiles": [float(q) for q in np.quantile(np.array(small), np.arange(1, 10) / 10)]}
    expected = {"generated_by": "fixtures-src/online/make_online_fixtures.py", "python": sys.version.split()[0],
                "numpy": np.__version__, "scipy": scipy.__version__,
                "canary": canary_expected(control, treatment), "drift": drift_expected(ref, cur), "quantiles": quantile_cases}
    with open(os.path.join(OUT, "expected.json"), "w") as f:
        json.dump(expected, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
