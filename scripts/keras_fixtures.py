#!/usr/bin/env python3
"""Generate Keras-verified golden fixtures for NNLab (float64).

How to run
----------
    python3 -m venv /root/kerasenv
    /root/kerasenv/bin/pip install keras tensorflow-cpu numpy
    KERAS_BACKEND=tensorflow /root/kerasenv/bin/python scripts/keras_fixtures.py

(run from the repository root; the script sets KERAS_BACKEND=tensorflow itself
if it is unset).  Takes about 25 s on 2 cores.

What it writes
--------------
Into ``Tests/NNCoreTests/Fixtures/keras/``:

* ``gradients.json``   forward outputs, total loss and d(total loss)/d(W, b) of
                         small NNLab models (tf.GradientTape, eager);
* ``activations.json`` activation outputs, elementwise derivatives and, for
                         sigmoid/softmax, the row Jacobians;
* ``losses.json``      loss values and d(loss)/d(p) on plain probability tensors
                         (Keras clipping semantics);
* ``optimizers.json``  parameter trajectories of ``optimizer.apply_gradients``
                         with given gradients, plus every optimizer default;
* ``fit.json``         ``model.fit(..., shuffle=False)`` histories and trained
                         weights;
* ``early_stopping.json`` fits with EarlyStopping(restore_best_weights=True);
* ``schedules.json``   learning-rate schedules at every step (Keras's float32
                         values and the float64 formula) and fits with a schedule.

It also prints the experiments that back ``NOTES.md`` (each fixture is
cross-checked against an independent NumPy implementation of the documented
formulas, and fit histories are replayed step by step by hand).

Determinism: every weight, input and gradient is explicit (fixed NumPy seeds,
``numpy.random.RandomState``); no Keras random initialiser or shuffling is used.
Floats are written by Python's json module, i.e. ``repr(float(x))`` (shortest
round-trip representation).

Verified conventions of Keras 3 (see the printed "EXPERIMENT" lines; these are
the results obtained with keras 3.15.1 / tensorflow 2.21.0):

* Epoch "loss" in ``History``: for every batch, the train step computes the
  total loss = compiled loss (mean over the batch) + sum(model.losses)
  (regularisation penalties) with the weights *before* that batch's update;
  the epoch value is the batch-size-weighted mean of these batch losses
  (sum_b n_b * L_b / sum_b n_b).  A smaller last batch (10 samples, batch 4)
  gets weight 2.  The alternatives (plain mean of the batch losses; losses after
  the update) do not match.
* Train metrics ("mse", "accuracy") are computed from the same pre-update
  predictions of every batch and accumulated over the whole epoch as a
  per-sample mean (sum over samples / number of samples); they do NOT include
  regularisation.  They are reset at the start of every epoch.
* "val_loss"/"val_<metric>" are computed after the epoch's last update, with
  the final weights of the epoch, over the validation set (batch-size weighted,
  regularisation included in val_loss).
* float32 rounding of some hyper-parameters even with floatx float64 (Keras's
  ``ops.cast(python_float, "float64")`` is ``tf.cast``, which first makes a
  float32 tensor): regularizer lambdas, LeakyReLU alpha (a float32 attribute of
  the TF op), SGD momentum, Adam's betas inside the bias-correction powers,
  Adagrad's initial_accumulator_value.  Learning rates (float64 variables),
  epsilons, RMSprop/Adadelta rho, RMSprop momentum and Adam's betas in the
  moment updates are exact.  The NumPy cross-check toggles each constant and
  prints which choice matches.
* sigmoid + binary_crossentropy and softmax + categorical_crossentropy on a
  model output are computed from the cached logits (no clipping), eagerly and
  in fit/evaluate; clipping to [1e-7, 1 - 1e-7] only happens for plain
  probability tensors (losses.json).
"""
import copy
import ctypes
import json
import math
import os
import platform
import sys

os.environ.setdefault("KERAS_BACKEND", "tensorflow")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402
import keras  # noqa: E402

keras.config.set_floatx("float64")
tf.config.experimental.enable_op_determinism()

F64 = tf.float64
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(os.path.dirname(HERE), "Tests", "NNCoreTests", "Fixtures", "keras")

F32_NOTE = ("Keras 3 / TF rounds some Python-float hyperparameters to float32 even in float64 mode "
            "(tf.cast of a Python float): regularizer lambdas (0.01 -> 0.009999999776482582), "
            "LeakyReLU alpha (0.1 -> 0.10000000149011612), SGD momentum, Adam's beta_1/beta_2 inside the "
            "bias-correction powers only, Adagrad's initial_accumulator_value. The numbers in this file are "
            "Keras's; see NOTES.md.")

GENERATOR = {
    "script": "scripts/keras_fixtures.py",
    "keras": keras.__version__,
    "backend": keras.backend.backend(),
    "backend_version": tf.__version__,
    "numpy": np.__version__,
    "python": platform.python_version(),
    "floatx": keras.config.floatx(),
}

ACTIVATIONS = ["linear", "sigmoid", "tanh", "relu", "leaky_relu", "softmax"]
REGS = [None, {"l1": 0.001}, {"l2": 0.01}, {"l1": 0.002, "l2": 0.005}]

CHECKS = []  # (what, max abs diff) of every cross-check


def log(*a):
    print(*a, flush=True)


def check(what, a, b, tol=1e-12):
    d = float(np.max(np.abs(np.asarray(a, dtype=np.float64) - np.asarray(b, dtype=np.float64)))) if np.size(a) else 0.0
    CHECKS.append((what, d))
    if not d <= tol:
        raise AssertionError(f"cross-check failed: {what}: max |diff| = {d}")
    return d


def tolist(a):
    return np.asarray(a, dtype=np.float64).tolist()


def write(name, obj):
    os.makedirs(OUT, exist_ok=True)
    path = os.path.join(OUT, name)
    with open(path, "w") as f:
        json.dump(obj, f, indent=1)
        f.write("\n")
    log(f"wrote {path} ({os.path.getsize(path)} bytes)")


# --------------------------------------------------------------------------
# NNLab model file  <->  Keras functional model
# --------------------------------------------------------------------------

def make_regularizer(r):
    if not r:
        return None
    if "l1" in r and "l2" in r:
        return keras.regularizers.L1L2(l1=r["l1"], l2=r["l2"])
    if "l1" in r:
        return keras.regularizers.L1(r["l1"])
    return keras.regularizers.L2(r["l2"])


def make_loss(name):
    return {"mse": keras.losses.MeanSquaredError,
            "bce": keras.losses.BinaryCrossentropy,
            "cce": keras.losses.CategoricalCrossentropy}[name]()


def build_model(spec):
    """Keras functional model for an NNLab model file; returns (model, dense layers)."""
    inp = keras.Input(shape=(spec["input"],), dtype="float64")
    h = inp
    dense = []
    for L in spec["layers"]:
        if L["type"] == "dense":
            act = L["activation"]
            layer = keras.layers.Dense(
                L["units"], activation="linear" if act == "leaky_relu" else act,
                kernel_regularizer=make_regularizer(L.get("regularizer")), dtype="float64")
            h = layer(h)
            layer.set_weights([np.array(L["weights"], dtype=np.float64),
                               np.array(L["bias"], dtype=np.float64)])
            if act == "leaky_relu":
                h = keras.layers.LeakyReLU(negative_slope=L["alpha"], dtype="float64")(h)
            dense.append(layer)
        elif L["type"] == "concat_input":
            h = keras.layers.Concatenate(dtype="float64")([inp, h])
        elif L["type"] == "dropout":
            h = keras.layers.Dropout(L["rate"], dtype="float64")(h)
        else:
            raise ValueError(L["type"])
    model = keras.Model(inp, h)
    for v in model.weights:
        assert v.dtype == "float64", v
    return model, dense


def spec_with_weights(spec, dense):
    s = copy.deepcopy(spec)
    i = 0
    for L in s["layers"]:
        if L["type"] == "dense":
            W, b = dense[i].get_weights()
            L["weights"], L["bias"] = tolist(W), tolist(b)
            i += 1
    return s


def rand_w(rng, shape, scale=1.0):
    """Uniform weights in +-[0.05, scale]: never exactly 0 (L1 subgradient)."""
    w = rng.uniform(0.05, scale, size=shape) * rng.choice([-1.0, 1.0], size=shape)
    return np.round(w, 6)


def make_spec(rng, n_in, layers, loss, scale=1.0):
    """layers: list of ("dense", units, activation, regularizer[, alpha]) or ("concat",)."""
    spec = {"input": n_in, "loss": loss, "layers": []}
    width = n_in
    for L in layers:
        if L[0] == "concat":
            spec["layers"].append({"type": "concat_input"})
            width = n_in + width
            continue
        _, units, act, reg = L[:4]
        d = {"type": "dense", "units": units, "activation": act}
        if act == "leaky_relu":
            d["alpha"] = L[4] if len(L) > 4 else 0.1
        d["weights"] = tolist(rand_w(rng, (width, units), scale))
        d["bias"] = tolist(rand_w(rng, (units,), 0.5 * scale))
        if reg:
            d["regularizer"] = dict(reg)
        spec["layers"].append(d)
        width = units
    return spec


# --------------------------------------------------------------------------
# Independent NumPy reference of the documented semantics (cross-check)
# --------------------------------------------------------------------------

def f32(alpha):
    """TF's LeakyRelu op stores `alpha` as a float32 attribute: Keras uses float32(alpha)."""
    return float(np.float32(alpha))


def alpha_note(spec):
    """Note for models whose leaky_relu alpha is not exactly representable in float32."""
    al = sorted({L["alpha"] for L in spec["layers"] if L.get("activation") == "leaky_relu" and f32(L["alpha"]) != L["alpha"]})
    if not al:
        return None
    return ("ALPHA ROUNDING: Keras's LeakyReLU calls tf.nn.leaky_relu whose `alpha` is a float32 op attribute, "
            "so Keras effectively uses " + ", ".join(f"alpha {a!r} -> {f32(a)!r}" for a in al) +
            " (even in float64). The numbers below are Keras's; to match them to 1e-9 use Double(Float(alpha)).")


def np_act(name, z, alpha=None):
    if name == "linear":
        return z
    if name == "sigmoid":
        return 1.0 / (1.0 + np.exp(-z))
    if name == "tanh":
        return np.tanh(z)
    if name == "relu":
        return np.maximum(z, 0.0)
    if name == "leaky_relu":
        return np.where(z > 0, z, f32(alpha) * z)
    if name == "softmax":
        e = np.exp(z - z.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)
    if name == "elu":
        return np.where(z > 0, z, (1.0 if alpha is None else alpha) * (np.exp(z) - 1))
    if name == "selu":
        return np.where(z > 0, 1.0507009873554805 * z, 1.7580993408473768 * (np.exp(z) - 1))
    if name == "gelu":
        from math import erf
        return 0.5 * z * (1 + np.vectorize(erf)(z / np.sqrt(2)))
    if name == "gelu_tanh":
        return 0.5 * z * (1 + np.tanh(np.sqrt(2 / np.pi) * (z + 0.044715 * z ** 3)))
    if name == "softplus":
        return np.logaddexp(0.0, z)
    if name == "swish":
        return z / (1.0 + np.exp(-z))
    if name == "hard_sigmoid":
        return np.clip(z / 6 + 0.5, 0.0, 1.0)
    raise ValueError(name)


