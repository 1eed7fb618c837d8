#!/usr/bin/env python3
"""NumPy float64 reference trajectories for NNLab's `constants: exact`.

    python3 scripts/exact_fixtures.py      # NumPy only; writes Tests/NNCoreTests/Fixtures/exact/exact.json

Each case is a complete run file (NNLab's vocabulary, with "constants": "exact") trained here by a plain
float64 NumPy implementation of Keras 3's formulas (forward, MSE, L1/L2 penalties, leaky ReLU, SGD with
momentum, Adam, an exponential-decay schedule) that uses every coefficient as written: no float32
rounding of momentum, betas, lambdas, the leaky slope or the schedule. The history (batch-size-weighted
mean of the pre-update total losses, as Keras reports it) and the trained weights are what a student's own
float64 implementation computes; NNLab's exact mode must agree to 1e-12.
"""
import json
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(os.path.dirname(HERE), "Tests", "NNCoreTests", "Fixtures", "exact", "exact.json")


def activation(name, z, alpha):
    if name == "tanh":
        return np.tanh(z)
    if name == "leaky_relu":
        return np.where(z > 0, z, alpha * z)
    return z


def activation_backward(name, z, a, da, alpha):
    if name == "tanh":
        return da * (1 - a * a)
    if name == "leaky_relu":
        return np.where(z > 0, da, alpha * da)
    return da


def exponential_decay(spec, step):
    return spec["initial_learning_rate"] * spec["decay_rate"] ** (step / spec["decay_steps"])


def train(run):
    layers = run["model"]["layers"]
    W = [np.array(l["weights"], dtype=np.float64) for l in layers]
    b = [np.array(l["bias"], dtype=np.float64) for l in layers]
    X, Y = np.array(run["data"]["x"]), np.array(run["data"]["y"])
    opt = run["optimizer"]
    rate = opt["learning_rate"]
    params = W + b
    state = [np.zeros_like(p) for p in params] + [np.zeros_like(p) for p in params]
    history = {"loss": [], "data_loss": [], "penalty": []}
    if isinstance(rate, dict):
        history["learning_rate"] = []
    n, bs, t = len(X), run["batch_size"], 0
    for _ in range(run["epochs"]):
        total, data_total, penalty_total = 0.0, 0.0, 0.0
        for s in range(0, n, bs):
            x, y = X[s:s + bs], Y[s:s + bs]
            zs, acts = [], [x]
            for l, w, bias in zip(layers, W, b):
                z = acts[-1] @ w + bias
                zs.append(z)
                acts.append(activation(l.get("activation", "linear"), z, l.get("alpha", 0.3)))
            p = acts[-1]
            data = float(np.mean((p - y) ** 2))
            penalty = 0.0
            for l, w in zip(layers, W):
                r = l.get("regularizer", {})
                penalty += r.get("l1", 0.0) * float(np.sum(np.abs(w))) + r.get("l2", 0.0) * float(np.sum(w * w))
            total += (data + penalty) * len(x)
            data_total += data * len(x)
            penalty_total += penalty * len(x)
            da = 2 * (p - y) / p.size
            gW, gb = [None] * len(W), [None] * len(W)
            for i in reversed(range(len(layers))):
                l = layers[i]
                dz = activation_backward(l.get("activation", "linear"), zs[i], acts[i + 1], da, l.get("alpha", 0.3))
                gW[i] = acts[i].T @ dz
                r = l.get("regularizer", {})
                gW[i] = gW[i] + r.get("l1", 0.0) * np.sign(W[i]) + 2 * r.get("l2", 0.0) * W[i]
                gb[i] = dz.sum(axis=0)
                da = dz @ W[i].T
            grads = gW + gb
            lr = exponential_decay(rate, t) if isinstance(rate, dict) else rate
            t += 1
            for k, (param, g) in enumerate(zip(params, grads)):
                if opt["type"] == "sgd":
                    mu = opt.get("momentum", 0.0)
                    state[k] = mu * state[k] - lr * g
                    param += state[k]
                else:
                    b1, b2, eps = opt.get("beta_1", 0.9), opt.get("beta_2", 0.999), opt.get("epsilon", 1e-7)
                    m, v = state[k], state[len(params) + k]
                    m += (g - m) * (1 - b1)
                    v += (g * g - v) * (1 - b2)
                    alpha_t = lr * np.sqrt(1 - b2 ** t) / (1 - b1 ** t)
                    param -= m * alpha_t / (np.sqrt(v) + eps)
        history["loss"].append(total / n)
        history["data_loss"].append(data_total / n)
        history["penalty"].append(penalty_total / n)
        if isinstance(rate, dict):
            history["learning_rate"].append(exponential_decay(rate, t))
    final = json.loads(json.dumps(run["model"]))
    for l, w, bias in zip(final["layers"], W, b):
        l["weights"], l["bias"] = w.tolist(), bias.tolist()
    return history, final


def main():
    rng = np.random.RandomState(13)
    x = np.round(rng.uniform(-1, 1, size=(8, 2)), 6)
    y = np.round(np.tanh(x[:, :1] * x[:, 1:] * 3), 6)
    data = {"x": x.tolist(), "y": y.tolist()}

    def model(hidden, regularizer):
        return {"input": 2, "loss": "mse", "layers": [
            {"type": "dense", "units": 3, **hidden, "regularizer": regularizer,
             "weights": np.round(rng.uniform(-1, 1, size=(2, 3)), 6).tolist(), "bias": [0.1, -0.2, 0.05]},
            {"type": "dense", "units": 1, "activation": "tanh", "regularizer": {"l2": 0.01},
             "weights": np.round(rng.uniform(-1, 1, size=(3, 1)), 6).tolist(), "bias": [0.0]}]}
    cases = []
    specs = [
        ("sgd_momentum_leaky_relu_l1l2", model({"activation": "leaky_relu", "alpha": 0.1}, {"l1": 0.001, "l2": 0.01}),
         {"type": "sgd", "learning_rate": 0.05, "momentum": 0.9}, 2, 40),
        ("adam_defaults_tanh_l2", model({"activation": "tanh"}, {"l2": 0.003}), {"type": "adam", "learning_rate": 0.01}, 4, 60),
        ("adam_exponential_decay_leaky_relu", model({"activation": "leaky_relu", "alpha": 0.2}, {"l1": 0.002}),
         {"type": "adam", "beta_1": 0.8, "learning_rate": {"schedule": "exponential_decay", "initial_learning_rate": 0.05,
                                                           "decay_steps": 7, "decay_rate": 0.6}}, 3, 30),
    ]
    for name, m, optimizer, batch, epochs in specs:
        run = {"model": m, "data": data, "optimizer": optimizer, "epochs": epochs, "batch_size": batch,
               "shuffle": False, "constants": "exact"}
        history, final = train(run)
        cases.append({"name": name, "run": run, "history": history, "final_model": final})
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        json.dump({"generator": {"script": "scripts/exact_fixtures.py", "numpy": np.__version__},
                   "note": "float64 NumPy replay of Keras 3's formulas with every coefficient exact (constants: exact).",
                   "cases": cases}, f, indent=1)
        f.write("\n")
    print(f"wrote {OUT} ({len(cases)} cases)")


if __name__ == "__main__":
    main()
