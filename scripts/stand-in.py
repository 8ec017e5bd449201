#!/usr/bin/env python3
"""Builds train-only stand-ins of SLDBench tasks, to judge a change to the search without the test split.

For each task, the rows of train that mimic how test was cut become the stand-in's test.csv and the rest its
train.csv; the real test.csv is never read. Run discovery on the result with `--data-dir OUT` (or
`evosld bench --data-dir OUT`) and compare how the chosen laws do on the held-out rows (DEVELOPERS.md,
"Changing the search").

  scripts/stand-in.py --data-dir ../shared/sldbench --out /tmp/stand-in [--top-values N] [TASK ...]

The cut follows the task's config: per group, the rows at the top `holdout.top_values` values of any scale
axis (`--top-values N` instead, for a test split cut deeper than the config validates: data_constrained's
test is the two largest values of params and of tokens, `--top-values 2`), or the top
`holdout.top_fraction` of rows along it. lr_bsz's test split is the largest model trained on
more data than any train run, so its stand-in holds out the largest train model's runs at its largest data
size (47 rows). A task without a scale axis (domain_mixture: test is new mixtures) holds out a quarter of each
group's runs, drawn with a fixed seed among those inside the range of the runs left, so that the stand-in
grades interpolation as its test does. Needs Python 3 with PyYAML.
"""
import argparse
import csv
import math
import random
import pathlib
import sys

import yaml

ROOT = pathlib.Path(__file__).resolve().parent.parent

# Cuts that are not the config's holdout rule: (feature, feature) pairs whose joint maximum is held out.
JOINT_TOP = {"lr_bsz_scaling_law": ("non_embedding_param_size", "data_size")}


def held_out(task, config, header, rows, top_values=None):
    """Indices of the rows that form the stand-in's test split."""
    axes = config.get("scale_axis") or []
    holdout = dict(config.get("holdout") or {})
    if top_values is not None and "top_values" in holdout:
        holdout["top_values"] = top_values
    groups = {}
    for i, row in enumerate(rows):
        groups.setdefault(row[0], []).append(i)
    out = set()
    for members in groups.values():
        if task in JOINT_TOP:
            first, second = (header.index(name) for name in JOINT_TOP[task])
            top = max(float(rows[i][first]) for i in members)
            at_top = [i for i in members if float(rows[i][first]) == top]
            most = max(float(rows[i][second]) for i in at_top)
            out.update(i for i in at_top if float(rows[i][second]) == most)
        elif "top_values" in holdout:
            for axis in axes:
                c = header.index(axis)
                values = sorted({float(rows[i][c]) for i in members}, reverse=True)
                threshold = values[min(holdout["top_values"], len(values)) - 1]
                out.update(i for i in members if float(rows[i][c]) >= threshold)
        elif "folds" in holdout:
            features = [header.index(f["name"]) for f in config["features"]]
            out.update(inside_sample(rows, members, len(members) // 4, features))
        elif "top_fraction" in holdout:
            c = header.index(axes[0])
            ordered = sorted(members, key=lambda i: float(rows[i][c]))
            count = max(1, math.ceil(len(ordered) * holdout["top_fraction"]))
            out.update(ordered[-count:])
    return out


def inside_sample(rows, members, count, features):
    """A seeded sample of `count` rows, each inside the range of the rows left on every feature column."""
    order = sorted(members)
    random.Random(0).shuffle(order)
    chosen = []
    for i in order:
        if len(chosen) == count:
            break
        rest = [r for r in members if r != i and r not in chosen]
        if all(min(float(rows[r][c]) for r in rest) <= float(rows[i][c]) <= max(float(rows[r][c]) for r in rest)
               for c in features):
            chosen.append(i)
    return chosen


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", required=True, type=pathlib.Path)
    parser.add_argument("--out", required=True, type=pathlib.Path)
    parser.add_argument("--top-values", type=int,
                        help="hold out this many top values of each scale axis, not the config's holdout.top_values")
    parser.add_argument("tasks", nargs="*")
    args = parser.parse_args()
    tasks = args.tasks or sorted(p.stem for p in (ROOT / "configs").glob("*.yaml"))
    for task in tasks:
        config = yaml.safe_load((ROOT / "configs" / f"{task}.yaml").read_text())
        with open(args.data_dir / task / "train.csv", newline="") as f:
            reader = csv.reader(f)
            header = next(reader)
            rows = list(reader)
        test = held_out(task, config, header, rows, args.top_values)
        target = args.out / task
        target.mkdir(parents=True, exist_ok=True)
        for name, keep in (("train.csv", lambda i: i not in test), ("test.csv", lambda i: i in test)):
            with open(target / name, "w", newline="") as f:
                writer = csv.writer(f, lineterminator="\n")
                writer.writerow(header)
                writer.writerows(row for i, row in enumerate(rows) if keep(i))
        print(f"{task}: {len(rows) - len(test)} train, {len(test)} held out", file=sys.stderr)


if __name__ == "__main__":
    main()
