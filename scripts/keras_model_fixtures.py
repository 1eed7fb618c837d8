#!/usr/bin/env python3
"""Generate Keras model-file fixtures (.keras and legacy .h5) for NNLab's importer.

How to run
----------
    python3 -m venv /root/kerasenv
    /root/kerasenv/bin/pip install keras tensorflow-cpu numpy h5py
    # optional, for keras2*.h5; tf-keras must match the TF minor version.
    # --no-deps: it requires the full "tensorflow" wheel, tensorflow-cpu does as well
    /root/kerasenv/bin/pip install --no-deps "tf-keras~=2.21.0"
    KERAS_BACKEND=tensorflow /root/kerasenv/bin/python scripts/keras_model_fixtures.py

(run from the repository root; the script sets KERAS_BACKEND=tensorflow itself
if it is unset).  Takes about 12 s on 2 cores.

Modes
-----
``generate`` (the default)
    writes into ``Tests/NNLabCLITests/Fixtures/keras/``, for every model NAME
    below, ``NAME.keras`` (``model.save("NAME.keras")``, Keras 3 zip format),
    ``NAME.h5`` (``model.save("NAME.h5")``, the legacy HDF5 format written by
    Keras 3) and ``NAME.expected.json``; then reloads every file with
    ``keras.saving.load_model`` and checks that it predicts exactly the
    expected values.

``check MODEL_FILE X_JSON``
    loads MODEL_FILE (``.keras`` or ``.h5``, e.g. one exported by NNLab) with
    ``keras.saving.load_model(path)`` (compiled if the file has a compile /
    training config) and prints ONE JSON line
    ``{"predictions": [[...]], "dtype": ..., "layers": [class names], "loss": ...,
    "compiled": bool}`` for the rows of X_JSON (a JSON file holding an array of
    rows, or an object with an ``"x"`` array such as ``NAME.expected.json``).
    Keras 3.15 cannot compile a legacy ``.h5`` whose training_config loss is an
    alias such as "mse" (keras-team/keras#19330; it can "mean_squared_error"):
    then the model is reloaded with compile=False, "loss" is the stored string,
    "compiled" is false and "compile_error" says why (also on stderr).  If the
    file cannot be loaded at all it prints ``{"error": "..."}`` on stdout, a
    message on stderr, and exits with status 2.

``exported NNLAB``
    writes ``export.keras`` and ``export.h5`` with ``NNLAB convert`` from
    ``export-model.json`` (a trained NNLab model with every layer kind Keras
    holds: leaky ReLU with slope 0.3, dropout, the input's concatenation, elu,
    L1/L2 regularizers), loads them with Keras and records what Keras predicts
    in ``export.predictions.json``.

``layout FILE...``
    prints the HDF5 tree (groups, datasets with shape/dtype, attributes with
    their HDF5 type: variable- or fixed-length string, ...) of each ``.h5``
    file, and of the ``model.weights.h5`` inside each ``.keras`` file together
    with the zip member names, compression and dates.

Models
------
* ``sequential``  float64 (every layer ``dtype="float64"``): Input(2),
  Dense(3, tanh, L2(0.01)), Dropout(0.25), Dense(4, relu, L1L2(0.001, 0.002)),
  Dense(3), Activation("softmax"); compiled categorical_crossentropy / SGD.
* ``skip``        float32 functional skip connection: h = Dense(1, tanh, L2)(inp),
  out = Dense(1, tanh, L1)(Concatenate()([inp, h])); compiled mse.
* ``lab``         float32 Sequential with the weights of examples/lab-model.json;
  compiled mse.
* ``nocompile``   float32 Sequential Input(3), Dense(2, sigmoid), Dense(1, sigmoid);
  saved without compile (loss null).
* ``unsupported`` Sequential Input(2), Dense(4, relu), BatchNormalization(),
  Dense(1, sigmoid); compiled binary_crossentropy.  Its expected JSON only
  records ``{"unsupported_layer": name, "class": "BatchNormalization"}``.
* ``keras2``      (``keras2.h5`` only) the ``skip`` architecture written by
  Keras 2 (``tf_keras``) with ``save_format="h5"``: weight names such as
  ``dense/kernel:0``, fixed-length byte-string attributes.  Skipped, with a
  message, if ``tf_keras`` is not installed.  With h5py 3 its string
  attributes are variable-length (see below).
* ``keras2_fixedstr`` (``.h5`` only) ``keras2.h5`` with every string attribute
  rewritten as a fixed-length NULLPAD ASCII string, the way Keras 2 files
  written with h5py 2.x (the course's ``.hdf5`` files) store them; groups and
  datasets are copied unchanged.  A simulation: Keras did not write this file.

``NAME.expected.json`` (supported models)::

    {"input": width, "loss": compiled loss name or null,
     "dtype": "float32" | "float64",
     "layers": [ {"type": "dense", "units": U, "activation": name,
                  "regularizer": {"l1": a, "l2": b} | null,
                  "weights": kernel (inputs x units), "bias": [...]},
                 {"type": "dropout", "rate": r},
                 {"type": "concat_input"} ],
     "x": 5 input rows, "predictions": model.predict(x) (inference)}

This is NNLab's view of the model: an ``Activation`` layer that follows a
linear Dense layer is folded into it; a ``Concatenate`` of the model input
with the previous output is ``concat_input``.  Weights are the stored values
converted exactly to float64 (float32 -> float(x)); the regularizer numbers
are those of the saved config (``regularizer.get_config()``).

Determinism: every weight and bias is set explicitly with ``set_weights`` from
a fixed ``numpy.random.RandomState`` (``keras.utils.set_random_seed(0)`` is set
too); the inputs are fixed numbers exactly representable in float32;
``keras.backend.clear_session()`` before each model makes the automatic layer
names (dense, dense_1, ...) independent of the order.  The ``.h5`` files and
the expected JSON are byte-identical from run to run; the ``.keras`` files are
not (``metadata.json`` has ``date_saved``, the ``model.weights.h5`` zip entry
the save time, ``config.json`` ``shared_object_id`` numbers that are Python
``id()``s).  Floats are written by Python's json module (shortest round-trip
``repr``).
"""
import io
import json
import os
import sys
import zipfile

