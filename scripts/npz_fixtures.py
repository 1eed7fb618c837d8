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
print("numpy", np.__version__, "->", os.path.abspath(out))