def np_act_backward(name, z, a, da, alpha=None):
    if name == "linear":
        return da
    if name == "sigmoid":
        return da * a * (1 - a)
    if name == "tanh":
        return da * (1 - a * a)
    if name == "relu":
        return da * (z > 0)
    if name == "leaky_relu":
        return da * np.where(z > 0, 1.0, f32(alpha))
    if name == "softmax":
        return a * (da - np.sum(da * a, axis=1, keepdims=True))
    raise ValueError(name)


def np_forward_backward(spec, X, Y):
    """Loss (from logits for sigmoid+bce / softmax+cce, as Keras does), outputs, grads."""
    h = X
    cache = []
    for L in spec["layers"]:
        if L["type"] == "concat_input":
            cache.append(("concat", h.shape[1]))
            h = np.hstack([X, h])
        else:
            W, b = np.array(L["weights"]), np.array(L["bias"])
            z = h @ W + b
            a = np_act(L["activation"], z, L.get("alpha"))
            cache.append(("dense", h, z, a, L))
            h = a
    n, k = h.shape
    loss_name = spec["loss"]
    last = cache[-1]
    dz_out = None
    if loss_name == "mse":
        loss = np.mean((h - Y) ** 2)
        da = 2 * (h - Y) / (n * k)
    elif loss_name == "bce":
        assert last[0] == "dense" and last[4]["activation"] == "sigmoid"
        z = last[2]
        loss = np.mean(np.maximum(z, 0) - z * Y + np.log1p(np.exp(-np.abs(z))))
        dz_out = (np_act("sigmoid", z) - Y) / (n * k)
    elif loss_name == "cce":
        assert last[0] == "dense" and last[4]["activation"] == "softmax"
        z = last[2]
        m = z.max(axis=1, keepdims=True)
        lse = m[:, 0] + np.log(np.exp(z - m).sum(axis=1))
        loss = np.mean(lse * Y.sum(axis=1) - (Y * z).sum(axis=1))
        dz_out = (np_act("softmax", z) * Y.sum(axis=1, keepdims=True) - Y) / n
    grads = []
    for idx in range(len(cache) - 1, -1, -1):
        c = cache[idx]
        if c[0] == "concat":
            da = da[:, X.shape[1]:]
            continue
        _, hin, z, a, L = c
        if dz_out is not None and idx == len(cache) - 1:
            dz = dz_out
        else:
            dz = np_act_backward(L["activation"], z, a, da, L.get("alpha"))
        W = np.array(L["weights"])
        gW = hin.T @ dz
        gb = dz.sum(axis=0)
        r = L.get("regularizer") or {}
        if "l1" in r:   # Keras: ops.cast(l1, float64) -> float32-rounded lambda
            loss += f32(r["l1"]) * np.abs(W).sum()
            gW = gW + f32(r["l1"]) * np.sign(W)
        if "l2" in r:
            loss += f32(r["l2"]) * (W ** 2).sum()
            gW = gW + 2 * f32(r["l2"]) * W
        grads.insert(0, (gW, gb))
        da = dz @ W.T
    return loss, h, grads


# --------------------------------------------------------------------------
# 1. gradients.json
# --------------------------------------------------------------------------

def keras_loss_and_grads(spec, data):
    model, dense = build_model(spec)
    x = tf.constant(np.array(data["x"], dtype=np.float64))
    y = tf.constant(np.array(data["y"], dtype=np.float64))
    lossfn = make_loss(spec["loss"])
    variables = []
    for d in dense:
        variables += [d.kernel, d.bias]
    with tf.GradientTape() as tape:
        out = model(x, training=True)
        loss = lossfn(y, out)
        for r in model.losses:
            loss = loss + r
    g = tape.gradient(loss, variables)
    assert out.dtype == F64 and loss.dtype == F64
    grads = [{"weights": tolist(g[2 * i]), "bias": tolist(g[2 * i + 1])} for i in range(len(dense))]
    # Also what model.evaluate (compiled, graph mode) reports: must agree.
    model.compile(optimizer="sgd", loss=make_loss(spec["loss"]))
    ev = model.evaluate(x, y, batch_size=len(data["x"]), verbose=0)
    ev = ev[0] if isinstance(ev, list) else ev
    return float(loss.numpy()), out.numpy(), grads, float(ev), model, x, y


def gradient_case(name, spec, data, note=None, saturated=False):
    loss, out, grads, ev, model, x, y = keras_loss_and_grads(spec, data)
    check(f"gradients/{name}: evaluate vs tape", ev, loss, 1e-12 * max(1, abs(loss)))
    if not saturated:
        for L, o in [(spec["layers"][-1], out)]:
            if L.get("activation") in ("sigmoid", "softmax"):
                assert o.min() > 1e-7 and o.max() < 1 - 1e-7, (name, o.min(), o.max())
    nl, nout, ng = np_forward_backward(spec, np.array(data["x"]), np.array(data["y"]))
    check(f"gradients/{name}: numpy loss", nl, loss, 1e-12 * max(1, abs(loss)))
    check(f"gradients/{name}: numpy outputs", nout, out)
    for i, (gW, gb) in enumerate(ng):
        check(f"gradients/{name}: numpy dW{i}", gW, grads[i]["weights"], 1e-11)
        check(f"gradients/{name}: numpy db{i}", gb, grads[i]["bias"], 1e-11)
    case = {"name": name}
    note = " ".join(x for x in [note, alpha_note(spec)] if x)
    if note:
        case["note"] = note
    case.update({"model": spec, "data": data, "loss": loss, "outputs": tolist(out), "gradients": grads})
    return case


def targets(rng, loss, n, k):
    if loss == "bce":
        return rng.randint(0, 2, size=(n, k)).astype(np.float64)
    if loss == "cce":
        return np.eye(k)[rng.randint(0, k, size=n)]
    return np.round(rng.uniform(-1.5, 1.5, size=(n, k)), 6)


def gen_gradients():
    rng = np.random.RandomState(1234)
    cases = []
    ci = 0

    def data_for(n_in, n, loss, k):
        x = np.round(rng.uniform(-2, 2, size=(n, n_in)), 6)
        return {"x": tolist(x), "y": tolist(targets(rng, loss, n, k))}

    # (a) every hidden activation x every loss; mse also with every output activation.
    for loss in ["mse", "bce", "cce"]:
        for hact in ACTIVATIONS:
            outs = {"mse": ACTIVATIONS, "bce": ["sigmoid"], "cce": ["softmax"]}[loss]
            for oact in outs:
                if loss == "mse" and oact != "linear" and hact != ACTIVATIONS[(ACTIVATIONS.index(oact) + 2) % 6]:
                    continue  # mse: every hidden act with linear output + every output act once
                k = {"mse": 2, "bce": 1 if ci % 2 == 0 else 3, "cce": 3}[loss]
                if oact == "softmax" and loss == "mse":
                    k = 3
                reg1, reg2 = REGS[ci % 4], REGS[(ci + 1) % 4]
                n = 1 if ci % 3 == 0 else 5
                alpha = [0.25, 0.125, 0.1, 0.0625, 0.3][ci % 5]  # 0.1, 0.3: float32 rounding (see note)
                spec = make_spec(rng, 3, [("dense", 4, hact, reg1, alpha), ("dense", k, oact, reg2, 0.2)], loss)
                name = f"{loss}_hidden-{hact}_out-{oact}_k{k}_n{n}_reg-{reg_name(reg1)}-{reg_name(reg2)}"
                cases.append(gradient_case(name, spec, data_for(3, n, loss, k)))
                ci += 1

    # (b) single layer models
    for loss, act, k in [("mse", "linear", 1), ("bce", "sigmoid", 1), ("cce", "softmax", 4), ("mse", "tanh", 2)]:
        reg = REGS[ci % 4]
        spec = make_spec(rng, 2, [("dense", k, act, reg)], loss)
        cases.append(gradient_case(f"single_dense_{loss}_{act}_k{k}_reg-{reg_name(reg)}", spec, data_for(2, 4, loss, k)))
        ci += 1

    # (c) concat_input architectures
    arch = [
        ("concat_dense-concat-dense_mse", 2, [("dense", 3, "sigmoid", {"l2": 0.01}), ("concat",),
                                              ("dense", 1, "leaky_relu", {"l1": 0.001, "l2": 0.01}, 0.1)], "mse", 1, 6),
        ("concat_skip_tanh_1unit_mse", 2, [("dense", 1, "tanh", None), ("concat",), ("dense", 1, "tanh", None)], "mse", 1, 4),
        ("concat_skip_tanh_1unit_mse_batch1", 2, [("dense", 1, "tanh", {"l2": 0.02}), ("concat",), ("dense", 1, "tanh", {"l1": 0.003})], "mse", 1, 1),
        ("concat_middle_deep_bce", 3, [("dense", 4, "relu", {"l1": 0.001}), ("dense", 3, "tanh", None), ("concat",),
                                       ("dense", 4, "leaky_relu", {"l2": 0.01}, 0.5), ("dense", 1, "sigmoid", {"l1": 0.002, "l2": 0.003})], "bce", 1, 5),
        ("concat_middle_deep_cce", 2, [("dense", 3, "tanh", {"l2": 0.01}), ("concat",), ("dense", 4, "relu", None),
                                       ("dense", 3, "softmax", {"l1": 0.001})], "cce", 3, 6),
        ("concat_twice_mse_multi_output", 2, [("dense", 3, "sigmoid", None), ("concat",), ("dense", 2, "tanh", {"l1": 0.001}),
                                              ("concat",), ("dense", 3, "linear", {"l2": 0.01})], "mse", 3, 5),
        ("concat_softmax_hidden_mse", 3, [("dense", 3, "softmax", {"l2": 0.01}), ("concat",), ("dense", 2, "sigmoid", None)], "mse", 2, 3),
        ("concat_deep_bce_multilabel_batch1", 3, [("dense", 4, "tanh", None), ("dense", 2, "relu", {"l2": 0.01}), ("concat",),
                                                  ("dense", 2, "sigmoid", {"l1": 0.002})], "bce", 2, 1),
    ]
    for name, n_in, layers, loss, k, n in arch:
        spec = make_spec(rng, n_in, layers, loss)
        cases.append(gradient_case(name, spec, data_for(n_in, n, loss, k)))

    # (d) deeper plain nets, several outputs
    spec = make_spec(rng, 4, [("dense", 5, "relu", {"l2": 0.001}), ("dense", 4, "tanh", {"l1": 0.001}),
                              ("dense", 3, "leaky_relu", None, 0.125), ("dense", 3, "linear", {"l1": 0.001, "l2": 0.001})], "mse")
    cases.append(gradient_case("deep_4layer_mse_multi_output", spec, data_for(4, 7, "mse", 3)))
    spec = make_spec(rng, 4, [("dense", 6, "tanh", None), ("dense", 5, "sigmoid", {"l2": 0.01}), ("dense", 4, "softmax", None)], "cce")
    cases.append(gradient_case("deep_3layer_cce_4class", spec, data_for(4, 8, "cce", 4)))

    # (d2) L1 at a weight that is exactly 0 (documents the subgradient Keras uses: sign(0) = 0)
    spec = {"input": 2, "loss": "mse", "layers": [
        {"type": "dense", "units": 2, "activation": "tanh", "weights": [[0.0, 0.4], [-0.3, 0.0]], "bias": [0.1, 0.0],
         "regularizer": {"l1": 0.01}},
        {"type": "dense", "units": 1, "activation": "linear", "weights": [[0.6], [0.0]], "bias": [0.2],
         "regularizer": {"l1": 0.001, "l2": 0.01}}]}
    data = {"x": [[1.0, -0.5], [0.25, 2.0]], "y": [[0.5], [-0.25]]}
    cases.append(gradient_case("L1_SUBGRADIENT_weights_exactly_zero", spec, data,
                               "Some weights are exactly 0: Keras's L1 term contributes l1*sign(0) = 0 to their "
                               "gradient (tf.abs gradient at 0 is 0)."))

    # (e) saturated probabilities (documenting Keras's behaviour)
    lg_note = ("SATURATED. Keras 3 (TF backend) attaches the pre-activation tensor to the output of "
               "the sigmoid/softmax activation (`_keras_logits`) and binary_/categorical_crossentropy then "
               "computes the loss FROM LOGITS (tf.nn.sigmoid_cross_entropy_with_logits / "
               "softmax_cross_entropy_with_logits): no clipping to [1e-7, 1-1e-7], the loss keeps growing "
               "linearly with the logit and the gradient w.r.t. the logits is exactly (p - y)/N. "
               "This holds in eager mode (GradientTape) and in model.fit/evaluate alike. "
               "'clipped_probability_loss' is what the same loss gives on the plain probability tensor "
               "(clip path), for comparison; it is NOT what Keras uses for this model.")
    spec = {"input": 2, "loss": "bce", "layers": [
        {"type": "dense", "units": 1, "activation": "sigmoid", "weights": [[20.0], [-15.0]], "bias": [0.5]}]}
    data = {"x": [[2.0, 0.0], [-2.0, 0.0], [0.0, 2.5], [1.0, 1.0]], "y": [[0.0], [1.0], [1.0], [1.0]]}
    c = gradient_case("SATURATED_bce_sigmoid_wrong_and_right_logits_path", spec, data, lg_note, saturated=True)
    c["clipped_probability_loss"] = clipped_loss("bce", c["outputs"], data["y"])
    cases.append(c)
    spec = {"input": 2, "loss": "bce", "layers": [
        {"type": "dense", "units": 2, "activation": "tanh", "weights": [[0.7, -0.4], [0.3, 0.9]], "bias": [0.1, -0.2],
         "regularizer": {"l2": 0.01}},
        {"type": "dense", "units": 2, "activation": "sigmoid", "weights": [[30.0, -25.0], [-28.0, 35.0]], "bias": [1.5, -0.5],
         "regularizer": {"l1": 0.001}}]}
    data = {"x": [[1.5, -1.0], [-1.2, 2.0], [2.0, 2.0]], "y": [[1.0, 0.0], [1.0, 1.0], [0.0, 1.0]]}
    c = gradient_case("SATURATED_bce_sigmoid_hidden_layer_multilabel_logits_path", spec, data, lg_note, saturated=True)
    c["clipped_probability_loss"] = clipped_loss("bce", c["outputs"], data["y"])
    cases.append(c)
    spec = {"input": 2, "loss": "cce", "layers": [
        {"type": "dense", "units": 3, "activation": "softmax", "weights": [[25.0, -20.0, 3.0], [-10.0, 22.0, 1.0]],
         "bias": [0.5, -0.5, 0.2], "regularizer": {"l2": 0.001}}]}
    data = {"x": [[2.0, -1.0], [-1.0, 2.0], [1.5, 1.5], [-2.0, -2.0]], "y": [[0, 1, 0], [1, 0, 0], [1, 0, 0], [0, 0, 1]]}
    data["y"] = tolist(data["y"])
    c = gradient_case("SATURATED_cce_softmax_logits_path", spec, data, lg_note, saturated=True)
    c["clipped_probability_loss"] = clipped_loss("cce", c["outputs"], data["y"])
    cases.append(c)
    for c in cases[-3:]:
        log(f"EXPERIMENT saturation {c['name']}: keras loss {c['loss']!r} vs clipped-probability path "
            f"{c['clipped_probability_loss']!r}")
    write("gradients.json", {"generator": GENERATOR, "note": "Total loss = Keras loss (mean over batch) + "
                             "sum(model.losses); gradients by tf.GradientTape (eager). " + F32_NOTE, "cases": cases})
    return len(cases)


