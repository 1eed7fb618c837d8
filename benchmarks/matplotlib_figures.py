#!/usr/bin/env python3
"""The figures of `nnlab-bench plot`, drawn with matplotlib, timed the same way.

Each case builds the figure from pre-generated data and saves it to an in-memory buffer
(PNG at 800x600 px, or SVG); the table shows the median and minimum over --runs runs after
two warm-up runs. Usage: python3 benchmarks/matplotlib_figures.py [--runs 30] [--out DIR]
(--out also writes each figure once, to compare them by eye with output/gallery).
"""
import argparse
import io
import os
import statistics
import time

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#D55E00"]


def line_data(count=2000):
    x = np.linspace(0, 10, count)
    return x, np.sin(x) * np.exp(-0.1 * x), np.cos(1.3 * x) * 0.8


def line_chart(data):
    x, a, b = data
    fig, ax = plt.subplots(figsize=(8, 6), dpi=100)
    ax.plot(x, a, color=OKABE_ITO[0], lw=1.75, label="damped sine")
    ax.plot(x, b, color=OKABE_ITO[1], lw=1.75, label="cosine")
    ax.set_title("Two series")
    ax.set_xlabel("t")
    ax.set_ylabel("value")
    ax.grid(True, color="#e5e5e5")
    ax.legend(loc="best")
    return fig


def boundary_data(grid=200, points=200):
    rng = np.random.default_rng(42)
    c = np.arange(points) % 2
    t = np.pi * rng.uniform(size=points)
    x = np.where(c == 0, np.cos(t), 1 - np.cos(t)) + 0.12 * rng.normal(size=points)
    y = np.where(c == 0, np.sin(t), 0.5 - np.sin(t)) + 0.12 * rng.normal(size=points)
    gx = -1.5 + (np.arange(grid) + 0.5) * 4 / grid
    gy = -1.25 + (np.arange(grid) + 0.5) * 3 / grid
    X, Y = np.meshgrid(gx, gy)
    P = 1 / (1 + np.exp(4 * (Y - 0.25 - 0.5 * np.cos(np.pi * X))))
    return x, y, c, gx, gy, P


def decision_boundary(data):
    x, y, c, gx, gy, P = data
    fig, ax = plt.subplots(figsize=(8, 6), dpi=100)
    im = ax.imshow(P, origin="lower", extent=(-1.5, 2.5, -1.25, 1.75), aspect="auto", cmap="RdBu_r",
                   vmin=0, vmax=1, interpolation="bilinear")
    fig.colorbar(im, ax=ax, label="p(class 1)")
    ax.contour(gx, gy, P, levels=[0.5], colors="#1a1a1a", linewidths=2)
    for k, marker in [(0, "o"), (1, "s")]:
        m = c == k
        ax.scatter(x[m], y[m], s=36, marker=marker, color=OKABE_ITO[k], edgecolors="#1a1a1a", linewidths=0.67,
                   label=f"class {k}")
    ax.set_title("Decision boundary, p(class 1 | x)")
    ax.set_xlabel("x₁")
    ax.set_ylabel("x₂")
    ax.legend(loc="upper right")
    return fig


def time_case(make, data, fmt, runs):
    times, size = [], 0
    for k in range(runs + 2):
        start = time.perf_counter()
        fig = make(data)
        buf = io.BytesIO()
        fig.savefig(buf, format=fmt)
        plt.close(fig)
        ms = (time.perf_counter() - start) * 1e3
        if k >= 2:
            times.append(ms)
        size = buf.tell()
    return statistics.median(times), min(times), size, len(times)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--out", default=None)
    args = parser.parse_args()
    cases = [
        ("line chart 2×2000", line_chart, line_data()),
        ("decision boundary 200×200", decision_boundary, boundary_data()),
    ]
    print(f"matplotlib {matplotlib.__version__}")
    print("figure                     format   median ms   min ms   bytes   runs")
    for name, make, data in cases:
        for fmt in ["png", "svg"]:
            med, best, size, n = time_case(make, data, fmt, args.runs)
            print(f"{name:<27}{fmt.upper():<7}{med:10.2f} {best:8.2f} {size:7d} {n:6d}")
            if args.out:
                os.makedirs(args.out, exist_ok=True)
                fig = make(data)
                fig.savefig(os.path.join(args.out, f"{name.split()[0]}.{fmt}"), format=fmt)
                plt.close(fig)


if __name__ == "__main__":
    main()