os.environ.setdefault("KERAS_BACKEND", "tensorflow")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import numpy as np  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
OUT = os.path.join(ROOT, "Tests", "NNLabCLITests", "Fixtures", "keras")
LAB_MODEL = os.path.join(ROOT, "examples", "lab-model.json")

# Fixed inputs: exactly representable in float32, so float32 and float64
# models see the same numbers.
X2 = [[0.5, -0.25], [1.0, 0.75], [-1.5, 0.125], [0.0, 0.0], [2.0, -1.0]]
X3 = [[0.5, -0.25, 1.0], [1.0, 0.75, -0.5], [-1.5, 0.125, 0.25], [0.0, 0.0, 0.0], [2.0, -1.0, -2.0]]


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def tolist(a):
    return np.asarray(a, dtype=np.float64).tolist()


def write_json(path, obj):
    with open(path, "w") as f:
        json.dump(obj, f, indent=1)
        f.write("\n")


class Unsupported(Exception):
    def __init__(self, name, cls):
        super().__init__(f"unsupported layer {name} ({cls})")
        self.name, self.cls = name, cls


# --------------------------------------------------------------------------
# NNLab's view of a (Keras 3 or tf_keras) model
# --------------------------------------------------------------------------

def regularizer_view(reg):
    if reg is None:
        return None
    c = reg.get_config()
    return {"l1": float(c.get("l1", 0.0)), "l2": float(c.get("l2", 0.0))}


