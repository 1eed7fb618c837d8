#!/usr/bin/env bash
# The sweep benchmark: 1,000 XOR runs × 2,000 epochs with recording, statistics and figures,
# end to end in a release build; prints the wall time and the peak memory (max RSS).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product nnlab >/dev/null
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
start=$(date +%s.%N)
python3 - "$out" <<'PY'
import resource, subprocess, sys, time
t = time.time()
subprocess.run([".build/release/nnlab", "compare", "benchmarks/sweep-1000.yaml", "--quiet", "--output", sys.argv[1] + "/sweep"],
               check=True, stdout=subprocess.DEVNULL)
elapsed = time.time() - t
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(f"sweep 1000 runs x 2000 epochs: {elapsed:.2f} s wall, peak memory {peak:.0f} MiB")
PY