def reg_name(r):
    if not r:
        return "none"
    return "+".join(f"{k}{v}" for k, v in r.items())


def clipped_loss(loss, p, y):
    """Keras loss on a *plain* tensor p (no cached logits) -> clipping path."""
    return float(make_loss(loss)(tf.constant(np.array(y, dtype=np.float64)),
                                 tf.constant(np.array(p, dtype=np.float64))).numpy())


# --------------------------------------------------------------------------
# 2. activations.json
# --------------------------------------------------------------------------

def gen_activations():
    z = np.array([[-30.0, -5.0, -1.0, -0.5, 0.0, 0.25, 1.0, 30.0],
                  [-2.0, -1e-3, 0.0, 1e-3, 0.7, 3.0, 12.5, -12.5],
                  [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0]])
    zs = np.array([[-30.0, 0.0, 30.0, 1.0],
                   [0.5, -1.0, 2.0, 0.0],
                   [0.0, 0.0, 0.0, 0.0],
                   [30.0, 30.0, -30.0, 29.0],
                   [-3.0, -2.5, 1e-3, 4.0]])
    cases = []
    # Around the kinks and thresholds of the newer activations: hard_sigmoid's ±3, softplus's ±34.04.
    zk = np.array([[-3.0, -2.999, 3.0, 2.999, -40.0, 40.0, -34.0, 34.5],
                   [-0.3, 0.3, -1e-8, 1e-8, 5.0, -5.0, 0.0, 1.5]])
    specs = [("linear", None, z), ("sigmoid", None, z), ("tanh", None, z), ("relu", None, z),
             ("leaky_relu", 0.1, z), ("leaky_relu", 0.3, z), ("leaky_relu", 0.25, z), ("softmax", None, zs),
             ("elu", None, z), ("elu", 0.5, zk), ("selu", None, z), ("gelu", None, z), ("gelu_tanh", None, zk),
             ("softplus", None, z), ("softplus", None, zk), ("swish", None, z), ("hard_sigmoid", None, z), ("hard_sigmoid", None, zk)]
    for name, alpha, zz in specs:
        if name == "leaky_relu":
            fn = keras.layers.LeakyReLU(negative_slope=alpha, dtype="float64")
        elif name == "elu" and alpha is not None:
            fn = lambda x, a=alpha: keras.activations.elu(x, alpha=a)
        elif name == "gelu":
            fn = lambda x: keras.activations.gelu(x, approximate=False)
        elif name == "gelu_tanh":
            fn = lambda x: keras.activations.gelu(x, approximate=True)
        else:
            fn = keras.activations.get(name)
        zt = tf.constant(zz, dtype=F64)
        with tf.GradientTape() as tape:
            tape.watch(zt)
            a = fn(zt)
            s = tf.reduce_sum(a)
        deriv = tape.gradient(s, zt)
        c = {"activation": name}
        if alpha is not None:
            c["alpha"] = alpha
        c["z"] = tolist(zz)
        c["output"] = tolist(a.numpy())
        if name == "gelu":
            # TensorFlow's float64 erfc is not exact: Keras's gelu differs from ½ z (1 + erf(z/√2)) by up to
            # about 4e-9 (at z = -1). The fixture keeps both; NNLab computes the exact value.
            exact = np_act(name, zz, alpha)
            deviation = check("activations/gelu (Keras vs exact erf)", exact, a.numpy(), 1e-8)
            log(f"EXPERIMENT Keras gelu(approximate=False) vs exact erf: max |diff| {deviation:.3g}")
            c["exact_output"] = tolist(exact)
            from math import sqrt, pi
            c["exact_derivative"] = tolist(0.5 * (1 + np.vectorize(__import__("math").erf)(zz / np.sqrt(2))) + zz * np.exp(-0.5 * zz * zz) / sqrt(2 * pi))
            c["note"] = f"TensorFlow's float64 erfc deviates: Keras's output differs from the exact GELU by up to {deviation:.3g}"
        elif name == "gelu_tanh":
            # tf.nn.gelu runs TensorFlow's own Gelu kernel: its tanh form differs from the formula by ~3e-10.
            deviation = check("activations/gelu_tanh (Keras vs formula)", np_act(name, zz, alpha), a.numpy(), 1e-9)
            log(f"EXPERIMENT Keras gelu(approximate=True) vs the tanh formula: max |diff| {deviation:.3g}")
        else:
            check(f"activations/{name}{alpha or ''}", np_act(name, zz, alpha), a.numpy(), 1e-15 if name in ("linear", "sigmoid", "tanh", "relu", "leaky_relu", "softmax") else 1e-13)
        if name == "leaky_relu" and f32(alpha) != alpha:
            c["note"] = (f"Keras/TF uses alpha as float32: {alpha!r} -> {f32(alpha)!r} "
                         "(tf.nn.leaky_relu's alpha is a float32 op attribute)")
        if name != "softmax":
            c["derivative"] = tolist(deriv.numpy())
            c["derivative_note"] = "elementwise da/dz by tf autodiff (relu/leaky_relu at z=0: see NOTES.md)"
        if name in ("sigmoid", "softmax"):
            jac = []
            for r in range(zz.shape[0]):
                zr = tf.constant(zz[r:r + 1], dtype=F64)
                with tf.GradientTape() as t2:
                    t2.watch(zr)
                    ar = fn(zr)
                J = t2.jacobian(ar, zr).numpy()[0, :, 0, :]   # J[j, i] = d a_j / d z_i
                jac.append(tolist(J.T))                       # element [i][j] = d a_j / d z_i
                ar = ar.numpy()[0]
                ref = np.diag(ar) - np.outer(ar, ar) if name == "softmax" else np.diag(ar * (1 - ar))
                check(f"activations/{name} jacobian row {r}", ref, J.T, 1e-15)
            c["jacobian"] = jac
        cases.append(c)
    d = {c["activation"] + str(c.get("alpha", "")): c.get("derivative") for c in cases}
    log("EXPERIMENT derivative at z=0: relu", d["relu"][0][4], " leaky_relu(0.1)", d["leaky_relu0.1"][0][4],
        " leaky_relu(0.3)", d["leaky_relu0.3"][0][4])
    write("activations.json", {"generator": GENERATOR, "cases": cases})
    return len(cases)


# --------------------------------------------------------------------------
# 3. losses.json
# --------------------------------------------------------------------------

