"""Writes the package's DEP-5 copyright file: Témoin's licence, each bundled model's licence text
(from the files scripts/models installed beside them), and every Rust crate linked into the
binary with its licence (from `cargo metadata`: normal dependencies only, for x86-64 Linux)."""
import json, subprocess, sys
from pathlib import Path

root = Path(__file__).resolve().parent.parent
meta = json.loads(subprocess.check_output(
    ["cargo", "metadata", "--format-version", "1", "--locked",
     "--filter-platform", "x86_64-unknown-linux-gnu"], cwd=root))
packages = {p["id"]: p for p in meta["packages"]}
nodes = {n["id"]: n for n in meta["resolve"]["nodes"]}
top = next(p["id"] for p in meta["packages"] if p["name"] == "temoin")
linked, todo = set(), [top]
while todo:
    n = todo.pop()
    for d in nodes[n]["deps"]:
        if any(k["kind"] is None for k in d["dep_kinds"]) and d["pkg"] not in linked:
            linked.add(d["pkg"])
            todo.append(d["pkg"])

def text(path):
    lines = (root / path).read_text().strip().splitlines()
    return "\n".join(" " + (l if l.strip() else ".") for l in lines)

out = sys.stdout
out.write("""Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: temoin
Comment: Témoin, a call-centre worker's own encrypted record of workplace surveillance.

Files: *
Copyright: Témoin's authors
License: MIT or Apache-2.0
 Témoin is dual-licensed under the MIT licence (below) and the Apache licence 2.0
 (on Debian systems, /usr/share/common-licenses/Apache-2.0).

Files: usr/share/temoin/models/onnxruntime/*
Copyright: Microsoft Corporation (ONNX Runtime 1.32.0, from the PyPI onnxruntime wheel)
License: MIT-onnxruntime
""")
out.write(text("models/onnxruntime/LICENSE") + "\n\n")
out.write("Files: usr/share/temoin/models/silero_vad.onnx\n"
          "Copyright: Silero Team (Silero VAD 6.2.3, from the PyPI silero-vad wheel)\n"
          "License: MIT-silero\n" + text("models/silero_vad.LICENSE") + "\n\n")
out.write("Files: usr/share/temoin/models/ggml-base-q8_0.bin\n"
          "Copyright: OpenAI (Whisper base weights, converted for whisper.cpp)\n"
          "License: MIT-whisper\n" + text("models/whisper.LICENSE") + "\n\n")
out.write("Files: usr/bin/temoin\n"
          "Copyright: the authors of each crate below\n"
          "License: various\n"
          " Linked into the program: whisper.cpp (MIT, through whisper-rs-sys), SQLite (public\n"
          " domain, through libsqlite3-sys), and these Rust crates (name, version: licence):\n .\n")
for pid in sorted(linked, key=lambda i: (packages[i]["name"], packages[i]["version"])):
    p = packages[pid]
    out.write(f" {p['name']} {p['version']}: {p.get('license') or p.get('license_file') or 'see its sources'}\n")
out.write("""
License: MIT
 Permission is hereby granted, free of charge, to any person obtaining a copy of this software
 and associated documentation files (the "Software"), to deal in the Software without
 restriction, including without limitation the rights to use, copy, modify, merge, publish,
 distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the
 Software is furnished to do so, subject to the following conditions:
 .
 The above copyright notice and this permission notice shall be included in all copies or
 substantial portions of the Software.
 .
 THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING
 BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
 NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM,
 DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
 OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
""")
