#!/usr/bin/env bash
# The data-loading benchmark: a report whose image problem is 60,000 MNIST-size IDX images
# (28×28, synthetic) and one whose image problem is a CIFAR-10 batch (10,000 × 3,072, synthetic),
# each trained for 1 epoch, end to end in a release build; prints wall time and peak memory (max RSS).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product nnlab >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$work" <<'PY'
import os, random, resource, struct, subprocess, sys, time
work = sys.argv[1]
random.seed(0)
n = 60000
with open(f"{work}/images-idx3-ubyte", "wb") as f:
    f.write(struct.pack(">IIII", 0x803, n, 28, 28) + random.randbytes(n * 784))
with open(f"{work}/labels-idx1-ubyte", "wb") as f:
    f.write(struct.pack(">II", 0x801, n) + bytes(i % 10 for i in range(n)))
with open(f"{work}/data_batch_1.bin", "wb") as f:
    f.write(b"".join(bytes([i % 10]) + random.randbytes(3072) for i in range(10000)))
model = "{{input: {0}, loss: cce, layers: [{{type: dense, units: 32, activation: relu}}, {{type: dense, units: 10, activation: softmax}}]}}"
experiments = {
    "mnist-size IDX, 60,000 images": f"image:\n  images: images-idx3-ubyte\n  labels: labels-idx1-ubyte\n  model: {model.format(784)}\n",
    "CIFAR-10 batch, 10,000 images": f"image:\n  cifar: [data_batch_1.bin]\n  model: {model.format(3072)}\n",
}
for i, (name, body) in enumerate(experiments.items()):
    path = f"{work}/e{i}.yaml"
    with open(path, "w") as f:
        f.write(f"title: {name}\nsections: [image]\n" + body + "  optimizer: {type: adam}\n  epochs: 1\n  batch_size: 128\n")
    start = time.time()
    child = subprocess.Popen([os.path.abspath(".build/release/nnlab"), "report", path, "--quiet", "--output", f"{work}/out{i}"],
                             stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    assert status == 0, f"nnlab exited with {status}"
    print(f"{name}: {time.time() - start:.2f} s wall, peak memory {usage.ru_maxrss / 1024:.0f} MiB")
PY