def gen_losses():
    eps = 1e-7
    cases = []
    raw = [
        ("mse_single_output", "mse", [[1.0], [-0.5], [2.0]], [[0.8], [0.1], [2.5]]),
        ("mse_multi_output", "mse", [[1.0, 0.0, -1.0], [0.5, 0.25, 3.0]], [[0.9, 0.2, -1.5], [0.0, 0.25, 2.0]]),
        ("bce_interior", "bce", [[1.0], [0.0], [1.0], [0.0]], [[0.9], [0.2], [0.35], [0.6]]),
        ("bce_multi_output", "bce", [[1.0, 0.0], [0.0, 1.0]], [[0.7, 0.1], [0.45, 0.999]]),
        ("bce_clipped_extremes", "bce", [[1.0], [0.0], [1.0], [0.0], [1.0], [0.0]],
         [[0.0], [1.0], [1.0], [0.0], [1e-9], [1.0 - 1e-9]]),
        ("bce_at_clip_bounds", "bce", [[1.0], [0.0]], [[1e-7], [1.0 - 1e-7]]),
        ("bce_soft_targets", "bce", [[0.3], [0.8]], [[0.4], [0.5]]),
        ("cce_interior", "cce", [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]],
         [[0.7, 0.2, 0.1], [0.3, 0.4, 0.3], [0.25, 0.25, 0.5]]),
        ("cce_clipped_extremes", "cce", [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]], [[0.0, 0.5, 0.5], [1e-9, 1.0 - 1e-9, 0.0]]),
        ("cce_unnormalised_p", "cce", [[0.0, 1.0, 0.0], [1.0, 0.0, 0.0]], [[0.2, 0.6, 0.4], [0.1, 0.1, 0.1]]),
    ]
    for name, loss, y, p in raw:
        yt = tf.constant(np.array(y, dtype=np.float64))
        pt = tf.constant(np.array(p, dtype=np.float64))
        with tf.GradientTape() as tape:
            tape.watch(pt)
            v = make_loss(loss)(yt, pt)
        g = tape.gradient(v, pt).numpy()
        per = {"mse": keras.losses.mean_squared_error, "bce": keras.losses.binary_crossentropy,
               "cce": keras.losses.categorical_crossentropy}[loss](yt, pt).numpy()
        # numpy reference of the documented formula
        Y, P = np.array(y), np.array(p)
        n = P.shape[0]
        if loss == "mse":
            ref, gref = np.mean((P - Y) ** 2), 2 * (P - Y) / P.size
        elif loss == "bce":
            c = np.clip(P, eps, 1 - eps)
            inside = (P >= eps) & (P <= 1 - eps)
            ref = np.mean(-(Y * np.log(c) + (1 - Y) * np.log(1 - c)))
            gref = inside * (-(Y / c) + (1 - Y) / (1 - c)) / P.size
        else:
            S = P.sum(axis=1, keepdims=True)
            q = P / S
            c = np.clip(q, eps, 1 - eps)
            inside = (q >= eps) & (q <= 1 - eps)
            ref = np.mean(-(Y * np.log(c)).sum(axis=1))
            dq = inside * (-Y / c) / n
            gref = (dq - (dq * q).sum(axis=1, keepdims=True)) / S
        check(f"losses/{name} value", ref, v.numpy(), 1e-14)
        check(f"losses/{name} gradient", gref, g, 1e-9 * max(1, np.abs(g).max()))
        cases.append({"name": name, "loss": loss, "y": y, "p": p, "value": float(v.numpy()),
                      "per_sample": tolist(per), "gradient": tolist(g)})
    log("EXPERIMENT bce_clipped_extremes gradient:", cases[4]["gradient"])
    log("EXPERIMENT bce_at_clip_bounds gradient (p exactly at the clip bound):", cases[5]["gradient"])
    write("losses.json", {"generator": GENERATOR,
                          "note": "Plain probability tensors p (no cached logits): Keras clips p to "
                                  "[1e-7, 1-1e-7] (cce first divides p by its row sum); the gradient "
                                  "is 0 where p lies strictly outside the clip range. Value = mean over "
                                  "the batch of per_sample (each per-sample value is the mean over the "
                                  "last axis for mse/bce, the sum for cce).",
                          "cases": cases})
    return len(cases)


# --------------------------------------------------------------------------
# 4. optimizers.json
# --------------------------------------------------------------------------

OPT_CLASSES = {"sgd": keras.optimizers.SGD, "adam": keras.optimizers.Adam, "rmsprop": keras.optimizers.RMSprop,
               "adagrad": keras.optimizers.Adagrad, "adadelta": keras.optimizers.Adadelta, "adamw": keras.optimizers.AdamW}


def make_optimizer(spec):
    kw = {k: v for k, v in spec.items() if k != "type"}
    return OPT_CLASSES[spec["type"]](**kw)


# Constants that Keras passes through ops.cast(python_float, float64), i.e. tf.cast of a
# Python float, which first makes a float32 tensor: their value is float32-rounded.
KERAS_F32_CONSTANTS = {"sgd.momentum", "adam.beta_power", "adagrad.initial_accumulator_value", "weight_decay"}
OPT_CONSTANTS = {"sgd": ["sgd.momentum", "weight_decay"],
                 "adam": ["adam.beta_power", "adam.beta_update", "adam.epsilon"],
                 "adamw": ["adam.beta_power", "adam.beta_update", "adam.epsilon", "weight_decay"],
                 "rmsprop": ["rmsprop.rho", "rmsprop.momentum", "rmsprop.epsilon"],
                 "adagrad": ["adagrad.initial_accumulator_value", "adagrad.epsilon"],
                 "adadelta": ["adadelta.rho", "adadelta.epsilon"]}


def np_optimizer(spec, x0, grads, rounded=KERAS_F32_CONSTANTS):
    """Reference implementation of the formulas written in NOTES.md.

    `rounded`: names of the constants used as float32(value) (the experiment toggles them)."""
    cfg = make_optimizer(spec).get_config()
    t = spec["type"]
    # Weight decay (Keras 3's base optimizer, before every rule): x <- x - x * wd * lr, biases included.
    wd = cfg.get("weight_decay")
    if t == "adamw":
        t = "adam"

    def q(key, val):
        return f32(val) if key in rounded else val
    lr, eps = cfg["learning_rate"], q(t + ".epsilon", cfg.get("epsilon"))
    x = np.array(x0, dtype=np.float64)
    out = []
    m = np.zeros_like(x)
    v = np.zeros_like(x)
    vhat = np.zeros_like(x)
    if t == "adagrad":
        v = np.full_like(x, q("adagrad.initial_accumulator_value", cfg["initial_accumulator_value"]))  # Constant initializer: ops.cast -> float32
    for step, g in enumerate(grads, start=1):
        g = np.array(g)
        if wd:
            x = x - x * q("weight_decay", wd) * lr
        if t == "sgd":
            mu = q("sgd.momentum", cfg["momentum"])          # ops.cast(python float) -> float32 first
            if mu == 0:
                x = x - lr * g
            else:
                m = mu * m - lr * g
                x = x + (mu * m - lr * g if cfg["nesterov"] else m)
        elif t == "adam":
            b1, b2 = q("adam.beta_update", cfg["beta_1"]), q("adam.beta_update", cfg["beta_2"])
            m = m + (g - m) * (1 - b1)
            v = v + (g * g - v) * (1 - b2)
            if cfg["amsgrad"]:
                vhat = np.maximum(vhat, v)
                vv = vhat
            else:
                vv = v
            # beta powers use ops.cast(beta, float64): float32-rounded betas; m/v updates use exact betas
            p1, p2 = q("adam.beta_power", cfg["beta_1"]) ** step, q("adam.beta_power", cfg["beta_2"]) ** step
            alpha = lr * np.sqrt(1 - p2) / (1 - p1)
            x = x - m * alpha / (np.sqrt(vv) + eps)
        elif t == "rmsprop":
            rho, mu = q("rmsprop.rho", cfg["rho"]), q("rmsprop.momentum", cfg["momentum"])
            v = rho * v + (1 - rho) * g * g
            if cfg["centered"]:
                vhat = rho * vhat + (1 - rho) * g          # average gradient
                den = v - vhat * vhat + eps
            else:
                den = v + eps
            inc = lr * g / np.sqrt(den)
            if mu > 0:
                m = mu * m + inc
                x = x - m
            else:
                x = x - inc
        elif t == "adagrad":
            v = v + g * g
            x = x - lr * g / np.sqrt(v + eps)
        elif t == "adadelta":
            rho = q("adadelta.rho", cfg["rho"])
            v = rho * v + (1 - rho) * g * g                 # accumulated grad
            d = -np.sqrt(m + eps) * g / np.sqrt(v + eps)    # m = accumulated delta
            m = rho * m + (1 - rho) * d * d
            x = x + lr * d
        out.append(x.copy())
    return np.array(out)


def clean_config(cfg):
    return {k: (float(v) if isinstance(v, (np.floating, float)) and not isinstance(v, bool) else v)
            for k, v in cfg.items()}


def gen_optimizers():
    rng = np.random.RandomState(99)
    specs = [
        ("sgd_defaults", {"type": "sgd"}),
        ("sgd_plain_lr0.1", {"type": "sgd", "learning_rate": 0.1}),
        ("sgd_momentum", {"type": "sgd", "learning_rate": 0.05, "momentum": 0.9}),
        ("sgd_nesterov", {"type": "sgd", "learning_rate": 0.05, "momentum": 0.9, "nesterov": True}),
        ("adam_defaults", {"type": "adam"}),
        ("adam_lr0.1", {"type": "adam", "learning_rate": 0.1}),
        ("adam_amsgrad", {"type": "adam", "learning_rate": 0.05, "amsgrad": True}),
        ("adam_custom_betas_epsilon", {"type": "adam", "learning_rate": 0.02, "beta_1": 0.8, "beta_2": 0.95, "epsilon": 1e-3}),
        ("rmsprop_defaults", {"type": "rmsprop"}),
        ("rmsprop_momentum", {"type": "rmsprop", "learning_rate": 0.01, "momentum": 0.9}),
        ("rmsprop_centered", {"type": "rmsprop", "learning_rate": 0.01, "centered": True}),
        ("rmsprop_centered_momentum", {"type": "rmsprop", "learning_rate": 0.01, "rho": 0.8, "momentum": 0.5,
                                       "epsilon": 1e-4, "centered": True}),
        ("adagrad_defaults", {"type": "adagrad"}),
        ("adagrad_lr0.1", {"type": "adagrad", "learning_rate": 0.1}),
        ("adagrad_custom_accumulator_epsilon", {"type": "adagrad", "learning_rate": 0.05,
                                                "initial_accumulator_value": 0.5, "epsilon": 1e-3}),
        ("adadelta_defaults", {"type": "adadelta"}),
        ("adadelta_lr1.0", {"type": "adadelta", "learning_rate": 1.0}),
        ("adadelta_custom_rho_epsilon", {"type": "adadelta", "learning_rate": 0.5, "rho": 0.9, "epsilon": 1e-4}),
        # Weight decay (appended, so the cases above keep their random draws).
        ("sgd_weight_decay", {"type": "sgd", "learning_rate": 0.1, "weight_decay": 0.01}),
        ("sgd_momentum_weight_decay", {"type": "sgd", "learning_rate": 0.05, "momentum": 0.9, "weight_decay": 0.05}),
        ("adamw_defaults", {"type": "adamw"}),
        ("adamw_lr0.05_wd0.1", {"type": "adamw", "learning_rate": 0.05, "weight_decay": 0.1}),
        ("rmsprop_weight_decay", {"type": "rmsprop", "learning_rate": 0.01, "weight_decay": 0.02}),
    ]
    cases = []
    evidence = {}
    for i, (name, spec) in enumerate(specs):
        n = 6
        steps = 8 if i % 2 == 0 else 6
        initial = np.round(rng.uniform(-1.5, 1.5, size=n), 6)
        mags = np.array([1e-3, 0.05, 0.5, 1.0, 3.0, 20.0])
        grads = np.round(rng.choice([-1, 1], size=(steps, n)) * mags[rng.randint(0, 6, size=(steps, n))]
                         * rng.uniform(0.5, 1.5, size=(steps, n)), 6)
        grads[2, 1] = 0.0   # a zero gradient in step 3
        var = keras.Variable(initial, dtype="float64")
        opt = make_optimizer(spec)
        exp = []
        for g in grads:
            opt.apply_gradients([(tf.constant(g, dtype=F64), var)])
            assert var.dtype == "float64"
            exp.append(var.numpy().copy())
        exp = np.array(exp)
        check(f"optimizers/{name} numpy formula", np_optimizer(spec, initial, grads), exp,
              1e-13 * max(1, np.abs(exp).max()))
        for const in OPT_CONSTANTS[spec["type"]]:
            alt = np_optimizer(spec, initial, grads, KERAS_F32_CONSTANTS ^ {const})
            d_alt = float(np.max(np.abs(alt - exp)))
            if d_alt > 0:
                evidence.setdefault(const, []).append(d_alt)
        cases.append({"name": name, "optimizer": spec, "initial": tolist(initial),
                      "gradients": tolist(grads), "expected": tolist(exp)})
    for const in sorted(evidence):
        how = "float32(value)" if const in KERAS_F32_CONSTANTS else "exact float64 value"
        log(f"EXPERIMENT optimizer constant {const}: Keras uses the {how}; the other choice misses "
            f"Keras by up to {max(evidence[const]):.3g} (matching choice: <= 1e-13 relative)")
    defaults = {}
    for t, c in OPT_CLASSES.items():
        cfg = clean_config(c().get_config())
        cfg["name"] = c.__name__   # get_config's name carries an instance counter (e.g. "adam_3")
        defaults[t] = cfg
    log("EXPERIMENT optimizer defaults:", json.dumps(defaults))
    write("optimizers.json", {"generator": GENERATOR, "note": "One float64 keras.Variable of shape (len(initial),), "
                              "optimizer.apply_gradients once per step. " + F32_NOTE, "defaults": defaults,
                              "cases": cases})
    return len(cases)


