#!/usr/bin/env python3
"""Spearman's rho between the `accuracy` column of a CSV and each column after it (the proxies'
scores), over the rows written so far: reads runtime/target/zero-cost-nb201.csv or
zero-cost-fashion-mnist.csv, of a finished or a stopped run. Ties get their mean rank; a score
that is not finite ranks below every finite one.

    benchmarks/spearman.py FILE.csv
"""
import csv
import math
import sys


def ranks(values):
    order = sorted(range(len(values)), key=lambda i: values[i])
    result = [0.0] * len(values)
    start = 0
    while start < len(order):
        end = start
        while end + 1 < len(order) and values[order[end + 1]] == values[order[start]]:
            end += 1
        for k in range(start, end + 1):
            result[order[k]] = (start + end) / 2 + 1
        start = end + 1
    return result


def pearson(x, y):
    mx, my = sum(x) / len(x), sum(y) / len(y)
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y))
    sxx = sum((a - mx) ** 2 for a in x)
    syy = sum((b - my) ** 2 for b in y)
    return sxy / math.sqrt(sxx * syy)


def main(path):
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    header, rows = rows[0], [r for r in rows[1:] if len(r) == len(rows[0])]
    accuracy = [float(r[1]) for r in rows]
    for column in range(2, len(header)):
        scores = [float(r[column]) for r in rows]
        scores = [s if math.isfinite(s) else -sys.float_info.max for s in scores]
        print(f"{header[column]}: Spearman rho {pearson(ranks(scores), ranks(accuracy)):.3f}"
              f" over {len(rows)} rows")


if __name__ == "__main__":
    main(sys.argv[1])
