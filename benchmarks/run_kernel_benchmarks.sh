#!/bin/sh
# Reproduces the numbers in benchmarks/KERNELS.md. Run on a quiet machine (both cores idle):
# another process on the second core makes every two-thread number meaningless.
set -e
cd "$(dirname "$0")/.."
swift build --scratch-path .build-kernels -c release --product nnlab-bench
echo "== NNLab GEMM (automatic: 2 threads from the parallel threshold on)"
./.build-kernels/release/nnlab-bench kernels
echo "== numpy @ , OpenBLAS 1 thread"
OPENBLAS_NUM_THREADS=1 python3 benchmarks/numpy_course_framework.py --gemm
echo "== numpy @ , OpenBLAS 2 threads"
OPENBLAS_NUM_THREADS=2 python3 benchmarks/numpy_course_framework.py --gemm
echo "== NumPy course framework, OpenBLAS default threads"
python3 benchmarks/numpy_course_framework.py
echo "== NumPy course framework, OpenBLAS 1 thread"
OPENBLAS_NUM_THREADS=1 python3 benchmarks/numpy_course_framework.py
