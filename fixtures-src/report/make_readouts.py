#!/usr/bin/env python3
"""Writes the hand-made online readouts the report tests commit into the demo registry
(src/test/resources/report/online/support_copilot/), in DESIGN.md's reg.canary/1 and reg.drift/1
shapes. The figures are made up but consistent: differences and relative lifts come from the arms'
means and standard deviations (Welch; relative lift by the delta method) or counts (Newcombe's
hybrid score interval, method 10), so the charts show what a real readout would.

    python3 fixtures-src/report/make_readouts.py src/test/resources/report/online/support_copilot
"""
import json
import math
import os
import sys

Z = 1.959963984540054


def welch(n1, m1, s1, n2, m2, s2):
    d = m2 - m1
    se = math.sqrt(s1 * s1 / n1 + s2 * s2 / n2)
    r = m2 / m1 - 1
    ser = math.sqrt((s2 * s2 / n2) / (m1 * m1) + (m2 * m2 * s1 * s1 / n1) / (m1 ** 4))
    return (d, d - Z * se, d + Z * se), (r, r - Z * ser, r + Z * ser)


def wilson(k, n):
    p = k / n
    den = 1 + Z * Z / n
    c = (p + Z * Z / (2 * n)) / den
    h = Z * math.sqrt(p * (1 - p) / n + Z * Z / (4 * n * n)) / den
    return c - h, c + h


def newcombe(k1, n1, k2, n2):
    p1, p2 = k1 / n1, k2 / n2
    l1, u1 = wilson(k1, n1)
    l2, u2 = wilson(k2, n2)
    d = p2 - p1
    return d, d - math.sqrt((p2 - l2) ** 2 + (u1 - p1) ** 2), d + math.sqrt((u2 - p2) ** 2 + (p1 - l1) ** 2)


def r6(x):
    return round(x, 6)


def est(t, method):
    return {"value": r6(t[0]), "low": r6(t[1]), "high": r6(t[2]), "method": method}


def canary(release, recorded, verdict, reasons, arms, bars, srm):
    metrics = []
    for name, typ, a, b in arms:
        if typ == "binary":
            (k1, n1), (k2, n2) = a, b
            d = newcombe(k1, n1, k2, n2)
            p1 = k1 / n1
            rel = (d[0] / p1, d[1] / p1, d[2] / p1)
            metrics.append({"metric": name, "type": typ, "control": {"n": n1, "mean": r6(p1)}, "treatment": {"n": n2, "mean": r6(k2 / n2)},
                            "difference": est(d, "Newcombe hybrid score (method 10)"), "relative": est(rel, "delta method")})
        else:
            (n1, m1, s1), (n2, m2, s2) = a, b
            d, r = welch(n1, m1, s1, n2, m2, s2)
            metrics.append({"metric": name, "type": typ, "control": {"n": n1, "mean": m1}, "treatment": {"n": n2, "mean": m2},
                            "difference": est(d, "Welch t"), "relative": est(r, "delta method")})
    return {"format": "reg.canary/1", "release": release, "recorded": recorded, "srm": {"p": srm}, "metrics": metrics,
            "verdict": verdict, "reasons": reasons, "bars": bars,
            "inputs": [{"name": "events-control.jsonl.gz", "bytes": 1843211, "sha256": "sha256:" + "3" * 64, "events": 9000},
                       {"name": "events-treatment.jsonl.gz", "bytes": 204400, "sha256": "sha256:" + "4" * 64, "events": 1000}],
            # a field a newer reg might write: readers ignore what they do not know
            "unknown_field_from_a_newer_reg": {"kept": True}}


def drift(at, level, fields, emb):
    return {"format": "reg.drift/1",
            "fields": [{"field": f, "type": t, "psi": p, "kl": k, "js": j, "level": lv, "n_reference": 5000, "n_current": 4000}
                       for f, t, p, k, j, lv in fields],
            "embedding": emb, "level": level, "window": {"length": None, "from": at[:11] + "00:00:00Z", "to": at},
            "thresholds": {"psi": {"yellow": 0.1, "red": 0.25}, "js": {"yellow": 0.1, "red": 0.2},
                           "embedding": {"yellow": 0.05, "red": 0.1}, "min_events": 200}}