def describe(model):
    """NNLab's layer list for a Sequential or functional chain model."""
    layers = []
    for layer in model.layers:
        cls = type(layer).__name__
        cfg = layer.get_config()
        if cls == "InputLayer":
            continue
        if cls == "Dense":
            kernel, bias = layer.get_weights()
            layers.append({"type": "dense", "units": int(cfg["units"]),
                           "activation": cfg["activation"],
                           "regularizer": regularizer_view(layer.kernel_regularizer),
                           "weights": tolist(kernel), "bias": tolist(bias)})
        elif cls == "Activation":
            prev = layers[-1] if layers else None
            if not prev or prev["type"] != "dense" or prev["activation"] != "linear":
                raise Unsupported(layer.name, cls)
            prev["activation"] = cfg["activation"]
        elif cls == "Dropout":
            layers.append({"type": "dropout", "rate": float(cfg["rate"])})
        elif cls == "Concatenate":
            layers.append({"type": "concat_input"})
        else:
            raise Unsupported(layer.name, cls)
    return layers


def weights_dtype(model):
    dts = sorted({str(getattr(v.dtype, "name", v.dtype)) for v in model.weights})
    return dts[0] if len(dts) == 1 else (dts or None)


def predict(model, x, dtype):
    """model.predict on x in `dtype`. Keras's data adapter casts float64 arrays to floatx (float32 by
    default) before the model sees them, so for a float64 model floatx is float64 while it predicts."""
    import keras
    saved = keras.config.floatx()
    keras.config.set_floatx(dtype)
    try:
        return tolist(model.predict(np.asarray(x, dtype=dtype), verbose=0))
    finally:
        keras.config.set_floatx(saved)


def expected(model, loss, x):
    dtype = weights_dtype(model)
    return {"input": int(model.inputs[0].shape[-1]), "loss": loss, "dtype": dtype,
            "layers": describe(model), "x": x, "predictions": predict(model, x, dtype)}


# --------------------------------------------------------------------------
# generate
# --------------------------------------------------------------------------

def set_random_weights(model, rng, dtype):
    """Kernels and biases uniform in +-[0.1, 1) (never 0) from rng."""
    for layer in model.layers:
        if type(layer).__name__ != "Dense":
            continue
        ws = []
        for w in layer.get_weights():
            v = rng.uniform(0.1, 1.0, size=w.shape) * rng.choice([-1.0, 1.0], size=w.shape)
            ws.append(v.astype(dtype))
        layer.set_weights(ws)


def build_sequential(keras, rng):
    L = keras.layers
    f = "float64"
    model = keras.Sequential([
        keras.Input(shape=(2,), dtype=f),
        L.Dense(3, activation="tanh", kernel_regularizer=keras.regularizers.L2(0.01), dtype=f),
        L.Dropout(0.25, dtype=f),
        L.Dense(4, activation="relu", kernel_regularizer=keras.regularizers.L1L2(l1=0.001, l2=0.002), dtype=f),
        L.Dense(3, dtype=f),
        L.Activation("softmax", dtype=f),
    ])
    set_random_weights(model, rng, np.float64)
    model.compile(loss="categorical_crossentropy", optimizer=keras.optimizers.SGD())
    return model, "categorical_crossentropy", X2


def build_skip(keras, rng):
    """The course's skip connection (Keras 3, or Keras 2 if keras is tf_keras)."""
    L = keras.layers
    inp = keras.Input((2,))
    h = L.Dense(1, activation="tanh", kernel_regularizer=keras.regularizers.L2(0.01))(inp)
    c = L.Concatenate()([inp, h])
    out = L.Dense(1, activation="tanh", kernel_regularizer=keras.regularizers.L1(0.01))(c)
    model = keras.Model(inp, out)
    set_random_weights(model, rng, np.float32)
    model.compile(loss="mse")
    return model, "mse", X2


def build_lab(keras, rng):
    with open(LAB_MODEL) as f:
        spec = json.load(f)
    layers = [keras.Input(shape=(spec["input"],))]
    for s in spec["layers"]:
        assert s["type"] == "dense", s
        layers.append(keras.layers.Dense(s["units"], activation=s["activation"]))
    model = keras.Sequential(layers)
    for layer, s in zip(model.layers, spec["layers"]):
        W = np.array(s["weights"], dtype=np.float32)
        b = np.array(s["bias"], dtype=np.float32)
        # the JSON holds float32 values: converting must not change them
        assert W.astype(np.float64).tolist() == s["weights"] and b.astype(np.float64).tolist() == s["bias"]
        layer.set_weights([W, b])
    model.compile(loss=spec["loss"])
    return model, spec["loss"], X2


