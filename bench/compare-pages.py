#!/usr/bin/env python3
"""Compares the page images of two PDFs (pdftoppm, 100 dpi, grey): pages, differing pixels and where they are.
Usage: bench/compare-pages.py before.pdf after.pdf"""
import subprocess, sys, tempfile, glob, os

def pages(pdf, out):
    subprocess.run(["pdftoppm", "-r", "100", "-gray", pdf, os.path.join(out, "p")], check=True)
    result = []
    for name in sorted(glob.glob(os.path.join(out, "p-*.pgm"))):
        with open(name, "rb") as f:
            data = f.read()
        # binary PGM: P5\n<w> <h>\n<max>\n<pixels>
        parts = data.split(b"\n", 3)
        w, h = map(int, parts[1].split())
        result.append((w, h, parts[3]))
    return result

with tempfile.TemporaryDirectory() as a, tempfile.TemporaryDirectory() as b:
    before, after = pages(sys.argv[1], a), pages(sys.argv[2], b)
    print(f"pages: {len(before)} before, {len(after)} after")
    worst = 0
    for i, (p, q) in enumerate(zip(before, after), 1):
        if p[:2] != q[:2]:
            print(f"page {i}: size differs {p[:2]} vs {q[:2]}"); worst = 100; continue
        w, h, x, y = p[0], p[1], p[2], q[2]
        diff = [k for k in range(len(x)) if abs(x[k] - y[k]) > 64]
        share = 100.0 * len(diff) / len(x)
        worst = max(worst, share)
        if diff:
            rows = sorted({k // w for k in diff})
            print(f"page {i}: {len(diff)} pixels differ ({share:.3f}%), rows {rows[0]}..{rows[-1]} of {h}")
        else:
            print(f"page {i}: identical")
    sys.exit(0 if len(before) == len(after) else 1)
