#!/usr/bin/env python3
"""The extract/parse ratio per page, from the files `cargo bench --bench extract` leaves in
target/criterion/ (median time of each). Goal: extract ≤ 2 × parse.

    python3 benches/ratio.py [--markdown] [--min]

`--min` takes each benchmark's fastest sample (a sample is the mean of many iterations)
instead of criterion's median: on a shared machine other load only ever adds time, so the
fastest sample is the least disturbed figure for both sides of the ratio.
"""

import glob
import json
import os
import statistics
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CRIT = os.path.join(ROOT, "target", "criterion")


def median_ns(path):
    if "--min" in sys.argv:
        with open(os.path.join(path, "new", "sample.json")) as f:
            s = json.load(f)
        return min(t / n for t, n in zip(s["times"], s["iters"]))
    with open(os.path.join(path, "new", "estimates.json")) as f:
        return json.load(f)["median"]["point_estimate"]


def main():
    rows = []
    for group in sorted(glob.glob(os.path.join(CRIT, "page_*"))):
        p, e = os.path.join(group, "parse"), os.path.join(group, "extract")
        if not (os.path.isdir(p) and os.path.isdir(e)):
            continue
        with open(os.path.join(p, "new", "benchmark.json")) as f:
            size = json.load(f)["throughput"]["Bytes"]
        tp, te = median_ns(p), median_ns(e)
        rows.append((os.path.basename(group)[5:], size, tp / 1e6, te / 1e6, te / tp))
    if not rows:
        sys.exit("no criterion results: run `cargo bench --bench extract` first")
    md = "--markdown" in sys.argv
    if md:
        print("| page | bytes | parse ms | extract ms | extract/parse |")
        print("| --- | ---: | ---: | ---: | ---: |")
    for name, size, tp, te, r in sorted(rows, key=lambda r: r[1]):
        if md:
            print(f"| {name} | {size:,} | {tp:.2f} | {te:.2f} | {r:.2f} |")
        else:
            print(f"{name:<16} {size:>9} B  parse {tp:8.2f} ms  extract {te:8.2f} ms  ratio {r:5.2f}")
    ratios = [r[4] for r in rows]
    worst = max(rows, key=lambda r: r[4])
    print(f"\n{len(rows)} pages: extract/parse median {statistics.median(ratios):.2f}, "
          f"worst {worst[4]:.2f} ({worst[0]}), best {min(ratios):.2f}; "
          f"{sum(r <= 2 for r in ratios)}/{len(rows)} at or under 2")


if __name__ == "__main__":
    main()
