#!/usr/bin/env python3
"""Plain vectorized NumPy (float64) version of the course's modular framework: the speed baseline.

What a good student writes: Dense layers holding W (in x units) and a bias, forward `x @ W + b`,
backward with matrix products, activations tanh/relu/softmax/sigmoid, MSE and categorical
cross-entropy losses, L2/L1 kernel regularizers, SGD and Adam with the Keras 3 update rules, and
Network.fit looping over epochs and mini-batches (shuffled each epoch, as Keras does). No Python
loop ever runs over samples.

Usage:
    python3 benchmarks/numpy_course_framework.py            # the three workloads
    python3 benchmarks/numpy_course_framework.py --gemm     # GFLOP/s of `@` on the MLP's shapes
    OPENBLAS_NUM_THREADS=1 python3 benchmarks/numpy_course_framework.py ...   # pin BLAS threads

Prints one machine-readable line per workload, e.g.
    numpy xor_2_2_1 us_per_epoch=33.1 epochs=10000 threads=2
"""

import argparse
import gzip
import os
import time

import numpy as np

# MARK: - Activations (forward, and derivative expressed with the forward output where cheaper)


class Tanh:
    def forward(self, z):
        return np.tanh(z)

    def backward(self, z, a, da):
        return da * (1.0 - a * a)


class ReLU:
    def forward(self, z):
        return np.maximum(z, 0.0)

    def backward(self, z, a, da):
        return da * (z > 0)


class Sigmoid:
    def forward(self, z):
        return 1.0 / (1.0 + np.exp(-z))

    def backward(self, z, a, da):
        return da * a * (1.0 - a)


class Softmax:
    def forward(self, z):
        e = np.exp(z - z.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)

    def backward(self, z, a, da):
        # Full Jacobian-vector product: dz = a * (da - sum(da * a)).
        return a * (da - (da * a).sum(axis=1, keepdims=True))


ACTIVATIONS = {"tanh": Tanh, "relu": ReLU, "sigmoid": Sigmoid, "softmax": Softmax}

# MARK: - Losses (Keras: mean over the batch)


class MeanSquaredError:
    def loss(self, y, a):
        return np.mean((a - y) ** 2)

    def gradient(self, y, a):
        return 2.0 * (a - y) / a.size


class CategoricalCrossentropy:
    eps = 1e-7  # Keras backend epsilon

    def loss(self, y, a):
        return -np.mean(np.sum(y * np.log(np.clip(a, self.eps, 1.0 - self.eps)), axis=1))

    def gradient(self, y, a):
        clipped = np.clip(a, self.eps, 1.0 - self.eps)
        inside = (a > self.eps) & (a < 1.0 - self.eps)
        return -(y / clipped) * inside / a.shape[0]


# MARK: - Regularizers (on the kernel W only, as Keras' kernel_regularizer)


class L2:
    def __init__(self, l2):
        self.l2 = l2

    def loss(self, w):
        return self.l2 * np.sum(w * w)

    def gradient(self, w):
        return 2.0 * self.l2 * w


class L1:
    def __init__(self, l1):
        self.l1 = l1

    def loss(self, w):
        return self.l1 * np.sum(np.abs(w))

    def gradient(self, w):
        return self.l1 * np.sign(w)


# MARK: - Layer


class Dense:
    def __init__(self, n_in, units, activation, rng, regularizer=None):
        limit = np.sqrt(6.0 / (n_in + units))  # Glorot uniform, Keras' default
        self.W = rng.uniform(-limit, limit, size=(n_in, units))
        self.b = np.zeros(units)
        self.activation = ACTIVATIONS[activation]()
        self.regularizer = regularizer

    def forward(self, x):
        self.x = x
        self.z = x @ self.W + self.b
        self.a = self.activation.forward(self.z)
        return self.a

    def backward(self, da):
        dz = self.activation.backward(self.z, self.a, da)
        self.dW = self.x.T @ dz
        if self.regularizer is not None:
            self.dW += self.regularizer.gradient(self.W)
        self.db = dz.sum(axis=0)
        return dz @ self.W.T

    def params_and_grads(self):
        return [(self.W, self.dW), (self.b, self.db)]

    def regularization_loss(self):
        return 0.0 if self.regularizer is None else self.regularizer.loss(self.W)