# --------------------------------------------------------------------------
# 5. fit.json
# --------------------------------------------------------------------------

def make_metrics(names, units):
    out = []
    for m in names:
        if m == "mse":
            out.append(keras.metrics.MeanSquaredError(name="mse"))
        elif m == "accuracy":
            out.append(keras.metrics.BinaryAccuracy(name="accuracy", threshold=0.5) if units == 1
                       else keras.metrics.CategoricalAccuracy(name="accuracy"))
        else:
            raise ValueError(m)
    return out


def np_metric(name, y, p):
    if name == "mse":
        return np.mean((p - y) ** 2, axis=1)
    if p.shape[1] == 1:
        return np.mean((p > 0.5).astype(np.float64) == y, axis=1)
    return (np.argmax(p, axis=1) == np.argmax(y, axis=1)).astype(np.float64)


def replay_fit(run):
    """Manual eager replay: per-batch total loss before the update, optimizer.apply."""
    spec = run["model"]
    model, dense = build_model(spec)
    lossfn = make_loss(spec["loss"])
    opt = make_optimizer(run["optimizer"])
    X, Y = np.array(run["data"]["x"]), np.array(run["data"]["y"])
    n, bs = len(X), run["batch_size"]
    hyp = {"weighted_pre": [], "plain_mean_pre": [], "weighted_post": [], "weighted_pre_no_reg": []}
    metrics = {m: [] for m in run["metrics"]}
    val = {"val_loss": []}
    val.update({"val_" + m: [] for m in run["metrics"]})
    variables = model.trainable_variables
    for ep in range(run["epochs"]):
        ls, lnr, ns, post = [], [], [], []
        mvals = {m: [] for m in run["metrics"]}
        for s in range(0, n, bs):
            xb, yb = tf.constant(X[s:s + bs]), tf.constant(Y[s:s + bs])
            with tf.GradientTape() as tape:
                out = model(xb, training=True)
                base = lossfn(yb, out)
                loss = base
                for r in model.losses:
                    loss = loss + r
            g = tape.gradient(loss, variables)
            opt.apply_gradients(zip(g, variables))
            ls.append(float(loss))
            lnr.append(float(base))
            ns.append(len(xb))
            for m in run["metrics"]:
                mvals[m].append(np_metric(m, Y[s:s + bs], out.numpy()))
            out2 = model(xb, training=True)
            post.append(float(lossfn(yb, out2) + sum(float(r) for r in model.losses)))
        ns = np.array(ns, dtype=np.float64)
        hyp["weighted_pre"].append(float(np.sum(ns * ls) / ns.sum()))
        hyp["plain_mean_pre"].append(float(np.mean(ls)))
        hyp["weighted_post"].append(float(np.sum(ns * post) / ns.sum()))
        hyp["weighted_pre_no_reg"].append(float(np.sum(ns * lnr) / ns.sum()))
        for m in run["metrics"]:
            metrics[m].append(float(np.mean(np.concatenate(mvals[m]))))
        if "validation" in run:
            Xv, Yv = np.array(run["validation"]["x"]), np.array(run["validation"]["y"])
            vl, vn = [], []
            vm = {m: [] for m in run["metrics"]}
            for s in range(0, len(Xv), bs):
                out = model(tf.constant(Xv[s:s + bs]), training=False)
                vl.append(float(lossfn(tf.constant(Yv[s:s + bs]), out) + sum(float(r) for r in model.losses)))
                vn.append(len(Xv[s:s + bs]))
                for m in run["metrics"]:
                    vm[m].append(np_metric(m, Yv[s:s + bs], out.numpy()))
            vn = np.array(vn, dtype=np.float64)
            val["val_loss"].append(float(np.sum(vn * vl) / vn.sum()))
            for m in run["metrics"]:
                val["val_" + m].append(float(np.mean(np.concatenate(vm[m]))))
    return hyp, metrics, val, spec_with_weights(spec, dense)


def fit_case(name, run, note=None, string_metrics_check=False):
    spec = run["model"]
    model, dense = build_model(spec)
    units = spec["layers"][-1]["units"]
    model.compile(optimizer=make_optimizer(run["optimizer"]), loss=make_loss(spec["loss"]),
                  metrics=make_metrics(run["metrics"], units))
    kw = {}
    if "validation" in run:
        kw["validation_data"] = (np.array(run["validation"]["x"]), np.array(run["validation"]["y"]))
    h = model.fit(np.array(run["data"]["x"]), np.array(run["data"]["y"]), epochs=run["epochs"],
                  batch_size=run["batch_size"], shuffle=False, verbose=0, **kw)
    hist = {k: [float(v) for v in vals] for k, vals in h.history.items()}
    final = spec_with_weights(spec, dense)
    # ---- experiment: replay by hand and test hypotheses about "loss"
    hyp, metrics, val, rfinal = replay_fit(run)
    res = {k: float(np.max(np.abs(np.array(v) - np.array(hist["loss"])))) for k, v in hyp.items()}
    log(f"EXPERIMENT fit/{name}: max|history.loss - hypothesis| = " +
        ", ".join(f"{k}: {v:.3g}" for k, v in res.items()))
    check(f"fit/{name} loss = batch-size-weighted mean of pre-update total batch losses",
          hyp["weighted_pre"], hist["loss"], 1e-12)
    for m in run["metrics"]:
        check(f"fit/{name} train metric {m} = per-sample mean of pre-update predictions", metrics[m], hist[m], 1e-12)
    for k, v in val.items():
        if k in hist:
            check(f"fit/{name} {k} after the epoch's updates", v, hist[k], 1e-12)
    for a, b in zip([L for L in final["layers"] if L["type"] == "dense"],
                    [L for L in rfinal["layers"] if L["type"] == "dense"]):
        check(f"fit/{name} final weights vs replay", a["weights"], b["weights"], 1e-11)
        check(f"fit/{name} final bias vs replay", a["bias"], b["bias"], 1e-11)
    if string_metrics_check:
        m2, _ = build_model(spec)
        m2.compile(optimizer=make_optimizer(run["optimizer"]), loss=make_loss(spec["loss"]),
                   metrics=list(run["metrics"]))
        h2 = m2.fit(np.array(run["data"]["x"]), np.array(run["data"]["y"]), epochs=run["epochs"],
                    batch_size=run["batch_size"], shuffle=False, verbose=0, **kw)
        log(f"EXPERIMENT fit/{name}: history keys with metrics=strings {run['metrics']}: {sorted(h2.history)}")
        for m in run["metrics"]:
            check(f"fit/{name} string metric '{m}' == explicit metric", h2.history[m], hist[m], 1e-12)
    log(f"EXPERIMENT fit/{name}: jit_compile={model.jit_compile} history keys={sorted(hist)}")
    case = {"name": name}
    note = " ".join(x for x in [note, alpha_note(spec)] if x)
    if note:
        case["note"] = note
    case.update({"run": run, "history": hist, "final_model": final})
    return case


