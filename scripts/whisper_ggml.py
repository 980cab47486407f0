#!/usr/bin/env python3
"""Converts a CTranslate2 (faster-whisper) Whisper model into whisper.cpp's ggml file, quantized.

The registries ship Whisper only in CTranslate2 form; whisper.cpp reads the layout that its
models/convert-pt-to-ggml.py writes. What differs, and is undone here:
- CT2 fuses self-attention q/k/v (linear_0) and cross-attention k/v (linear_1); key biases are
  zero there and absent in Whisper.
- CT2 names variables after its own spec; the output projection is an alias of the embeddings.
- Mel filters and the byte-level vocabulary come from the openai-whisper sdist (MIT).
Quantization follows ggml's reference q8_0 / q5_1 block layouts (2-D weights only, as whisper.cpp's
own quantize tool does). Model preparation only: nothing here runs in the app.

usage: whisper_ggml.py CT2_MODEL_BIN MEL_FILTERS_NPZ TIKTOKEN OUT {f16,q8_0,q5_1}
"""

import base64
import io
import os
import re
import struct
import sys
import zipfile

import numpy as np

# ggml_type ids (per tensor) and ggml_ftype ids (file header), from ggml.h.
TYPE_F32, TYPE_F16, TYPE_Q5_1, TYPE_Q8_0 = 0, 1, 7, 8
FTYPE = {"f16": 1, "q8_0": 7, "q5_1": 9}
TENSOR_TYPE = {"f16": TYPE_F16, "q8_0": TYPE_Q8_0, "q5_1": TYPE_Q5_1}
QNT_VERSION, QNT_VERSION_FACTOR = 2, 1000
# Stay f32 whatever the file type, as convert-pt-to-ggml.py and quantize leave them.
KEEP_F32 = {
    "encoder.conv1.bias",
    "encoder.conv2.bias",
    "encoder.positional_embedding",
    "decoder.positional_embedding",
}
CT2_DTYPE = {0: np.float32, 1: np.int8, 2: np.int16, 3: np.int32, 4: np.float16}


