#!/usr/bin/env python3
"""Pages per second on the WCXB dev pages: `cleanview batch` against Trafilatura, same pages,
same machine, both on all cores.

    cargo build --release && pip install trafilatura lxml_html_clean   # (2.3.1 measured)
    python3 benches/throughput.py [--jobs 2] [--limit N] [--corpus ../shared/corpus/wcxb-dev]

The gzipped pages are unpacked once into $TMPDIR/cleanview-throughput/ so both tools read the
same plain .html files (decompression is timed for neither). Trafilatura runs
`trafilatura.extract(html, output_format="json", with_metadata=True)` (body + metadata, like
cleanview's JSON) in a multiprocessing pool of --jobs workers; cleanview runs
`cleanview batch DIR --out FILE --jobs N --quiet`. Wall-clock time over the whole set, process
start-up included for both. Results go to bench-output/throughput.json.
"""

import argparse
import glob
import gzip
import json
import multiprocessing as mp
import os
import platform
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def unpack(corpus, limit):
    src = sorted(glob.glob(os.path.join(corpus, "html", "*.html.gz")))
    if limit:
        src = src[:limit]
    if not src:
        sys.exit(f"no pages in {corpus}/html")
    dst = os.path.join(tempfile.gettempdir(), "cleanview-throughput", f"n{len(src)}")
    os.makedirs(dst, exist_ok=True)
    files = []
    for path in src:
        out = os.path.join(dst, os.path.basename(path)[:-3])
        if not os.path.exists(out):
            with gzip.open(path, "rb") as f, open(out + ".tmp", "wb") as g:
                g.write(f.read())
            os.replace(out + ".tmp", out)
        files.append(out)
    return dst, files


def traf_one(path):
    import trafilatura

    with open(path, "rb") as f:
        raw = f.read()
    try:
        out = trafilatura.extract(raw, output_format="json", with_metadata=True)
        return 1 if out else 0
    except Exception:  # a page that fails counts as done, as in cleanview's batch
        return 0


def run_trafilatura(files, jobs):
    t0 = time.perf_counter()
    with mp.Pool(jobs) as pool:
        got = sum(pool.imap_unordered(traf_one, files, chunksize=4))
    return time.perf_counter() - t0, got


def run_cleanview(binary, folder, jobs):
    out = os.path.join(tempfile.gettempdir(), "cleanview-throughput", "cleanview.jsonl")
    t0 = time.perf_counter()
    subprocess.run(
        [binary, "batch", folder, "--out", out, "--jobs", str(jobs), "--quiet",
         "--now", "2026-01-01T00:00:00Z"],
        check=True,
    )
    secs = time.perf_counter() - t0
    with open(out) as f:
        ok = sum(1 for line in f if '"content_html"' in line)
    return secs, ok


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=os.path.join(ROOT, "..", "shared", "corpus", "wcxb-dev"))
    ap.add_argument("--jobs", type=int, default=os.cpu_count())
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "cleanview"))
    ap.add_argument("--skip-trafilatura", action="store_true")
    a = ap.parse_args()

    folder, files = unpack(a.corpus, a.limit)
    mb = sum(os.path.getsize(f) for f in files) / 1e6
    print(f"{len(files)} pages, {mb:.1f} MB, {a.jobs} jobs, {platform.processor() or platform.machine()}")
    res = {"pages": len(files), "megabytes": round(mb, 2), "jobs": a.jobs,
           "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}

    secs, ok = run_cleanview(a.bin, folder, a.jobs)
    res["cleanview"] = {"seconds": round(secs, 3), "pages_per_s": round(len(files) / secs, 1), "extracted": ok}
    print(f"cleanview batch : {secs:7.2f} s  {len(files) / secs:8.1f} pages/s  ({ok} extracted)")

    if not a.skip_trafilatura:
        import trafilatura

        secs, ok = run_trafilatura(files, a.jobs)
        res["trafilatura"] = {"version": trafilatura.__version__, "seconds": round(secs, 3),
                              "pages_per_s": round(len(files) / secs, 1), "extracted": ok}
        print(f"trafilatura {trafilatura.__version__}: {secs:7.2f} s  {len(files) / secs:8.1f} pages/s  ({ok} extracted)")
        res["speedup"] = round(res["cleanview"]["pages_per_s"] / res["trafilatura"]["pages_per_s"], 2)
        print(f"cleanview / trafilatura throughput: {res['speedup']:.2f}x")

    os.makedirs(os.path.join(ROOT, "bench-output"), exist_ok=True)
    with open(os.path.join(ROOT, "bench-output", "throughput.json"), "w") as f:
        json.dump(res, f, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