def gen_fit():
    rng = np.random.RandomState(7)
    cases = []

    def xy(n, n_in, loss, k, teacher=None):
        x = np.round(rng.uniform(-2, 2, size=(n, n_in)), 6)
        if loss == "mse":
            y = np.round(np.tanh(x @ rng.uniform(-1, 1, size=(n_in, k))) + 0.1 * rng.normal(size=(n, k)), 6)
        elif loss == "bce":
            y = (x @ rng.uniform(-1, 1, size=(n_in, k)) + 0.3 * rng.normal(size=(n, k)) > 0).astype(np.float64)
        else:
            y = np.eye(k)[np.argmax(x @ rng.uniform(-1, 1, size=(n_in, k)) + 0.3 * rng.normal(size=(n, k)), axis=1)]
        return {"x": tolist(x), "y": tolist(y)}

    xor = {"x": [[-1.0, -1.0], [-1.0, 1.0], [1.0, -1.0], [1.0, 1.0]], "y": [[1.0], [-1.0], [-1.0], [1.0]]}
    xor_model = {"input": 2, "loss": "mse", "layers": [
        {"type": "dense", "units": 2, "activation": "tanh", "weights": [[0.5, -0.4], [0.3, 0.6]], "bias": [0.1, -0.1],
         "regularizer": {"l2": 0.01}},
        {"type": "dense", "units": 1, "activation": "tanh", "weights": [[0.7], [-0.5]], "bias": [0.2],
         "regularizer": {"l1": 0.001}}]}
    xor_note = "Course example: XOR 2-2-1 tanh, L2(0.01) on layer 1, L1(0.001) on layer 2, SGD lr 0.05."
    cases.append(fit_case("xor_2-2-1_tanh_sgd0.05_l2_l1_fullbatch", {
        "model": xor_model, "data": xor, "optimizer": {"type": "sgd", "learning_rate": 0.05},
        "epochs": 30, "batch_size": 4, "shuffle": False, "metrics": ["mse"]}, xor_note))
    cases.append(fit_case("xor_2-2-1_tanh_sgd0.05_l2_l1_batch1", {
        "model": xor_model, "data": xor, "optimizer": {"type": "sgd", "learning_rate": 0.05},
        "epochs": 30, "batch_size": 1, "shuffle": False, "metrics": ["mse"]}, xor_note + " Batch size 1."))

    skip = {"input": 2, "loss": "mse", "layers": [
        {"type": "dense", "units": 1, "activation": "tanh", "weights": [[0.8], [-0.6]], "bias": [0.05]},
        {"type": "concat_input"},
        {"type": "dense", "units": 1, "activation": "tanh", "weights": [[0.4], [0.3], [-0.9]], "bias": [-0.1]}]}
    cases.append(fit_case("concat_skip_dense1tanh_concat_dense1tanh_xor_sgd", {
        "model": skip, "data": xor, "optimizer": {"type": "sgd", "learning_rate": 0.1},
        "epochs": 25, "batch_size": 4, "shuffle": False, "metrics": ["mse"]},
        "Skip network: dense(1,tanh) -> concat_input [x, s] -> dense(1,tanh)."))
    skip2 = copy.deepcopy(skip)
    skip2["layers"][0]["regularizer"] = {"l2": 0.01}
    skip2["layers"][2]["regularizer"] = {"l1": 0.001, "l2": 0.001}
    cases.append(fit_case("concat_skip_adam_regularized_batch3_of_4", {
        "model": skip2, "data": xor, "optimizer": {"type": "adam", "learning_rate": 0.05},
        "epochs": 20, "batch_size": 3, "shuffle": False, "metrics": ["mse"]}))

    # binary classification, 10 samples, batch 4, validation, RMSprop
    spec = make_spec(rng, 3, [("dense", 4, "tanh", {"l2": 0.01}), ("dense", 1, "sigmoid", {"l1": 0.001})], "bce")
    cases.append(fit_case("bce_10samples_batch4_rmsprop_validation", {
        "model": spec, "data": xy(10, 3, "bce", 1), "validation": xy(6, 3, "bce", 1),
        "optimizer": {"type": "rmsprop", "learning_rate": 0.01}, "epochs": 15, "batch_size": 4,
        "shuffle": False, "metrics": ["accuracy", "mse"]}), )
    # categorical, 12 samples, batch 5, adagrad, validation
    spec = make_spec(rng, 2, [("dense", 5, "relu", {"l1": 0.001, "l2": 0.001}), ("dense", 3, "softmax", None)], "cce")
    cases.append(fit_case("cce_12samples_batch5_adagrad_validation", {
        "model": spec, "data": xy(12, 2, "cce", 3), "validation": xy(7, 2, "cce", 3),
        "optimizer": {"type": "adagrad", "learning_rate": 0.1}, "epochs": 12, "batch_size": 5,
        "shuffle": False, "metrics": ["accuracy"]}, string_metrics_check=True))
    # binary string-metric check
    spec = make_spec(rng, 2, [("dense", 3, "sigmoid", None), ("dense", 1, "sigmoid", {"l2": 0.01})], "bce")
    cases.append(fit_case("bce_full_batch_adam_defaults", {
        "model": spec, "data": xy(8, 2, "bce", 1), "optimizer": {"type": "adam"},
        "epochs": 10, "batch_size": 8, "shuffle": False, "metrics": ["accuracy", "mse"]}, string_metrics_check=True))
    # regression batch 1, SGD nesterov, leaky relu
    spec = make_spec(rng, 2, [("dense", 3, "leaky_relu", {"l1": 0.002, "l2": 0.005}, 0.25),
                              ("dense", 2, "linear", {"l2": 0.01})], "mse")
    cases.append(fit_case("mse_batch1_sgd_nesterov_leaky_relu", {
        "model": spec, "data": xy(5, 2, "mse", 2), "validation": xy(3, 2, "mse", 2),
        "optimizer": {"type": "sgd", "learning_rate": 0.02, "momentum": 0.9, "nesterov": True},
        "epochs": 8, "batch_size": 1, "shuffle": False, "metrics": ["mse"]}))
    # Adam amsgrad full batch, deeper, concat in middle
    spec = make_spec(rng, 3, [("dense", 4, "tanh", {"l2": 0.001}), ("concat",), ("dense", 3, "relu", None),
                              ("dense", 2, "linear", {"l1": 0.001})], "mse")
    cases.append(fit_case("mse_concat_middle_adam_amsgrad_fullbatch", {
        "model": spec, "data": xy(9, 3, "mse", 2), "optimizer": {"type": "adam", "learning_rate": 0.01, "amsgrad": True},
        "epochs": 15, "batch_size": 9, "shuffle": False, "metrics": ["mse"]}))
    # RMSprop centered + momentum, softmax
    spec = make_spec(rng, 3, [("dense", 4, "sigmoid", None), ("dense", 3, "softmax", {"l2": 0.01})], "cce")
    cases.append(fit_case("cce_rmsprop_centered_momentum_batch4_of_10", {
        "model": spec, "data": xy(10, 3, "cce", 3), "validation": xy(5, 3, "cce", 3),
        "optimizer": {"type": "rmsprop", "learning_rate": 0.01, "momentum": 0.5, "centered": True},
        "epochs": 10, "batch_size": 4, "shuffle": False, "metrics": ["accuracy", "mse"]}))
    # Adadelta lr 1.0, and Adadelta defaults
    spec = make_spec(rng, 2, [("dense", 3, "tanh", {"l2": 0.01}), ("dense", 1, "linear", None)], "mse")
    cases.append(fit_case("mse_adadelta_lr1.0_batch4_of_10", {
        "model": spec, "data": xy(10, 2, "mse", 1), "optimizer": {"type": "adadelta", "learning_rate": 1.0},
        "epochs": 10, "batch_size": 4, "shuffle": False, "metrics": ["mse"]}))
    cases.append(fit_case("mse_adadelta_defaults_batch4_of_10", {
        "model": spec, "data": cases[-1]["run"]["data"], "optimizer": {"type": "adadelta"},
        "epochs": 5, "batch_size": 4, "shuffle": False, "metrics": ["mse"]},
        "Adadelta defaults (learning_rate 0.001 in Keras 3): the weights barely move."))
    # SGD momentum (no nesterov), sigmoid bce multi-label 2 outputs -> accuracy is only for 1 output; use mse
    spec = make_spec(rng, 3, [("dense", 3, "relu", {"l1": 0.001}), ("dense", 2, "sigmoid", None)], "bce")
    cases.append(fit_case("bce_multilabel_sgd_momentum_batch3_of_7", {
        "model": spec, "data": xy(7, 3, "bce", 2), "optimizer": {"type": "sgd", "learning_rate": 0.1, "momentum": 0.8},
        "epochs": 10, "batch_size": 3, "shuffle": False, "metrics": ["mse"]}))
    write("fit.json", {"generator": GENERATOR, "note": "model.fit(shuffle=False, verbose=0); history['loss'] = "
                       "batch-size-weighted mean of the pre-update total batch losses (incl. regularization); "
                       "train metrics from pre-update predictions, per-sample mean over the epoch; val_* after the "
                       "epoch's updates. " + F32_NOTE, "cases": cases})
    return len(cases)


def experiments():
    """Small printed experiments backing NOTES.md (no fixture file)."""
    W = keras.Variable(np.array([[1.0, -2.0], [0.0, 0.5]]), dtype="float64")
    for r, l1, l2 in [(keras.regularizers.L2(0.01), 0.0, 0.01), (keras.regularizers.L1(0.001), 0.001, 0.0),
                      (keras.regularizers.L1L2(l1=0.001, l2=0.01), 0.001, 0.01)]:
        with tf.GradientTape() as t:
            v = r(W)
        g = t.gradient(v, W).numpy()
        exact = l1 * 3.5 + l2 * 5.25
        rounded = f32(l1) * 3.5 + f32(l2) * 5.25
        log(f"EXPERIMENT regularizer l1={l1} l2={l2} on W=[[1,-2],[0,0.5]] (sum|w|=3.5, sum w^2=5.25): "
            f"Keras {float(v)!r}; exact lambdas {exact!r}; float32 lambdas {rounded!r}; grad {g.tolist()}")
    log("EXPERIMENT L1 gradient at w == 0 (element [1][0] above) is", g[1][0], "(tf.abs gradient = sign(0) = 0)")
    ba = keras.metrics.BinaryAccuracy()
    ba.update_state(np.array([[0.0], [1.0], [1.0]]), np.array([[0.5], [0.5], [0.5000000001]]))
    log(f"EXPERIMENT BinaryAccuracy y=[0,1,1], p=[0.5,0.5,0.5000000001] -> {float(ba.result())!r} "
        "(p > 0.5 strictly counts as class 1)")
    ca = keras.metrics.CategoricalAccuracy()
    ca.update_state(np.array([[0.0, 1.0, 0.0], [1.0, 0.0, 0.0]]), np.array([[0.4, 0.4, 0.2], [0.4, 0.4, 0.2]]))
    log(f"EXPERIMENT CategoricalAccuracy ties, y=[e1,e0], p=[.4,.4,.2] twice -> {float(ca.result())!r} "
        "(argmax picks the first maximal index)")
    # sigmoid output + bce, graph mode (tf.function) vs eager: both use the cached logits
    spec = {"input": 1, "loss": "bce", "layers": [{"type": "dense", "units": 1, "activation": "sigmoid",
                                                    "weights": [[40.0]], "bias": [0.0]}]}
    model, _ = build_model(spec)
    x, y = tf.constant([[1.0]], dtype=F64), tf.constant([[0.0]], dtype=F64)
    lf = make_loss("bce")
    eager = float(lf(y, model(x)))
    graph = float(tf.function(lambda a, b: lf(b, model(a)))(x, y))
    plain = float(lf(y, tf.constant(model(x).numpy())))
    log(f"EXPERIMENT sigmoid(40) with target 0: bce eager {eager!r}, tf.function {graph!r}, "
        f"on a plain copy of p {plain!r} (= -log(1e-7) after clipping)")
    a = keras.activations.softmax(tf.constant([[1.0, 2.0]], dtype=F64))
    log("EXPERIMENT keras.activations.softmax output carries _keras_logits:", hasattr(a, "_keras_logits"))



# --------------------------------------------------------------------------
# early_stopping.json: EarlyStopping(restore_best_weights=True)
# --------------------------------------------------------------------------

def gen_early_stopping():
    """fit with Keras's EarlyStopping(restore_best_weights=True): the history Keras keeps and the weights
    it ends with. Cross-checked without the callback: the same fit recording the weights after every
    epoch, whose best epoch's weights must be the restored ones."""
    xor = {"x": [[-1.0, -1.0], [-1.0, 1.0], [1.0, -1.0], [1.0, 1.0]], "y": [[1.0], [-1.0], [-1.0], [1.0]]}
    model = {"input": 2, "loss": "mse", "layers": [
        {"type": "dense", "units": 2, "activation": "tanh", "weights": [[0.5, -0.4], [0.3, 0.6]], "bias": [0.1, -0.1]},
        {"type": "dense", "units": 1, "activation": "linear", "weights": [[0.7], [-0.5]], "bias": [0.2]}]}
    specs = [
        # A large step makes the loss climb after a few epochs: stopped by patience, best restored.
        ("loss_patience2_sgd_lr0.9", {"optimizer": {"type": "sgd", "learning_rate": 0.9}, "epochs": 30,
                                      "early_stopping": {"monitor": "loss", "patience": 2, "restore_best_weights": True}}),
        # Patience never runs out: Keras still restores the best epoch at the end of training.
        ("loss_patience50_runs_every_epoch", {"optimizer": {"type": "sgd", "learning_rate": 0.9}, "epochs": 12,
                                              "early_stopping": {"monitor": "loss", "patience": 50, "restore_best_weights": True}}),
        # An accuracy, improving upwards, with min_delta.
        ("mse_patience3_min_delta_adam", {"optimizer": {"type": "adam", "learning_rate": 0.3}, "epochs": 40, "metrics": ["mse"],
                                          "early_stopping": {"monitor": "mse", "patience": 3, "min_delta": 0.001, "restore_best_weights": True}}),
    ]
    cases = []
    for name, extra in specs:
        run = {"model": model, "data": xor, "batch_size": 4, "shuffle": False, "metrics": extra.get("metrics", [])}
        run.update({k: v for k, v in extra.items() if k != "metrics"})
        es = run["early_stopping"]
        def compiled():
            m, dense = build_model(model)
            m.compile(optimizer=make_optimizer(run["optimizer"]), loss=make_loss(model["loss"]),
                      metrics=make_metrics(run["metrics"], 1))
            return m, dense
        m, dense = compiled()
        cb = keras.callbacks.EarlyStopping(monitor=es["monitor"], patience=es["patience"], min_delta=es.get("min_delta", 0.0),
                                           restore_best_weights=True)
        h = m.fit(np.array(xor["x"]), np.array(xor["y"]), epochs=run["epochs"], batch_size=4, shuffle=False, verbose=0, callbacks=[cb])
        hist = {k: [float(v) for v in vals] for k, vals in h.history.items()}
        final = spec_with_weights(model, dense)
        # Without the callback: the weights after each epoch.
        m2, dense2 = compiled()
        per_epoch = []
        record = keras.callbacks.LambdaCallback(on_epoch_end=lambda e, logs: per_epoch.append([w.copy() for w in m2.get_weights()]))
        h2 = m2.fit(np.array(xor["x"]), np.array(xor["y"]), epochs=len(hist["loss"]), batch_size=4, shuffle=False, verbose=0,
                    callbacks=[record])
        check(f"early_stopping/{name} history = the same fit without the callback", hist[es["monitor"]], h2.history[es["monitor"]], 1e-12)
        best = cb.best_epoch
        restored = [w for w in m.get_weights()]
        for a, b in zip(restored, per_epoch[best]):
            check(f"early_stopping/{name} restored weights = epoch {best + 1}'s", a, b, 1e-15)
        log(f"EXPERIMENT early_stopping/{name}: ran {len(hist['loss'])} of {run['epochs']} epochs, "
            f"stopped_epoch {cb.stopped_epoch}, restored epoch {best + 1}")
        cases.append({"name": name, "run": run, "history": hist, "final_model": final, "restored_epoch": best + 1})
    write("early_stopping.json", {"generator": GENERATOR, "cases": cases})
    return len(cases)

