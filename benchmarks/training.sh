#!/usr/bin/env bash
# The training core against the NumPy course framework, side by side (release build).
# Run on a quiet machine: the two-thread GEMM needs both cores.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product nnlab-bench >/dev/null
echo "== NNLab (release)"
.build/release/nnlab-bench training
echo "== NumPy $(python3 -c 'import numpy; print(numpy.__version__)') with its BLAS"
python3 benchmarks/numpy_course_framework.py
