#!/usr/bin/env python3
"""Writes a user's CSV of runs whose true law is known, to see how far discovery's laws miss beyond the data.

SLDBench's test splits say how a law did on one draw of real runs; here the law that made the data is known, so
a discovered law can be held against the truth itself, at scales no train run reached and without noise there.
The train runs are a grid of model sizes and token counts, the loss Chinchilla's law times (1 + noise), the noise
drawn with the given seed; the test runs are the same law without noise at up to 10x the largest size and 10x the
largest token count. Pass them to discovery as a user's data and its test split:

  scripts/synthetic-grid.py --seed 1 --out /tmp/grid1
  ./evosld discover --data /tmp/grid1/train.csv --test /tmp/grid1/test.csv --features params,tokens \
      --target loss --scale-axis params,tokens

discover chooses on train alone and reports the test R² and RMSE, the miss against the truth.
"""
import argparse
import pathlib
import random

# Chinchilla-like constants (Hoffmann et al. fit E = 1.69, A = 406.4, alpha = 0.34, B = 410.7, beta = 0.28)
E, A, ALPHA, B, BETA = 1.7, 400.0, 0.34, 410.0, 0.28
SIZES = [1e7, 3e7, 1e8, 3e8, 1e9]
TOKENS = [1e9, 3e9, 1e10, 3e10]
BEYOND = [(3e9, 1e11), (1e10, 3e11), (1e9, 3e11), (1e10, 3e10), (3e9, 3e10)]


def loss(n, d):
    return E + A / n ** ALPHA + B / d ** BETA


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, required=True, help="seed of the train runs' noise")
    parser.add_argument("--noise", type=float, default=0.005, help="relative noise of a train run (default 0.005)")
    parser.add_argument("--out", type=pathlib.Path, required=True, help="folder for train.csv and test.csv")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    with open(args.out / "train.csv", "w") as f:
        f.write("params,tokens,loss\n")
        for n in SIZES:
            for d in TOKENS:
                f.write("%g,%g,%.5f\n" % (n, d, loss(n, d) * (1 + rng.gauss(0, args.noise))))
    with open(args.out / "test.csv", "w") as f:
        f.write("params,tokens,loss\n")
        for n, d in BEYOND:
            f.write("%g,%g,%.5f\n" % (n, d, loss(n, d)))


if __name__ == "__main__":
    main()