def gen_dropout():
    """Dropout as Keras applies it. Inference (training=False): the network's loss, outputs and
    gradients, which must equal those of the same network without its dropout layers. Training: the
    Dropout layer's output on known inputs, whose kept values NNLab must reproduce bit for bit as
    x·(1/(1 − rate)) (the masks come from another generator, so only the scaling can be compared)."""
    rng = np.random.RandomState(1313)
    cases = []
    for name, n_in, hidden, rate, out_units, out_act, loss in [
            ("tanh_dropout0.5_softmax_cce", 3, 4, 0.5, 3, "softmax", "cce"),
            ("relu_dropout0.2_sigmoid_bce", 2, 5, 0.2, 1, "sigmoid", "bce"),
            ("sigmoid_dropout0.3_linear_mse", 4, 3, 0.3, 2, "linear", "mse")]:
        spec = {"input": n_in, "loss": loss, "layers": [
            {"type": "dense", "units": hidden, "activation": name.split("_")[0],
             "weights": tolist(rand_w(rng, (n_in, hidden))), "bias": tolist(np.round(rng.uniform(-0.3, 0.3, hidden), 6))},
            {"type": "dropout", "rate": rate},
            {"type": "dense", "units": out_units, "activation": out_act,
             "weights": tolist(rand_w(rng, (hidden, out_units))), "bias": tolist(np.round(rng.uniform(-0.3, 0.3, out_units), 6))}]}
        data = {"x": tolist(np.round(rng.uniform(-1, 1, (6, n_in)), 6)), "y": tolist(targets(rng, loss, 6, out_units))}
        model, dense = build_model(spec)
        x = tf.constant(np.array(data["x"], dtype=np.float64))
        y = tf.constant(np.array(data["y"], dtype=np.float64))
        variables = [v for d in dense for v in (d.kernel, d.bias)]
        with tf.GradientTape() as tape:
            out = model(x, training=False)
            value = make_loss(loss)(y, out)
        g = tape.gradient(value, variables)
        plain = copy.deepcopy(spec)
        plain["layers"] = [L for L in plain["layers"] if L["type"] != "dropout"]
        pl, pout, pgrads, _, _, _, _ = keras_loss_and_grads(plain, data)
        check(f"dropout/{name}: inference loss = without dropout", float(value.numpy()), pl, 0)
        check(f"dropout/{name}: inference outputs = without dropout", out.numpy(), pout, 0)
        grads = [{"weights": tolist(g[2 * i]), "bias": tolist(g[2 * i + 1])} for i in range(len(dense))]
        cases.append({"name": name, "model": spec, "data": data, "loss": float(value.numpy()),
                      "outputs": tolist(out.numpy()), "gradients": grads})
    scaling = []
    for rate in [0.1, 0.3, 0.5, 0.7]:
        x = np.round(rng.uniform(-2, 2, (20, 10)), 6)
        layer = keras.layers.Dropout(rate, seed=7, dtype="float64")
        out = layer(tf.constant(x), training=True).numpy()
        kept = out != 0
        check(f"dropout scaling rate {rate}: kept = x*(1/(1-rate))", out[kept], x[kept] * (1 / (1 - rate)), 0)
        scaling.append({"rate": rate, "x": tolist(x), "training_output": tolist(out)})
    write("dropout.json", {"generator": GENERATOR, "note": "inference cases: Keras with training=False; scaling: "
                           "Dropout(rate)(x, training=True), kept values x*(1/(1-rate)), the rest 0", "cases": cases,
                           "scaling": scaling})
    return len(cases) + len(scaling)



# --------------------------------------------------------------------------
# schedules.json: learning-rate schedules, step by step and in fit
# --------------------------------------------------------------------------

SCHEDULE_CLASSES = {"exponential_decay": "ExponentialDecay", "inverse_time_decay": "InverseTimeDecay",
                    "piecewise_constant_decay": "PiecewiseConstantDecay", "cosine_decay": "CosineDecay",
                    "polynomial_decay": "PolynomialDecay"}


def make_schedule(spec):
    kw = {k: v for k, v in spec.items() if k != "schedule"}
    return getattr(keras.optimizers.schedules, SCHEDULE_CLASSES[spec["schedule"]])(**kw)


def exact_schedule(spec, step):
    """The documented formula in float64 (NNLab's `constants: exact`)."""
    t = spec["schedule"]
    if t in ("exponential_decay", "inverse_time_decay"):
        p = step / spec["decay_steps"]
        if spec.get("staircase"):
            p = math.floor(p)
        if t == "exponential_decay":
            return spec["initial_learning_rate"] * spec["decay_rate"] ** p
        return spec["initial_learning_rate"] / (1 + spec["decay_rate"] * p)
    if t == "piecewise_constant_decay":
        for b, v in zip(spec["boundaries"], spec["values"]):
            if step <= b:
                return v
        return spec["values"][-1]
    if t == "cosine_decay":
        d, alpha, lr0 = spec["decay_steps"], spec.get("alpha", 0.0), spec["initial_learning_rate"]
        def decay(s, frm):   # Keras's order of operations
            cosine = 0.5 * (1 + math.cos(math.pi * (s / d)))
            return frm * ((1 - alpha) * cosine + alpha)
        if spec.get("warmup_target") is None:
            return decay(min(step, d), lr0)
        w, target = spec.get("warmup_steps", 0), spec["warmup_target"]
        s = min(step, d + w)
        if s < w:
            return (target - lr0) * (s / w) + lr0
        return decay(s - w, target)
    d, end, power = spec["decay_steps"], spec.get("end_learning_rate", 0.0001), spec.get("power", 1.0)
    s = step
    if spec.get("cycle"):
        d = d * (1 if step == 0 else math.ceil(step / d))
    else:
        s = min(s, d)
    return (spec["initial_learning_rate"] - end) * (1 - s / d) ** power + end


def float32_schedule(spec, step, graph=False):
    """The same formula operation by operation in float32 with subnormals flushed to zero (TensorFlow's CPU
    kernels), powf and cosf from the C library: the hypothesis that Keras computes schedules this way.
    `graph`: as in a tf.function (fit's train step), where Grappler turns a division by a constant into a
    multiplication by its float32 reciprocal and gathers the constants of a product (pi * (s * 1/d) becomes
    s * (pi * 1/d)), except inside the branches of CosineDecay's warmup ops.cond, which keep the eager form."""
    libm = ctypes.CDLL("libm.so.6")
    libm.powf.restype, libm.powf.argtypes = ctypes.c_float, [ctypes.c_float, ctypes.c_float]
    libm.cosf.restype, libm.cosf.argtypes = ctypes.c_float, [ctypes.c_float]

    def f(x):
        x = np.float32(x)
        return np.float32(0.0) if x != 0 and abs(x) < np.finfo(np.float32).tiny else x

    def by_constant(x, c):
        return f(x * f(f(1) / f(c))) if graph else f(x / f(c))

    def product_by_constant(a, x, c):   # a * (x / c), a and c constants
        return f(x * f(f(a) * f(f(1) / f(c)))) if graph else f(f(a) * f(x / f(c)))
    t = spec["schedule"]
    with np.errstate(all="ignore"):
        if t in ("exponential_decay", "inverse_time_decay"):
            p = by_constant(f(step), spec["decay_steps"])
            if spec.get("staircase"):
                p = f(np.floor(p))
            if t == "exponential_decay":
                return float(f(f(spec["initial_learning_rate"]) * f(libm.powf(f(spec["decay_rate"]), p))))
            if spec.get("staircase"):
                q = f(f(spec["decay_rate"]) * p)
            else:
                q = product_by_constant(spec["decay_rate"], f(step), spec["decay_steps"])
            return float(f(f(spec["initial_learning_rate"]) / f(f(1) + q)))
        if t == "piecewise_constant_decay":
            for b, v in zip(spec["boundaries"], spec["values"]):
                if step <= b:
                    return float(f(v))
            return float(f(spec["values"][-1]))
        if t == "cosine_decay":
            d, alpha, lr0 = f(spec["decay_steps"]), spec.get("alpha", 0.0), f(spec["initial_learning_rate"])
            def decay(s, frm, in_cond):
                arg = f(f(math.pi) * f(s / d)) if in_cond else product_by_constant(math.pi, s, spec["decay_steps"])
                c = f(f(0.5) * f(f(1) + f(libm.cosf(arg))))
                return f(frm * f(f(f(1 - alpha) * c) + f(alpha)))
            st = f(step)
            if spec.get("warmup_target") is None:
                return float(decay(min(st, d), lr0, False))
            w, target = f(spec.get("warmup_steps", 0)), f(spec["warmup_target"])
            s = min(st, f(d + w))
            if s < w:
                return float(f(f(f(target - lr0) * f(s / w)) + lr0))
            return float(decay(f(s - w), target, True))
        d, end, power = f(spec["decay_steps"]), f(spec.get("end_learning_rate", 0.0001)), f(spec.get("power", 1.0))
        st = f(step)
        s = st
        if spec.get("cycle"):
            d = f(d * (f(1) if st == 0 else f(np.ceil(by_constant(st, spec["decay_steps"])))))
            p = f(s / d)
        else:
            s = min(s, d)
            p = by_constant(s, d)
        return float(f(f(f(f(spec["initial_learning_rate"]) - end) * f(libm.powf(f(f(1) - p), power))) + end))


class LogLearningRate(keras.callbacks.Callback):
    """Logs the optimizer's learning rate at the end of each epoch exactly as Keras's own LearningRateScheduler
    and ReduceLROnPlateau do (logs["learning_rate"] = float(optimizer.learning_rate)); neither can drive a
    schedule object, and a plain fit logs no learning rate at all."""

    def on_epoch_end(self, epoch, logs=None):
        logs["learning_rate"] = float(keras.ops.convert_to_numpy(self.model.optimizer.learning_rate))