def build_nocompile(keras, rng):
    L = keras.layers
    model = keras.Sequential([keras.Input(shape=(3,)), L.Dense(2, activation="sigmoid"),
                              L.Dense(1, activation="sigmoid")])
    set_random_weights(model, rng, np.float32)
    return model, None, X3


def build_unsupported(keras, rng):
    L = keras.layers
    model = keras.Sequential([keras.Input(shape=(2,)), L.Dense(4, activation="relu"),
                              L.BatchNormalization(), L.Dense(1, activation="sigmoid")])
    set_random_weights(model, rng, np.float32)
    model.compile(loss="binary_crossentropy")
    return model, "binary_crossentropy", X2


MODELS = [("sequential", build_sequential, 1), ("skip", build_skip, 2), ("lab", build_lab, 3),
          ("nocompile", build_nocompile, 4), ("unsupported", build_unsupported, 5)]


def expected_or_unsupported(model, loss, x):
    try:
        return expected(model, loss, x)
    except Unsupported as e:
        return {"unsupported_layer": e.name, "class": e.cls}


def generate():
    import logging
    import keras
    logging.getLogger("tensorflow").setLevel(logging.ERROR)  # predict() retracing warnings
    os.makedirs(OUT, exist_ok=True)
    keras.utils.set_random_seed(0)
    written = []
    for name, build, seed in MODELS:
        keras.backend.clear_session()
        model, loss, x = build(keras, np.random.RandomState(seed))
        exp = expected_or_unsupported(model, loss, x)
        if name == "sequential":
            assert all(v.dtype == "float64" for v in model.weights)
        for ext in ("keras", "h5"):
            path = os.path.join(OUT, f"{name}.{ext}")
            if os.path.exists(path):
                os.remove(path)
            model.save(path)
            written.append(path)
        path = os.path.join(OUT, f"{name}.expected.json")
        write_json(path, exp)
        written.append(path)
    written += generate_keras2()
    for p in written:
        log(f"wrote {os.path.relpath(p, ROOT)} ({os.path.getsize(p)} bytes)")
    verify(written)


def generate_keras2():
    try:
        import tf_keras
    except ImportError as e:
        log(f"SKIPPED keras2.h5: tf_keras is not installed ({e}); "
            "pip install 'tf-keras~=<tensorflow version>' to make it")
        return []
    tf_keras.backend.clear_session()
    tf_keras.utils.set_random_seed(0)
    model, loss, x = build_skip(tf_keras, np.random.RandomState(6))
    path = os.path.join(OUT, "keras2.h5")
    if os.path.exists(path):
        os.remove(path)
    model.save(path, save_format="h5")
    exp = expected(model, loss, x)
    exp_path = os.path.join(OUT, "keras2.expected.json")
    write_json(exp_path, exp)
    fixed = os.path.join(OUT, "keras2_fixedstr.h5")
    fixed_strings_copy(path, fixed)
    fixed_exp = os.path.join(OUT, "keras2_fixedstr.expected.json")
    write_json(fixed_exp, exp)
    return [path, exp_path, fixed, fixed_exp]


def fixed_strings_copy(src, dst):
    """Copy of an HDF5 file with every string attribute as a fixed-length string.

    tf_keras with h5py 3 writes variable-length string attributes.  Keras 2
    files written with h5py 2.x (TF <= 2.4, the course's .hdf5 files) have
    fixed-length ones instead: Keras encoded every attribute to bytes
    (backend, keras_version, model_config, training_config, layer_names,
    weight_names) and h5py 2 stored bytes / numpy 'S' arrays as fixed-length,
    NULLPAD, ASCII strings.  This rewrites the attributes that way and keeps
    groups and datasets unchanged (so it is a simulation, not a file Keras
    wrote; a Keras 2 + h5py 2 install is not available for Python 3.11).
    """
    import h5py

    def conv(v):
        if isinstance(v, (str, bytes)):
            return np.bytes_(v.encode() if isinstance(v, str) else v)
        if isinstance(v, np.ndarray) and v.dtype == object:
            items = [x.encode() if isinstance(x, str) else bytes(x) for x in v.ravel()]
            width = max((len(x) for x in items), default=1) or 1
            return np.array(items, dtype=f"S{width}").reshape(v.shape)
        return v

    def copy_attrs(a, b):
        for k in a.attrs:
            b.attrs[k] = conv(a.attrs[k])

    if os.path.exists(dst):
        os.remove(dst)
    with h5py.File(src, "r") as fi, h5py.File(dst, "w") as fo:
        copy_attrs(fi, fo)

        def visit(name, obj):
            if isinstance(obj, h5py.Dataset):
                d = fo.create_dataset(name, data=obj[()], dtype=obj.dtype)
            else:
                d = fo.create_group(name)
            copy_attrs(obj, d)

        fi.visititems(visit)


