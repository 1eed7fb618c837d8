#!/usr/bin/env python3
"""Writes the .npz fixtures of Tests/NNDataTests (NumPy's own savez / savez_compressed output).

x = arange(12).reshape(6, 2) / 4 (float64), y = [[0], [1], [1], [0], [1], [0]] (float64), and in
mixed.npz the same as float32 and int64 under the names x_train / y_train. Run with numpy installed:
    python3 scripts/npz_fixtures.py
"""
import os
import numpy as np

out = os.path.join(os.path.dirname(__file__), "..", "Tests", "NNDataTests", "Fixtures", "npz")
os.makedirs(out, exist_ok=True)
x = np.arange(12, dtype=np.float64).reshape(6, 2) / 4
y = np.array([[0], [1], [1], [0], [1], [0]], dtype=np.float64)
np.savez(os.path.join(out, "stored.npz"), x=x, y=y)
np.savez_compressed(os.path.join(out, "compressed.npz"), x=x, y=y)
np.savez_compressed(os.path.join(out, "mixed.npz"), x_train=x.astype(np.float32), y_train=y.astype(np.int64).ravel())

# A model's weights as NumPy users save them, for Tests/NNLabCLITests (ModelArrayTests): the course lab's
# network (examples/lab-model.json) as W0, b0, W1, b1, W2, b2, and as numpy.savez(f, *weights) writes
# Keras's get_weights() list (arr_0, arr_1, …, compressed).
import json
models = os.path.join(os.path.dirname(__file__), "..", "Tests", "NNLabCLITests", "Fixtures")
os.makedirs(models, exist_ok=True)
lab = json.load(open(os.path.join(os.path.dirname(__file__), "..", "examples", "lab-model.json")))
weights = []
for layer in lab["layers"]:
    if layer["type"] == "dense":
        weights += [np.array(layer["weights"], dtype=np.float64), np.array(layer["bias"], dtype=np.float64)]
np.savez(os.path.join(models, "lab-weights.npz"), **{("W" if i % 2 == 0 else "b") + str(i // 2): w for i, w in enumerate(weights)})
np.savez_compressed(os.path.join(models, "lab-get-weights.npz"), *weights)
print("numpy", np.__version__, "->", os.path.abspath(out), "and", os.path.abspath(models))