# MARK: - Optimizers (Keras 3 update rules)


class SGD:
    def __init__(self, learning_rate=0.01):
        self.lr = learning_rate

    def step(self, params_and_grads):
        for p, g in params_and_grads:
            p -= self.lr * g


class Adam:
    def __init__(self, learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7):
        self.lr, self.b1, self.b2, self.eps = learning_rate, beta_1, beta_2, epsilon
        self.t = 0
        self.m = {}
        self.v = {}

    def step(self, params_and_grads):
        self.t += 1
        alpha = self.lr * np.sqrt(1.0 - self.b2 ** self.t) / (1.0 - self.b1 ** self.t)
        for p, g in params_and_grads:
            key = id(p)
            if key not in self.m:
                self.m[key] = np.zeros_like(p)
                self.v[key] = np.zeros_like(p)
            m, v = self.m[key], self.v[key]
            m += (g - m) * (1.0 - self.b1)
            v += (g * g - v) * (1.0 - self.b2)
            p -= (m * alpha) / (np.sqrt(v) + self.eps)


# MARK: - Network


class Network:
    def __init__(self, layers, loss, optimizer):
        self.layers, self.loss, self.optimizer = layers, loss, optimizer

    def forward(self, x):
        for layer in self.layers:
            x = layer.forward(x)
        return x

    def fit(self, x, y, epochs, batch_size, rng, shuffle=True):
        n = x.shape[0]
        history = []
        for _ in range(epochs):
            if shuffle:
                order = rng.permutation(n)
                xs, ys = x[order], y[order]
            else:
                xs, ys = x, y
            total = 0.0
            for start in range(0, n, batch_size):
                xb, yb = xs[start:start + batch_size], ys[start:start + batch_size]
                a = self.forward(xb)
                total += (self.loss.loss(yb, a) + sum(l.regularization_loss() for l in self.layers)) * xb.shape[0]
                grad = self.loss.gradient(yb, a)
                for layer in reversed(self.layers):
                    grad = layer.backward(grad)
                for layer in self.layers:
                    self.optimizer.step(layer.params_and_grads())
            history.append(total / n)
        return history


# MARK: - Workloads


def blas_threads():
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS"):
        if os.environ.get(var):
            return int(os.environ[var])
    try:
        from threadpoolctl import threadpool_info

        return max(info["num_threads"] for info in threadpool_info() if info.get("user_api") == "blas")
    except Exception:
        return os.cpu_count()


def xor_workload(epochs=10_000, shuffle=True):
    rng = np.random.default_rng(0)
    x = np.array([[-1.0, -1.0], [-1.0, 1.0], [1.0, -1.0], [1.0, 1.0]])
    y = np.array([[1.0], [-1.0], [-1.0], [1.0]])
    net = Network([Dense(2, 2, "tanh", rng, L2(0.1)), Dense(2, 1, "tanh", rng, L1(0.2))],
                  MeanSquaredError(), SGD(0.05))
    start = time.perf_counter()
    history = net.fit(x, y, epochs=epochs, batch_size=4, rng=rng, shuffle=shuffle)
    seconds = time.perf_counter() - start
    return seconds / epochs * 1e6, history[-1]


def one_hot(labels, classes):
    out = np.zeros((labels.size, classes))
    out[np.arange(labels.size), labels] = 1.0
    return out


def mlp_workload(epochs=3, shuffle=True):
    rng = np.random.default_rng(1234)
    x = rng.random((10_000, 784))
    y = one_hot(rng.integers(0, 10, 10_000), 10)
    net = Network([Dense(784, 128, "relu", rng), Dense(128, 10, "softmax", rng)],
                  CategoricalCrossentropy(), Adam(0.001))
    net.fit(x, y, epochs=1, batch_size=64, rng=rng, shuffle=shuffle)  # warm-up
    start = time.perf_counter()
    history = net.fit(x, y, epochs=epochs, batch_size=64, rng=rng, shuffle=shuffle)
    return (time.perf_counter() - start) / epochs, history[-1]