def read_ct2(path):
    """Variables (name -> array) and aliases of a CTranslate2 model.bin (binary version 6)."""
    with open(path, "rb") as f:
        data = f.read()
    pos = 0

    def u32():
        nonlocal pos
        (v,) = struct.unpack_from("<I", data, pos)
        pos += 4
        return v

    def u8():
        nonlocal pos
        pos += 1
        return data[pos - 1]

    def string():
        nonlocal pos
        (n,) = struct.unpack_from("<H", data, pos)
        pos += 2 + n
        return data[pos - n : pos - 1].decode("utf-8")

    version = u32()
    if version != 6:
        raise SystemExit(f"unsupported CTranslate2 model version {version} (expected 6)")
    spec = string()
    if spec != "WhisperSpec":
        raise SystemExit(f"not a Whisper model: {spec}")
    u32()  # spec revision
    variables = {}
    for _ in range(u32()):
        name = string()
        shape = [u32() for _ in range(u8())]
        dtype = CT2_DTYPE.get(u8())
        size = u32()
        if dtype is None:
            raise SystemExit(f"unknown data type for {name}")
        arr = np.frombuffer(data, dtype=dtype, count=size // np.dtype(dtype).itemsize, offset=pos)
        variables[name] = arr.reshape(shape) if shape else arr
        pos += size
    aliases = {}
    for _ in range(u32()):
        alias = string()
        aliases[alias] = string()
    return variables, aliases


def whisper_tensors(v):
    """Whisper's PyTorch names and arrays from CT2's variables."""
    out = {}

    def linear(dst, src):
        out[dst + ".weight"] = v[src + "/weight"]
        if src + "/bias" in v:
            out[dst + ".bias"] = v[src + "/bias"]

    def norm(dst, src):
        out[dst + ".weight"] = v[src + "/gamma"]
        out[dst + ".bias"] = v[src + "/beta"]

    def fused(dsts, src):
        w, b = v[src + "/weight"], v[src + "/bias"]
        n = w.shape[0] // len(dsts)
        for k, dst in enumerate(dsts):
            out[dst + ".weight"] = w[k * n : (k + 1) * n]
            if not dst.endswith(".key"):
                out[dst + ".bias"] = b[k * n : (k + 1) * n]
            elif np.any(b[k * n : (k + 1) * n] != 0):
                raise SystemExit(f"{src}: non-zero key bias, not a Whisper model")

    for conv in ("conv1", "conv2"):
        out[f"encoder.{conv}.weight"] = v[f"encoder/{conv}/weight"]
        out[f"encoder.{conv}.bias"] = v[f"encoder/{conv}/bias"].reshape(-1, 1)
    out["encoder.positional_embedding"] = v["encoder/position_encodings/encodings"]
    out["decoder.positional_embedding"] = v["decoder/position_encodings/encodings"]
    out["decoder.token_embedding.weight"] = v["decoder/embeddings/weight"]
    norm("encoder.ln_post", "encoder/layer_norm")
    norm("decoder.ln", "decoder/layer_norm")
    layers = {"encoder": 0, "decoder": 0}
    for name in v:
        m = re.match(r"(encoder|decoder)/layer_(\d+)/", name)
        if m:
            layers[m[1]] = max(layers[m[1]], int(m[2]) + 1)
    for side, count in layers.items():
        for i in range(count):
            src, dst = f"{side}/layer_{i}", f"{side}.blocks.{i}"
            norm(f"{dst}.attn_ln", f"{src}/self_attention/layer_norm")
            fused([f"{dst}.attn.query", f"{dst}.attn.key", f"{dst}.attn.value"],
                  f"{src}/self_attention/linear_0")
            linear(f"{dst}.attn.out", f"{src}/self_attention/linear_1")
            if side == "decoder":
                norm(f"{dst}.cross_attn_ln", f"{src}/attention/layer_norm")
                linear(f"{dst}.cross_attn.query", f"{src}/attention/linear_0")
                fused([f"{dst}.cross_attn.key", f"{dst}.cross_attn.value"],
                      f"{src}/attention/linear_1")
                linear(f"{dst}.cross_attn.out", f"{src}/attention/linear_2")
            norm(f"{dst}.mlp_ln", f"{src}/ffn/layer_norm")
            linear(f"{dst}.mlp.0", f"{src}/ffn/linear_0")
            linear(f"{dst}.mlp.2", f"{src}/ffn/linear_1")
    return out, layers


def quantize_q8_0(x):
    """ggml block_q8_0: f16 scale, 32 int8."""
    b = x.astype(np.float32).reshape(-1, 32)
    d = np.abs(b).max(axis=1) / 127.0
    inv = np.divide(1.0, d, out=np.zeros_like(d), where=d != 0)
    q = np.round(b * inv[:, None]).astype(np.int8)
    out = np.empty((b.shape[0], 34), dtype=np.uint8)
    out[:, :2] = d.astype(np.float16).view(np.uint8).reshape(-1, 2)
    out[:, 2:] = q.view(np.uint8)
    return out.tobytes()


def quantize_q5_1(x):
    """ggml block_q5_1: f16 scale, f16 minimum, 32 high bits, 16 bytes of low nibbles."""
    b = x.astype(np.float32).reshape(-1, 32)
    lo, hi = b.min(axis=1), b.max(axis=1)
    d = (hi - lo) / 31.0
    inv = np.divide(1.0, d, out=np.zeros_like(d), where=d != 0)
    q = np.clip(((b - lo[:, None]) * inv[:, None] + 0.5).astype(np.int32), 0, 31).astype(np.uint32)
    q0, q1 = q[:, :16], q[:, 16:]
    qs = ((q0 & 0xF) | ((q1 & 0xF) << 4)).astype(np.uint8)
    shifts = np.arange(16, dtype=np.uint32)
    qh = (((q0 >> 4) & 1) << shifts).sum(axis=1) | ((((q1 >> 4) & 1) << (shifts + 16)).sum(axis=1))
    out = np.empty((b.shape[0], 24), dtype=np.uint8)
    out[:, 0:2] = d.astype(np.float16).view(np.uint8).reshape(-1, 2)
    out[:, 2:4] = lo.astype(np.float16).view(np.uint8).reshape(-1, 2)
    out[:, 4:8] = qh.astype("<u4").view(np.uint8).reshape(-1, 4)
    out[:, 8:24] = qs
    return out.tobytes()


QUANTIZE = {"q8_0": quantize_q8_0, "q5_1": quantize_q5_1}


def main():
    if len(sys.argv) != 6 or sys.argv[5] not in FTYPE:
        raise SystemExit(__doc__)
    model_bin, mel_npz, tiktoken, out_path, ftype = sys.argv[1:]
    variables, _aliases = read_ct2(model_bin)
    tensors, layers = whisper_tensors(variables)
    with zipfile.ZipFile(mel_npz) as z:
        n_mels = variables["encoder/conv1/weight"].shape[1]
        filters = np.load(io.BytesIO(z.read(f"mel_{n_mels}.npy"))).astype(np.float32)
    with open(tiktoken, "rb") as f:
        tokens = [base64.b64decode(line.split()[0]) for line in f if line.strip()]

    emb = tensors["decoder.token_embedding.weight"]
    hparams = [
        emb.shape[0],  # n_vocab
        tensors["encoder.positional_embedding"].shape[0],  # n_audio_ctx
        tensors["encoder.positional_embedding"].shape[1],  # n_audio_state
        int(variables["encoder/num_heads"].reshape(-1)[0]),
        layers["encoder"],
        tensors["decoder.positional_embedding"].shape[0],  # n_text_ctx
        emb.shape[1],  # n_text_state
        int(variables["decoder/num_heads"].reshape(-1)[0]),
        layers["decoder"],
        n_mels,
        FTYPE[ftype] + (QNT_VERSION * QNT_VERSION_FACTOR if ftype in QUANTIZE else 0),
    ]
    tmp = out_path + ".part"
    with open(tmp, "wb") as f:
        f.write(struct.pack("<i", 0x67676D6C))
        f.write(struct.pack("<11i", *hparams))
        f.write(struct.pack("<ii", *filters.shape))
        f.write(filters.astype("<f4").tobytes())
        f.write(struct.pack("<i", len(tokens)))
        for t in tokens:
            f.write(struct.pack("<i", len(t)))
            f.write(t)
        for name, arr in tensors.items():
            n_dims = arr.ndim
            if n_dims < 2 or name in KEEP_F32:
                ttype, payload = TYPE_F32, arr.astype("<f4").tobytes()
            elif n_dims == 2 and ftype in QUANTIZE:
                ttype, payload = TENSOR_TYPE[ftype], QUANTIZE[ftype](arr)
            else:
                ttype, payload = TYPE_F16, arr.astype("<f2").tobytes()
            key = name.encode("utf-8")
            f.write(struct.pack("<iii", n_dims, len(key), ttype))
            f.write(struct.pack(f"<{n_dims}i", *reversed(arr.shape)))
            f.write(key)
            f.write(payload)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, out_path)
    print(f"{out_path}: {len(tensors)} tensors, {ftype}")


if __name__ == "__main__":
    main()