def verify(paths):
    """Reload every model file with Keras 3 and compare with its expected JSON."""
    import keras
    failures = 0
    for path in paths:
        if path.endswith(".json"):
            continue
        exp_path = os.path.splitext(path)[0] + ".expected.json"
        with open(exp_path) as f:
            exp = json.load(f)
        keras.backend.clear_session()
        model, compile_error = load(path)
        if "unsupported_layer" in exp:
            names = [(layer.name, type(layer).__name__) for layer in model.layers]
            ok = (exp["unsupported_layer"], exp["class"]) in names
            log(f"verify {os.path.basename(path)}: {'ok' if ok else 'FAILED'} (layers {names})")
        else:
            res = check_result(path, model, compile_error, exp["x"])
            ok = (res["predictions"] == exp["predictions"] and res["dtype"] == exp["dtype"]
                  and res["loss"] == exp["loss"] and describe(model) == exp["layers"])
            log(f"verify {os.path.basename(path)}: {'ok' if ok else 'FAILED'} "
                f"(dtype {res['dtype']}, loss {res['loss']}, compiled {res['compiled']}, layers {res['layers']})"
                + (f"; NOTE keras could not compile it: {compile_error}" if compile_error else ""))
        failures += not ok
    if failures:
        raise SystemExit(f"{failures} file(s) failed verification")


# --------------------------------------------------------------------------
# check
# --------------------------------------------------------------------------

def stored_loss(path):
    """(has a compile/training config, its raw "loss" entry) as stored in the file."""
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as z:
            cfg = json.loads(z.read("config.json")).get("compile_config")
        return bool(cfg), (cfg or {}).get("loss")
    import h5py
    with h5py.File(path, "r") as f:
        raw = f.attrs.get("training_config")
    if raw is None:
        return False, None
    return True, json.loads(raw.decode() if isinstance(raw, bytes) else raw).get("loss")


def load(path):
    """keras.saving.load_model(path), compiled if the file has a compile config.

    Returns (model, compile_error).  Keras 3 cannot compile some legacy .h5
    files it writes itself: a training_config loss of "mse" (also "mae", ...)
    fails in keras.losses.deserialize with "Could not deserialize
    'keras.metrics.mse' because it is not a KerasSaveable subclass"
    (keras-team/keras#19330).  Then the model is loaded again with
    compile=False and the error is returned, so the weights can still be
    checked; any other failure propagates.
    """
    import keras
    try:
        compiled, _ = stored_loss(path)
    except Exception:  # noqa: BLE001 - let load_model report unreadable files
        compiled = True
    if not compiled:
        return keras.saving.load_model(path, compile=False), None
    try:
        return keras.saving.load_model(path, compile=True), None
    except Exception as e:  # noqa: BLE001
        err = f"{type(e).__name__}: {e}"
        try:
            model = keras.saving.load_model(path, compile=False)
        except Exception:  # noqa: BLE001 - the compile=True error is the one to report
            raise e
        return model, err


def loss_name(loss):
    if loss is None or isinstance(loss, str):
        return loss
    if isinstance(loss, dict):  # serialized Loss object
        return loss.get("config", {}).get("name") or loss.get("class_name")
    if hasattr(loss, "get_config") and "name" in loss.get_config():
        return loss.get_config()["name"]
    return getattr(loss, "__name__", repr(loss))


