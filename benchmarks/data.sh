#!/usr/bin/env bash
# The data-loading benchmark: a report whose image problem is 60,000 MNIST-size IDX images
# (28×28, synthetic) and one whose image problem is a CIFAR-10 batch (10,000 × 3,072, synthetic),
# each trained for 1 epoch, end to end in a release build, and the same files as data sources of an
# experiment entry (data: {idx: …} / {cifar: […]}, validation_split 0.2, scaling standardize); prints
# the time to read the files (nnlab's own "read …" progress line, on a pseudo-terminal through
# script(1)), the whole wall time and the peak memory (max RSS of the process tree).
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
training = "  optimizer: {type: adam}\n  epochs: 1\n  batch_size: 128\n"
def entry(name, data, model):
    return (f"experiments:\n  - name: {name}\n    data: {data}\n    validation_split: 0.2\n    scaling: standardize\n    model: {model}\n"
            + training.replace("  ", "    "))
experiments = {
    "image: mnist-size IDX, 60,000 images": f"sections: [image]\nimage:\n  images: images-idx3-ubyte\n  labels: labels-idx1-ubyte\n  model: {model.format(784)}\n" + training,
    "image: CIFAR-10 batch, 10,000 images": f"sections: [image]\nimage:\n  cifar: [data_batch_1.bin]\n  model: {model.format(3072)}\n" + training,
    "data: mnist-size IDX, 60,000 images": "sections: [experiments]\n" + entry("idx", "{idx: {images: images-idx3-ubyte, labels: labels-idx1-ubyte}}", model.format(784)),
    "data: CIFAR-10 batch, 10,000 images": "sections: [experiments]\n" + entry("cifar", "{cifar: [data_batch_1.bin]}", model.format(3072)),
}
for i, (name, body) in enumerate(experiments.items()):
    path = f"{work}/e{i}.yaml"
    with open(path, "w") as f:
        f.write(f"title: \"{name}\"\n" + body)
    command = f"{os.path.abspath('.build/release/nnlab')} report {path} --output {work}/out{i}"
    start = time.time()
    child = subprocess.Popen(["script", "-qec", command, "/dev/null"], stdout=subprocess.PIPE, stdin=subprocess.DEVNULL)
    output = child.stdout.read().decode()
    _, status, usage = os.wait4(child.pid, 0)
    assert status == 0, f"nnlab exited with {status}: {output}"
    read = [line.strip() for line in output.replace("\r", "\n").split("\n") if line.startswith("nnlab: read ")]
    print(f"{name}: {time.time() - start:.2f} s wall, peak memory {usage.ru_maxrss / 1024:.0f} MiB; {'; '.join(read)}")
PY
