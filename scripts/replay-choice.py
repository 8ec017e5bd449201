#!/usr/bin/env python3
"""Replays the choice of a law over the candidates of finished runs, with other tolerances than the search's.

A run's checkpoint.json holds every candidate's validation error and its standard error, and the per-row
errors of the Pareto front's laws, so a choice rule can be judged without searching again: for each run under a
bench directory (built on train-only stand-ins, never on the real test split), take the simplest candidate
whose validation error is within `t` standard errors of the best, for each tolerance `t` (or, for `paired`,
the search's own rule: within one standard error of the paired difference from the best), and score it on the
stand-in's held-out rows with `evosld fit` (its default starts: 512 since `a146489`, 128 in the replays
DEVELOPERS.md reports). DEVELOPERS.md ("Half a standard error", "Paired differences") shows how the search's
rule was chosen this way.

  scripts/replay-choice.py --bench /tmp/si-bench --data-dir /tmp/stand-in --tolerances 0.5,1,paired

Prints one line per run: task, seed, and per tolerance the held-out R² of the law it chooses. Needs Python 3.
"""
import argparse
import json
import math
import pathlib
import statistics
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent


def choose(cache, tolerance):
    """The simplest (nodes + parameters, then error) candidate within `tolerance` standard errors of the best."""
    valid = [e for e in cache if e["failure"] is None and e["validation_error"] is not None]
    best = min(valid, key=lambda e: e["validation_error"])
    acceptable = best["validation_error"] + tolerance * best["standard_error"]
    within = [e for e in valid if e["validation_error"] <= acceptable]
    return min(within, key=lambda e: (e["node_count"] + e["parameter_count"], e["validation_error"]))


def complexity(entry):
    return entry["node_count"] + entry["parameter_count"]


def front(cache):
    """The Pareto front as the search computes it: simplest first, each strictly better than all simpler."""
    valid = [e for e in cache if e["failure"] is None and e["validation_error"] is not None]
    valid.sort(key=lambda e: (complexity(e), e["validation_error"]))
    result, best = [], math.inf
    for entry in valid:
        if entry["validation_error"] < best:
            result.append(entry)
            best = entry["validation_error"]
    return result


def standard_error(segments):
    """Segments' means averaged like independent means, each with the standard error sd / sqrt(n)."""
    variance = sum(statistics.variance(s) / len(s) if len(s) > 1 else math.inf for s in segments)
    return math.sqrt(variance) / len(segments)


def choose_paired(cache):
    """The simplest front law within one standard error of the paired difference from the best."""
    laws = front(cache)
    best = min(laws, key=lambda e: e["validation_error"])
    for entry in laws:
        differences = [[a - b for a, b in zip(mine, theirs)] for mine, theirs in zip(entry["errors"], best["errors"])]
        if entry["validation_error"] - best["validation_error"] <= standard_error(differences):
            return entry
    return best


def held_out_r2(evosld, data_dir, task, law):
    result = subprocess.run([evosld, "fit", "--data-dir", data_dir, "--task", task, "--law", law, "--json"],
                            capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"evosld fit failed for {task}: {law}\n{result.stderr.strip()}")
    return json.loads(result.stdout)["test_r2"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench", required=True, help="a bench directory of finished runs on stand-ins")
    parser.add_argument("--data-dir", required=True, help="the stand-ins the bench ran on")
    parser.add_argument("--tolerances", default="paired,0.5,1",
                        help="standard errors or 'paired', comma-separated (default: paired,0.5,1)")
    parser.add_argument("--evosld", default=str(ROOT / "evosld"), help="the launcher (default: this checkout's)")
    args = parser.parse_args()
    tolerances = [t if t == "paired" else float(t) for t in args.tolerances.split(",")]
    scored = {}
    for run in sorted(pathlib.Path(args.bench).glob("*/seed-*")):
        checkpoint = run / "checkpoint.json"
        if not checkpoint.is_file():
            continue
        task = run.parent.name
        cache = json.loads(checkpoint.read_text())["cache"]
        cells = []
        for tolerance in tolerances:
            law = (choose_paired(cache) if tolerance == "paired" else choose(cache, tolerance))["law"]
            if (task, law) not in scored:
                scored[task, law] = held_out_r2(args.evosld, args.data_dir, task, law)
            r2 = scored[task, law]
            cells.append(f"{tolerance}: " + ("failed" if r2 is None else f"{r2:.4f}"))
        print(task, run.name, "  ".join(cells), flush=True)


if __name__ == "__main__":
    main()