def check_result(path, model, compile_error, x):
    """The JSON object printed by `check` for a loaded model."""
    dtype = weights_dtype(model)
    res = {"predictions": predict(model, x, dtype if isinstance(dtype, str) else "float32"),
           "dtype": dtype, "layers": [type(layer).__name__ for layer in model.layers]}
    if compile_error is None:
        res["loss"] = loss_name(model.loss) if getattr(model, "compiled", False) else None
        res["compiled"] = bool(getattr(model, "compiled", False))
    else:
        res["loss"] = loss_name(stored_loss(path)[1])  # as stored; Keras could not compile it
        res["compiled"] = False
        res["compile_error"] = compile_error
    return res


def check(model_path, x_path):
    import keras
    with open(x_path) as f:
        x = json.load(f)
    if isinstance(x, dict):
        x = x.get("x")
    if not (isinstance(x, list) and x and all(isinstance(r, list) for r in x)):
        raise SystemExit(f"error: {x_path}: expected a JSON array of rows (or an object with an \"x\" array)")
    try:
        model, compile_error = load(model_path)
    except Exception as e:  # noqa: BLE001 - report any loader failure
        msg = f"cannot load {model_path} with keras {keras.__version__}: {type(e).__name__}: {e}"
        print(json.dumps({"error": msg}), flush=True)
        log("error: " + msg)
        raise SystemExit(2)
    if compile_error:
        log(f"warning: {model_path}: keras {keras.__version__} could not compile the model "
            f"({compile_error}); loaded it with compile=False")
    print(json.dumps(check_result(model_path, model, compile_error, x)), flush=True)


# --------------------------------------------------------------------------
# layout
# --------------------------------------------------------------------------

def h5_type_desc(tid):
    import h5py
    if isinstance(tid, h5py.h5t.TypeStringID):
        kind = "variable-length string" if tid.is_variable_str() else f"fixed-length string (size {tid.get_size()})"
        cset = {h5py.h5t.CSET_ASCII: "ASCII", h5py.h5t.CSET_UTF8: "UTF-8"}.get(tid.get_cset(), tid.get_cset())
        pad = {h5py.h5t.STR_NULLTERM: "NULLTERM", h5py.h5t.STR_NULLPAD: "NULLPAD",
               h5py.h5t.STR_SPACEPAD: "SPACEPAD"}.get(tid.get_strpad(), tid.get_strpad())
        return f"{kind}, {cset}, {pad}"
    if isinstance(tid, h5py.h5t.TypeVlenID):
        return f"vlen sequence of {h5_type_desc(tid.get_super())}"
    if isinstance(tid, h5py.h5t.TypeFloatID):
        return f"float{tid.get_size() * 8} ({'LE' if tid.get_order() == h5py.h5t.ORDER_LE else 'BE'})"
    if isinstance(tid, h5py.h5t.TypeIntegerID):
        return f"{'' if tid.get_sign() else 'u'}int{tid.get_size() * 8}"
    return type(tid).__name__


def h5_space_desc(sid):
    import h5py
    cls = sid.get_simple_extent_type()
    if cls == h5py.h5s.SCALAR:
        return "scalar"
    if cls == h5py.h5s.NULL:
        return "NULL dataspace (empty)"
    return f"simple {sid.shape}"


def short(v, limit=3000):
    if isinstance(v, bytes):
        v = repr(v)
    elif isinstance(v, np.ndarray):
        v = repr(v.tolist())
    else:
        v = repr(v)
    return v if len(v) <= limit else v[:limit] + f"... ({len(v)} chars)"


def h5_attrs(obj, indent, out):
    import h5py
    for name in obj.attrs:
        aid = h5py.h5a.open(obj.id, name.encode())
        try:
            value = obj.attrs[name]
        except Exception as e:  # noqa: BLE001
            value = f"<unreadable: {e}>"
        out.append(f"{indent}@{name}: {h5_type_desc(aid.get_type())}; {h5_space_desc(aid.get_space())}; "
                   f"value {short(value)}")