def gen_schedules():
    specs = [
        ("exponential", {"schedule": "exponential_decay", "initial_learning_rate": 0.1, "decay_steps": 10, "decay_rate": 0.5}),
        ("exponential_staircase", {"schedule": "exponential_decay", "initial_learning_rate": 0.37, "decay_steps": 7,
                                   "decay_rate": 0.93, "staircase": True}),
        # Past step 117 the float32 rate is subnormal: TensorFlow flushes it to zero.
        ("exponential_to_subnormal", {"schedule": "exponential_decay", "initial_learning_rate": 0.001, "decay_steps": 3,
                                      "decay_rate": 0.1}),
        ("inverse_time", {"schedule": "inverse_time_decay", "initial_learning_rate": 0.1, "decay_steps": 5, "decay_rate": 0.5}),
        ("inverse_time_staircase", {"schedule": "inverse_time_decay", "initial_learning_rate": 0.3, "decay_steps": 4,
                                    "decay_rate": 1.5, "staircase": True}),
        ("piecewise_constant", {"schedule": "piecewise_constant_decay", "boundaries": [10, 25, 60], "values": [0.1, 0.05, 0.01, 0.001]}),
        ("cosine", {"schedule": "cosine_decay", "initial_learning_rate": 0.1, "decay_steps": 50}),
        ("cosine_alpha", {"schedule": "cosine_decay", "initial_learning_rate": 0.3, "decay_steps": 37, "alpha": 0.1}),
        ("cosine_warmup", {"schedule": "cosine_decay", "initial_learning_rate": 0.0, "decay_steps": 40, "alpha": 0.05,
                           "warmup_target": 0.5, "warmup_steps": 20}),
        ("cosine_warmup_from_0.05", {"schedule": "cosine_decay", "initial_learning_rate": 0.05, "decay_steps": 30,
                                     "warmup_target": 0.2, "warmup_steps": 13}),
        ("polynomial", {"schedule": "polynomial_decay", "initial_learning_rate": 0.1, "decay_steps": 50}),
        ("polynomial_power_cycle", {"schedule": "polynomial_decay", "initial_learning_rate": 0.3, "decay_steps": 37,
                                    "end_learning_rate": 0.01, "power": 2.5, "cycle": True}),
        ("polynomial_sqrt_cycle", {"schedule": "polynomial_decay", "initial_learning_rate": 0.2, "decay_steps": 11,
                                   "end_learning_rate": 0.0, "power": 0.5, "cycle": True}),
    ]
    steps = 200
    cases = []
    worst_exact = 0.0
    differs = 0
    for name, spec in specs:
        schedule = make_schedule(spec)
        eager_rates = [float(schedule(step)) for step in range(steps)]
        in_graph = tf.function(lambda step: schedule(step))
        keras_rates = [float(in_graph(tf.constant(step, tf.int64))) for step in range(steps)]
        for rates, graph, what in [(eager_rates, False, "eager"), (keras_rates, True, "tf.function")]:
            ours = [float32_schedule(spec, step, graph) for step in range(steps)]
            bad = [s for s in range(steps) if ours[s] != rates[s]]
            if bad:
                raise AssertionError(f"schedules/{name}: float32 replay differs from Keras ({what}) at steps {bad[:5]}")
            CHECKS.append((f"schedules/{name} float32 replay of the {what} values (bit for bit)", 0.0))
        eager_differs = max(differs, sum(a != b for a, b in zip(eager_rates, keras_rates)))
        differs = eager_differs
        exact = [exact_schedule(spec, step) for step in range(steps)]
        worst_exact = max(worst_exact, max(abs(a - b) / max(abs(b), 1e-300) for a, b in zip(keras_rates, exact) if a != 0 and b != 0))
        cases.append({"name": name, "schedule": spec, "steps": steps, "learning_rates": keras_rates, "eager": eager_rates,
                      "exact": exact})
    log(f"EXPERIMENT schedules: Keras computes every schedule in float32 (dtype {make_schedule(specs[0][1])(3).dtype}, "
        f"also with floatx float64): a float32 replay with flush-to-zero, powf and cosf matches all {len(specs)} x {steps} "
        f"rates bit for bit, eager and in a tf.function (where a division by a constant is a multiplication by its "
        f"float32 reciprocal; up to {differs} of {steps} steps of a case differ between the two); the float64 formula is off by up to {worst_exact:.3g} relative (where the float32 rate is not flushed to 0)")

    xor = {"x": [[-1.0, -1.0], [-1.0, 1.0], [1.0, -1.0], [1.0, 1.0]], "y": [[1.0], [-1.0], [-1.0], [1.0]]}
    model = {"input": 2, "loss": "mse", "layers": [
        {"type": "dense", "units": 2, "activation": "tanh", "weights": [[0.5, -0.4], [0.3, 0.6]], "bias": [0.1, -0.1]},
        {"type": "dense", "units": 1, "activation": "tanh", "weights": [[0.7], [-0.5]], "bias": [0.2]}]}
    fits = [
        ("sgd_momentum_exponential_batch1", {"type": "sgd", "momentum": 0.9, "learning_rate":
            {"schedule": "exponential_decay", "initial_learning_rate": 0.1, "decay_steps": 5, "decay_rate": 0.5}}, 1, 6),
        ("adam_cosine_warmup_batch2", {"type": "adam", "learning_rate":
            {"schedule": "cosine_decay", "initial_learning_rate": 0.0, "decay_steps": 12, "warmup_target": 0.1, "warmup_steps": 4}}, 2, 10),
        ("sgd_piecewise_fullbatch", {"type": "sgd", "learning_rate":
            {"schedule": "piecewise_constant_decay", "boundaries": [3, 6], "values": [0.5, 0.2, 0.05]}}, 4, 9),
        ("rmsprop_polynomial_cycle_batch3", {"type": "rmsprop", "learning_rate":
            {"schedule": "polynomial_decay", "initial_learning_rate": 0.05, "decay_steps": 5, "power": 2.0, "cycle": True}}, 3, 8),
        ("adamw_inverse_time_batch1", {"type": "adamw", "weight_decay": 0.01, "learning_rate":
            {"schedule": "inverse_time_decay", "initial_learning_rate": 0.05, "decay_steps": 2, "decay_rate": 0.3}}, 1, 5),
    ]
    fit_cases = []
    for name, optimizer, batch, epochs in fits:
        run = {"model": model, "data": xor, "optimizer": optimizer, "epochs": epochs, "batch_size": batch,
               "shuffle": False, "metrics": []}
        m, dense = build_model(model)
        kw = {k: v for k, v in optimizer.items() if k not in ("type", "learning_rate")}
        opt = OPT_CLASSES[optimizer["type"]](learning_rate=make_schedule(optimizer["learning_rate"]), **kw)
        m.compile(optimizer=opt, loss=make_loss(model["loss"]))
        plain = m.fit(np.array(xor["x"]), np.array(xor["y"]), epochs=1, batch_size=batch, shuffle=False, verbose=0)
        if "learning_rate" in plain.history:
            raise AssertionError("a plain fit logged a learning rate")
        m, dense = build_model(model)
        opt = OPT_CLASSES[optimizer["type"]](learning_rate=make_schedule(optimizer["learning_rate"]), **kw)
        m.compile(optimizer=opt, loss=make_loss(model["loss"]))
        used = []
        # The rate before each update, computed as the train step (a tf.function) computes it.
        in_graph = tf.function(lambda step: make_schedule(optimizer["learning_rate"])(step))
        record = keras.callbacks.LambdaCallback(on_train_batch_begin=lambda b, logs: used.append(
            float(in_graph(m.optimizer.iterations))))
        h = m.fit(np.array(xor["x"]), np.array(xor["y"]), epochs=epochs, batch_size=batch, shuffle=False, verbose=0,
                  callbacks=[record, LogLearningRate()])
        hist = {k: [float(v) for v in vals] for k, vals in h.history.items()}
        # The same fit with the eager rates (run_eagerly=True): how much the tf.function's rates matter.
        m2, _ = build_model(model)
        m2.compile(optimizer=OPT_CLASSES[optimizer["type"]](learning_rate=make_schedule(optimizer["learning_rate"]), **kw),
                   loss=make_loss(model["loss"]), run_eagerly=True)
        m2.fit(np.array(xor["x"]), np.array(xor["y"]), epochs=epochs, batch_size=batch, shuffle=False, verbose=0)
        gap = max(float(np.max(np.abs(a - b))) for a, b in zip(m.get_weights(), m2.get_weights()))
        log(f"EXPERIMENT schedules/fit {name}: fit (a tf.function) vs run_eagerly=True: trained weights differ by {gap:.3g}")
        steps_per_epoch = -(-4 // batch)
        schedule = make_schedule(optimizer["learning_rate"])
        check(f"schedules/fit {name}: logged learning_rate = schedule(steps after the epoch)", hist["learning_rate"],
              [float(schedule(steps_per_epoch * (e + 1))) for e in range(epochs)], 0.0)
        check(f"schedules/fit {name}: rates before each update = the tf.function replay", used,
              [float32_schedule(optimizer["learning_rate"], i, graph=True) for i in range(len(used))], 0.0)
        fit_cases.append({"name": name, "run": run, "history": hist, "final_model": spec_with_weights(model, dense),
                          "rates_used": used})
    nine = tf.constant(9.0, tf.float32)
    log(f"EXPERIMENT float32 9 / 5: eager {float(nine / 5.0)!r}, in a tf.function "
        f"{float(tf.function(lambda a: a / 5.0)(nine))!r} (= 9 * float32(1/5) = {float(np.float32(9) * np.float32(0.2))!r})")
    log(f"EXPERIMENT schedules in fit: a plain fit logs no learning_rate; Keras's LearningRateScheduler/ReduceLROnPlateau "
        "log float(optimizer.learning_rate) at epoch end = schedule(iterations), the rate the next update would use; "
        "each update uses schedule(iterations before it)")
    write("schedules.json", {"generator": GENERATOR, "note": "Keras's schedules evaluated at steps 0..steps-1 "
                             "(learning_rates: Keras's float32 values as float64; exact: the float64 formula), and fit with a "
                             "schedule; learning_rates are computed in a tf.function, as fit's train step computes them (Grappler makes "
                             "x / constant a multiplication by the float32 reciprocal), eager: schedule(step) called eagerly: "
                             "history['learning_rate'] logged at epoch end as Keras's LearningRateScheduler logs it, "
                             "rates_used: the optimizer's rate before every update.", "cases": cases, "fits": fit_cases})
    return len(cases) + len(fit_cases)


def main():
    log("generator:", json.dumps(GENERATOR))
    counts = {}
    if sys.argv[1:] == ["activations"]:
        # Only activations.json (the other files stay as they were generated).
        counts["activations.json"] = gen_activations()
        log("cases per file:", json.dumps(counts))
        return
    if sys.argv[1:] == ["early_stopping"]:
        counts["early_stopping.json"] = gen_early_stopping()
        log("cases per file:", json.dumps(counts))
        return
    if sys.argv[1:] == ["dropout"]:
        counts["dropout.json"] = gen_dropout()
        log("cases per file:", json.dumps(counts))
        return
    if sys.argv[1:] == ["schedules"]:
        counts["schedules.json"] = gen_schedules()
        log("cases per file:", json.dumps(counts))
        return
    if sys.argv[1:] == ["optimizers"]:
        counts["optimizers.json"] = gen_optimizers()
        log("cases per file:", json.dumps(counts))
        return
    experiments()
    counts["activations.json"] = gen_activations()
    counts["losses.json"] = gen_losses()
    counts["optimizers.json"] = gen_optimizers()
    counts["gradients.json"] = gen_gradients()
    counts["fit.json"] = gen_fit()
    counts["early_stopping.json"] = gen_early_stopping()
    counts["dropout.json"] = gen_dropout()
    counts["schedules.json"] = gen_schedules()
    log("cases per file:", json.dumps(counts))
    worst = max(CHECKS, key=lambda c: c[1])
    log(f"{len(CHECKS)} cross-checks passed; largest |diff| {worst[1]:.3g} ({worst[0]})")


if __name__ == "__main__":
    sys.exit(main())