def digits_workload(epochs=30, shuffle=True):
    rng = np.random.default_rng(42)
    path = "/work/shared/data/digits.csv.gz"
    if os.path.exists(path):
        with gzip.open(path, "rt") as f:
            data = np.loadtxt(f, delimiter=",")
        x, labels = data[:, :64] / 16.0, data[:, 64].astype(int)
        source = "digits.csv.gz"
    else:
        x, labels = rng.random((1797, 64)), rng.integers(0, 10, 1797)
        source = "random"
    y = one_hot(labels, 10)
    net = Network([Dense(64, 64, "relu", rng), Dense(64, 10, "softmax", rng)],
                  CategoricalCrossentropy(), Adam(0.001))
    net.fit(x, y, epochs=1, batch_size=32, rng=rng, shuffle=shuffle)  # warm-up
    start = time.perf_counter()
    history = net.fit(x, y, epochs=epochs, batch_size=32, rng=rng, shuffle=shuffle)
    return (time.perf_counter() - start) / epochs * 1e3, history[-1], source


def gemm_shapes():
    """GFLOP/s of numpy's `@` on the shapes the MLP uses (best of 5 timed loops)."""
    rng = np.random.default_rng(0)
    shapes = [  # (name, m, n, k, transpose_a, transpose_b)
        ("mlp_fwd1_64x784.784x128", 64, 128, 784, False, False),
        ("mlp_dW1_784x64T.64x128", 784, 128, 64, True, False),
        ("mlp_fwd2_64x128.128x10", 64, 10, 128, False, False),
        ("mlp_dW2_128x64T.64x10", 128, 10, 64, True, False),
        ("mlp_dA1_64x10.128x10T", 64, 128, 10, False, True),
        ("mlp_dX_64x128.784x128T", 64, 784, 128, False, True),
        ("digits_fwd1_32x64.64x64", 32, 64, 64, False, False),
        ("digits_dW1_64x32T.32x64", 64, 64, 32, True, False),
        ("digits_fwd2_32x64.64x10", 32, 10, 64, False, False),
        ("square_512", 512, 512, 512, False, False),
        ("xor_fwd1_4x2.2x2", 4, 2, 2, False, False),
    ]
    for name, m, n, k, ta, tb in shapes:
        a = rng.random((k, m)) if ta else rng.random((m, k))
        b = rng.random((n, k)) if tb else rng.random((k, n))
        opa = a.T if ta else a
        opb = b.T if tb else b
        reps = 1
        while True:
            t0 = time.perf_counter()
            for _ in range(reps):
                opa @ opb
            if time.perf_counter() - t0 >= 0.05:
                break
            reps *= 2
        best = float("inf")
        for _ in range(5):
            t0 = time.perf_counter()
            for _ in range(reps):
                opa @ opb
            best = min(best, (time.perf_counter() - t0) / reps)
        print(f"numpy-gemm {name} gflops={2.0 * m * n * k / best / 1e9:.2f} us_per_call={best * 1e6:.3f} "
              f"threads={blas_threads()}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gemm", action="store_true", help="time `@` on the MLP's shapes instead")
    parser.add_argument("--only", choices=["xor", "mlp", "digits"], help="run one workload")
    parser.add_argument("--no-shuffle", action="store_true",
                        help="keep the sample order (Keras shuffles by default, which copies x every epoch)")
    args = parser.parse_args()
    if args.gemm:
        gemm_shapes()
        return
    threads = blas_threads()
    shuffle = not args.no_shuffle
    tag = "" if shuffle else " shuffle=0"
    if args.only in (None, "xor"):
        us, loss = xor_workload(shuffle=shuffle)
        print(f"numpy xor_2_2_1 us_per_epoch={us:.1f} epochs=10000 final_loss={loss:.6f} threads={threads}{tag}")
    if args.only in (None, "mlp"):
        s, loss = mlp_workload(shuffle=shuffle)
        print(f"numpy mlp_784_128_10 s_per_epoch={s:.4f} samples=10000 batch=64 final_loss={loss:.4f} "
              f"threads={threads}{tag}")
    if args.only in (None, "digits"):
        ms, loss, source = digits_workload(shuffle=shuffle)
        print(f"numpy digits_64_64_10 ms_per_epoch={ms:.2f} samples=1797 batch=32 data={source} "
              f"final_loss={loss:.4f} threads={threads}{tag}")


if __name__ == "__main__":
    main()
