#!/usr/bin/env python3
"""Plot bench-output/scaling.csv (from `cargo bench --bench scaling`) as two SVG charts.

    python3 benches/plot_scaling.py [CSV] [OUT_DIR]

Writes OUT_DIR/scaling-time.svg and OUT_DIR/scaling-memory.svg (default docs/benchmarks/),
log-log axes, one line per series, and prints per series the log-log slope of time and of peak
memory versus input size (1.0 is linear) and the spread of ns/byte and bytes/byte. Plain SVG
written by hand: no plotting library needed.
"""

import csv
import math
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CSV = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "bench-output", "scaling.csv")
OUT = sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, "docs", "benchmarks")
COLORS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd"]


def load(path):
    series = {}
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            series.setdefault(row["series"], []).append(
                (int(row["bytes"]), float(row["extract_ms"]), int(row["peak_heap_bytes"]))
            )
    return series


def slope(points):
    """Least-squares slope and R² of log(y) against log(x)."""
    xs = [math.log(x) for x, _ in points]
    ys = [math.log(y) for _, y in points]
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    sxx = sum((x - mx) ** 2 for x in xs)
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
    syy = sum((y - my) ** 2 for y in ys)
    b = sxy / sxx
    r2 = (sxy * sxy) / (sxx * syy) if syy else 1.0
    return b, r2


def nice_ticks(lo, hi):
    ticks = []
    e = math.floor(math.log10(lo))
    while 10**e <= hi * 1.0001:
        for m in (1, 3):
            v = m * 10**e
            if lo / 1.0001 <= v <= hi * 1.0001:
                ticks.append(v)
        e += 1
    return ticks


def fmt_bytes(v):
    for unit, f in (("MB", 1e6), ("KB", 1e3)):
        if v >= f:
            return f"{v / f:g} {unit}"
    return f"{v:g} B"


def fmt_ms(v):
    return f"{v / 1000:g} s" if v >= 1000 else f"{v:g} ms"


def chart(title, ylabel, series, key, yfmt, path, note):
    w, h, ml, mr, mt, mb = 720, 440, 80, 170, 48, 56
    pw, ph = w - ml - mr, h - mt - mb
    xs = [p[0] for pts in series.values() for p in pts]
    ys = [key(p) for pts in series.values() for p in pts]
    x0, x1 = math.log10(min(xs) / 1.3), math.log10(max(xs) * 1.3)
    y0, y1 = math.log10(min(ys) / 1.5), math.log10(max(ys) * 1.5)

    def px(x):
        return ml + (math.log10(x) - x0) / (x1 - x0) * pw

    def py(y):
        return mt + ph - (math.log10(y) - y0) / (y1 - y0) * ph

    o = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" '
        'font-family="DejaVu Sans, Arial, sans-serif" font-size="12">',
        f'<rect width="{w}" height="{h}" fill="white"/>',
        f'<text x="{ml}" y="24" font-size="15" font-weight="bold">{title}</text>',
        f'<text x="{ml}" y="40" fill="#555">{note}</text>',
    ]
    for t in nice_ticks(10**x0, 10**x1):
        o.append(f'<line x1="{px(t):.1f}" y1="{mt}" x2="{px(t):.1f}" y2="{mt + ph}" stroke="#e5e5e5"/>')
        o.append(f'<text x="{px(t):.1f}" y="{mt + ph + 16}" text-anchor="middle">{fmt_bytes(t)}</text>')
    for t in nice_ticks(10**y0, 10**y1):
        o.append(f'<line x1="{ml}" y1="{py(t):.1f}" x2="{ml + pw}" y2="{py(t):.1f}" stroke="#e5e5e5"/>')
        o.append(f'<text x="{ml - 6}" y="{py(t) + 4:.1f}" text-anchor="end">{yfmt(t)}</text>')
    o.append(f'<rect x="{ml}" y="{mt}" width="{pw}" height="{ph}" fill="none" stroke="#888"/>')
    o.append(f'<text x="{ml + pw / 2}" y="{h - 14}" text-anchor="middle">input size (log scale)</text>')
    o.append(
        f'<text transform="translate(18 {mt + ph / 2}) rotate(-90)" text-anchor="middle">{ylabel} (log scale)</text>'
    )
    # A dashed slope-1 guide through the first point of the first series: linear growth.
    first = next(iter(series.values()))
    bx, by = first[0][0], key(first[0])
    gx = max(xs)
    o.append(
        f'<line x1="{px(bx):.1f}" y1="{py(by):.1f}" x2="{px(gx):.1f}" y2="{py(by * gx / bx):.1f}" '
        'stroke="#999" stroke-dasharray="5 4"/>'
    )
    ly = mt + 10
    for i, (name, pts) in enumerate(series.items()):
        c = COLORS[i % len(COLORS)]
        d = " ".join(f"{'M' if j == 0 else 'L'}{px(p[0]):.1f},{py(key(p)):.1f}" for j, p in enumerate(pts))
        o.append(f'<path d="{d}" fill="none" stroke="{c}" stroke-width="2"/>')
        for p in pts:
            o.append(f'<circle cx="{px(p[0]):.1f}" cy="{py(key(p)):.1f}" r="3.5" fill="{c}"/>')
        b, r2 = slope([(p[0], key(p)) for p in pts])
        o.append(f'<rect x="{ml + pw + 14}" y="{ly - 9}" width="12" height="12" fill="{c}"/>')
        o.append(f'<text x="{ml + pw + 32}" y="{ly + 1}">{name}</text>')
        o.append(f'<text x="{ml + pw + 32}" y="{ly + 16}" fill="#555">slope {b:.2f}, R² {r2:.3f}</text>')
        ly += 40
    o.append(f'<line x1="{ml + pw + 14}" y1="{ly}" x2="{ml + pw + 26}" y2="{ly}" stroke="#999" stroke-dasharray="5 4"/>')
    o.append(f'<text x="{ml + pw + 32}" y="{ly + 4}">linear (slope 1)</text>')
    o.append("</svg>")
    with open(path, "w") as f:
        f.write("\n".join(o) + "\n")


def main():
    series = load(CSV)
    os.makedirs(OUT, exist_ok=True)
    note = "cleanview::extract, native release build; " + os.path.basename(CSV)
    chart("Extraction time vs input size", "time", series, lambda p: p[1], fmt_ms,
          os.path.join(OUT, "scaling-time.svg"), note)
    chart("Peak heap memory vs input size", "peak heap", series, lambda p: p[2], fmt_bytes,
          os.path.join(OUT, "scaling-memory.svg"), note)
    print(f"{'series':<10} {'time slope':>10} {'R²':>6} {'ns/byte min..max':>18} {'mem slope':>10} {'R²':>6} {'heap/input min..max':>20}")
    for name, pts in series.items():
        bt, rt = slope([(p[0], p[1]) for p in pts])
        bm, rm = slope([(p[0], p[2]) for p in pts])
        nsb = [p[1] * 1e6 / p[0] for p in pts]
        hpb = [p[2] / p[0] for p in pts]
        print(f"{name:<10} {bt:>10.3f} {rt:>6.3f} {min(nsb):>8.1f}..{max(nsb):<8.1f} {bm:>10.3f} {rm:>6.3f} {min(hpb):>9.1f}..{max(hpb):<9.1f}")
    print(f"-> {os.path.join(OUT, 'scaling-time.svg')}, {os.path.join(OUT, 'scaling-memory.svg')}")


if __name__ == "__main__":
    main()
