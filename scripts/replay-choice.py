#!/usr/bin/env python3
"""Replays the choice of a law over the candidates of finished runs, with other tolerances than the search's.

A run's checkpoint.json holds every candidate's validation error and its standard error, so a choice rule can
be judged without searching again: for each run under a bench directory (built on train-only stand-ins, never
on the real test split), take the simplest candidate whose validation error is within `t` standard errors of
the best, for each tolerance `t`, and score it on the stand-in's held-out rows with `evosld fit`.
DEVELOPERS.md ("Half a standard error") shows how the search's tolerance was chosen this way.

  scripts/replay-choice.py --bench /tmp/si-bench --data-dir /tmp/stand-in --tolerances 0.5,1

Prints one line per run: task, seed, and per tolerance the held-out R² of the law it chooses. Needs Python 3.
"""
import argparse
import json
import pathlib
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
    parser.add_argument("--tolerances", default="0.5,1", help="standard errors, comma-separated (default: 0.5,1)")
    parser.add_argument("--evosld", default=str(ROOT / "evosld"), help="the launcher (default: this checkout's)")
    args = parser.parse_args()
    tolerances = [float(t) for t in args.tolerances.split(",")]
    scored = {}
    for run in sorted(pathlib.Path(args.bench).glob("*/seed-*")):
        checkpoint = run / "checkpoint.json"
        if not checkpoint.is_file():
            continue
        task = run.parent.name
        cache = json.loads(checkpoint.read_text())["cache"]
        cells = []
        for tolerance in tolerances:
            law = choose(cache, tolerance)["law"]
            if (task, law) not in scored:
                scored[task, law] = held_out_r2(args.evosld, args.data_dir, task, law)
            r2 = scored[task, law]
            cells.append(f"{tolerance:g}: " + ("failed" if r2 is None else f"{r2:.4f}"))
        print(task, run.name, "  ".join(cells), flush=True)


if __name__ == "__main__":
    main()