def main(out):
    os.makedirs(out, exist_ok=True)

    def write(name, doc):
        with open(os.path.join(out, name), "w") as f:
            json.dump(doc, f, indent=2)

    control = [("grounded_judge", "score", (9000, 4.10, 0.55)), ("cost_usd", "cost", (9000, 0.0061, 0.0018)),
               ("guardrail.jailbreak", "binary", (18, 9000))]
    write("canary-release-1.json", canary(1, "2026-11-18T09:30:00Z", "promote", ["every bar met"],
        [(n, t, c, tr) for (n, t, c), tr in zip(control, [(1000, 4.51, 0.50), (1000, 0.00618, 0.0018), (2, 1000)])],
        [{"metric": "grounded_judge", "bar": "min_uplift", "threshold": 0.08, "relative": True, "status": "pass"},
         {"metric": "cost_usd", "bar": "max_increase", "threshold": 0.05, "relative": True, "status": "pass"},
         {"metric": "guardrail.jailbreak", "bar": "no_regression", "relative": False, "status": "pass"},
         {"metric": "grounded_judge", "bar": "stop_loss", "threshold": -0.05, "relative": True, "status": "pass"}], 0.41))
    write("canary-release-3.json", canary(3, "2026-12-01T03:10:00Z", "rollback",
        ["grounded_judge: the relative lift's interval lies entirely below the stop-loss -5%"],
        [(n, t, c, tr) for (n, t, c), tr in zip(control, [(1000, 3.80, 0.62), (1000, 0.00640, 0.0019), (3, 1000)])],
        [{"metric": "grounded_judge", "bar": "min_uplift", "threshold": 0.08, "relative": True, "status": "fail"},
         {"metric": "cost_usd", "bar": "max_increase", "threshold": 0.05, "relative": True, "status": "inconclusive"},
         {"metric": "guardrail.jailbreak", "bar": "no_regression", "relative": False, "status": "inconclusive"},
         {"metric": "grounded_judge", "bar": "stop_loss", "threshold": -0.05, "relative": True, "status": "fail"}], 0.62))
    write("drift-2026-11-18.json", drift("2026-11-18T23:00:00Z", "green", [
        ("journey", "categorical", 0.004, 0.004, 0.031, "green"), ("latency_ms", "numeric", 0.031, 0.03, 0.087, "green"),
        ("cost_usd", "numeric", 0.022, 0.021, 0.073, "green"), ("scores.grounded_judge", "numeric", 0.018, 0.018, 0.067, "green")],
        {"cosine_distance": 0.012, "level": "green", "dimension": 8}))
    write("drift-2026-11-25.json", drift("2026-11-25T23:00:00Z", "yellow", [
        ("journey", "categorical", 0.006, 0.006, 0.038, "green"), ("latency_ms", "numeric", 0.142, 0.133, 0.181, "yellow"),
        ("cost_usd", "numeric", 0.041, 0.04, 0.099, "green"), ("scores.grounded_judge", "numeric", 0.052, 0.05, 0.112, "yellow")],
        {"cosine_distance": 0.034, "level": "green", "dimension": 8}))
    write("drift-2026-12-01.json", drift("2026-12-01T02:00:00Z", "red", [
        ("journey", "categorical", 0.007, 0.007, 0.04, "green"), ("latency_ms", "numeric", 0.168, 0.151, 0.195, "yellow"),
        ("cost_usd", "numeric", 0.048, 0.046, 0.104, "yellow"), ("scores.grounded_judge", "numeric", 0.312, 0.284, 0.262, "red")],
        {"cosine_distance": 0.121, "level": "red", "dimension": 8}))
    # recorded beside the readouts by 'reg drift --record', and not a readout itself
    write("reference-profile.json", {"format": "reg.drift-profile/1", "quantiles": "type 7", "events": 5000, "fields": []})
    # a stray file: the report lists it as a finding
    with open(os.path.join(out, "notes.json"), "w") as f:
        f.write('{"note": "hand-written notes, not a readout"}\n')


if __name__ == "__main__":
    main(sys.argv[1])