def h5_tree(f, out):
    import h5py
    out.append("/ (root group)")
    h5_attrs(f, "  ", out)

    def visit(name, obj):
        depth = name.count("/") + 1
        ind = "  " * depth
        if isinstance(obj, h5py.Dataset):
            dcpl = obj.id.get_create_plist()
            layout = {h5py.h5d.COMPACT: "compact", h5py.h5d.CONTIGUOUS: "contiguous",
                      h5py.h5d.CHUNKED: "chunked"}.get(dcpl.get_layout(), dcpl.get_layout())
            out.append(f"{ind}{name.split('/')[-1]}  [dataset /{name}] shape {obj.shape} dtype {obj.dtype} "
                       f"({h5_type_desc(obj.id.get_type())}), layout {layout}, "
                       f"compression {obj.compression}, values {short(obj[()], 300)}")
        else:
            out.append(f"{ind}{name.split('/')[-1]}/  [group /{name}]")
        h5_attrs(obj, ind + "  ", out)

    f.visititems(visit)


def layout(paths):
    import h5py
    out = []
    for path in paths:
        out.append("=" * 100)
        out.append(f"FILE {path} ({os.path.getsize(path)} bytes)")
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as z:
                out.append("zip members:")
                for info in z.infolist():
                    comp = {zipfile.ZIP_STORED: "stored", zipfile.ZIP_DEFLATED: "deflated"}.get(
                        info.compress_type, info.compress_type)
                    out.append(f"  {info.filename}: {info.file_size} bytes, {comp} ({info.compress_size} bytes), "
                               f"date_time {info.date_time}, flag_bits {info.flag_bits:#x}, "
                               f"create_system {info.create_system}, external_attr {info.external_attr:#x}")
                for member in ("metadata.json", "config.json"):
                    if member in z.namelist():
                        out.append(f"{member}: {z.read(member).decode()}")
                if "model.weights.h5" in z.namelist():
                    out.append("model.weights.h5:")
                    with h5py.File(io.BytesIO(z.read("model.weights.h5")), "r") as f:
                        h5_tree(f, out)
        else:
            with h5py.File(path, "r") as f:
                out.append(f"HDF5 userblock {f.userblock_size}, libver {f.libver}")
                h5_tree(f, out)
    print("\n".join(out))


def exported(nnlab):
    """`exported NNLAB`: NNLab's exports of export-model.json, as Keras loads them.

    Runs `NNLAB convert` to write export.keras and export.h5 from
    Tests/NNLabCLITests/Fixtures/keras/export-model.json, loads each with
    keras.saving.load_model and writes export.predictions.json: the rows, and
    for each file the layers, loss and predictions Keras gives.  The Swift tests
    check that NNLab still writes these exact bytes and predicts these values.
    """
    import subprocess
    import keras
    here = OUT
    x = [[0, 0], [0, 1], [1, 0], [1, 1], [0.3, -2], [-1.5, 0.25]]
    out = {"x": x, "keras_version": keras.__version__}
    for ext in ["keras", "h5"]:
        path = os.path.join(here, f"export.{ext}")
        subprocess.run([nnlab, "convert", os.path.join(here, "export-model.json"), path], check=True)
        model, compile_error = load(path)
        if compile_error:
            raise SystemExit(f"error: keras could not compile {path}: {compile_error}")
        out[ext] = check_result(path, model, None, x)
    with open(os.path.join(here, "export.predictions.json"), "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")
    log(f"wrote {here}/export.keras, export.h5 and export.predictions.json")


def main():
    args = sys.argv[1:]
    if not args or args == ["generate"]:
        generate()
    elif args[0] == "exported" and len(args) == 2:
        exported(args[1])
    elif args[0] == "check" and len(args) == 3:
        check(args[1], args[2])
    elif args[0] == "layout" and len(args) >= 2:
        layout(args[1:])
    else:
        raise SystemExit(__doc__.split("Models")[0] + "\nusage: keras_model_fixtures.py "
                         "[generate] | check MODEL_FILE X_JSON | layout FILE... | exported NNLAB")


if __name__ == "__main__":
    main()
