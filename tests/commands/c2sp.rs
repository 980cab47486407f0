//! Témoin's checkpoints read by code nobody here wrote: `aics-tlog` (PyPI, an independent C2SP
//! implementation) parses each checkpoint note, checks its log signature with a verifier key it
//! builds itself from the origin line, recomputes the tree's root from an export's leaves and
//! checks Témoin's consistency proofs (RFC 9162).

use std::net::SocketAddr;

use crate::common::*;
use temoin::events::{Event, EventKind};

const CHECK: &str = r#"
import json, sys
from aics_tlog import verify_checkpoint, vkey_from_ed25519, verify_consistency, node_hash
from aics_tlog.checkpoint import checkpoint_from_note
from aics_tlog.checkpoint import Checkpoint, serialise_checkpoint
from aics_tlog.note import Note

def root(leaves):
    # RFC 9162 2.1.1: split at the largest power of two below n.
    if len(leaves) == 1:
        return leaves[0]
    k = 1
    while k * 2 < len(leaves):
        k *= 2
    return node_hash(root(leaves[:k]), root(leaves[k:]))

notes = [open(p).read() for p in sys.argv[1:3]]
bundle = json.load(open(sys.argv[3]))
leaves = [bytes.fromhex(e["leaf"]) for e in sorted(bundle["events"], key=lambda e: e["index"])]
size, top = bundle["log"]["size"], bytes.fromhex(bundle["log"]["root"])
assert len(leaves) == size, (len(leaves), size)
assert root(leaves) == top, "the export's root is not RFC 9162's"
for text in notes:
    cp, note = checkpoint_from_note(text)
    key = bytes.fromhex(cp.origin.rsplit("/", 1)[1])
    vkey = vkey_from_ed25519(cp.origin, key)
    r = verify_checkpoint(note, vkey)
    assert r.ok and r.log_ok, r.error
    assert root(leaves[: cp.size]) == cp.root, "the checkpoint's root is not the log's"
    assert cp.extension_lines[0].startswith("temoin-time "), cp.extension_lines
    forged = Note(text=serialise_checkpoint(Checkpoint(cp.origin, cp.size - 1, cp.root, cp.extension_lines)), signatures=note.signatures)
    assert not verify_checkpoint(forged, vkey).log_ok, "a forged size passed"
proofs = bundle["checkpoints"]
assert len(proofs) >= 2, proofs
for p in proofs:
    old = root(leaves[: p["size"]])
    assert old == bytes.fromhex(p["root"])
    proof = [bytes.fromhex(h) for h in p["proof"]]
    assert verify_consistency(p["size"], size, old, top, proof), p
    if proof:
        assert not verify_consistency(p["size"], size, old, top, proof[:-1])
print("ok", size, len(proofs))
"#;

pub(crate) fn note_now(path: &std::path::Path, n: usize) {
    let mut v = temoin::vault::Vault::open(path).unwrap();
    for i in 0..n {
        v.append(&Event::now(EventKind::Note {
            text: format!("note {i}"),
        }))
        .unwrap();
    }
}

#[test]
fn checkpoints_and_the_tree_are_read_by_an_independent_c2sp_implementation() {
    let python = c2sp_python();
    let (dir, path, vault, _) = new_vault();
    drop(vault);
    let checkpoint = |name: &str| {
        let f = dir.path().join(name);
        let (code, _, err) = run(temoin(&path)
            .env("TEMOIN_PASSPHRASE", PASS)
            .args(["checkpoint", "--out"])
            .arg(&f));
        assert_eq!(code, 0, "{err}");
        f
    };
    note_now(&path, 5);
    let first = checkpoint("un.txt");
    note_now(&path, 12);
    let second = checkpoint("deux.txt");
    note_now(&path, 3);
    let b = dir.path().join("export.json");
    let (code, _, err) = run(temoin(&path)
        .env("TEMOIN_PASSPHRASE", PASS)
        .args(["export", "--level", "events", "--out"])
        .arg(&b));
    assert_eq!(code, 0, "{err}");
    let script = dir.path().join("check.py");
    std::fs::write(&script, CHECK).unwrap();
    let out = std::process::Command::new(&python)
        .arg(&script)
        .args([&first, &second, &b])
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{said}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // 5 notes, a checkpoint given, 12 notes, another, 3 notes (the export is noted after it).
    assert_eq!(said.trim(), "ok 22 2");
}

/// A `temoin witness serve` process on loopback.
struct Served {
    child: std::process::Child,
    url: String,
    vkey: String,
}

/// Starts `temoin witness serve DIR` on a free loopback port (its errors go to DIR/serve.log):
/// the process, its address and its key.
pub(crate) fn start_witness(dir: &std::path::Path) -> (std::process::Child, SocketAddr, String) {
    use std::io::BufRead;
    let log = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(dir.join("serve.log"))
        .unwrap();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_temoin"))
        .args(["witness", "serve"])
        .arg(dir)
        .args(["--listen", "127.0.0.1:0"])
        .stdout(std::process::Stdio::piped())
        .stderr(log)
        .spawn()
        .unwrap();
    let mut lines = std::io::BufReader::new(child.stdout.take().unwrap()).lines();
    let first = lines.next().unwrap().unwrap();
    let url = first
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .unwrap();
    let addr = url.trim_start_matches("http://").parse().unwrap();
    let vkey = lines.next().unwrap().unwrap();
    (child, addr, vkey)
}

fn serve(dir: &std::path::Path) -> Served {
    let (child, addr, vkey) = start_witness(dir);
    Served {
        child,
        url: format!("http://{addr}"),
        vkey,
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

const CLIENT: &str = r#"
import json, sys, urllib.request, urllib.error
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from aics_tlog import MerkleTree, parse_vkey, format_vkey, vkey_from_ed25519, verify_checkpoint
from aics_tlog.checkpoint import Checkpoint, sign_checkpoint, checkpoint_from_note
from aics_tlog.note import Note, parse_note
from aics_witness.protocol import format_add_checkpoint_request, parse_signature_lines

def post(url, body):
    req = urllib.request.Request(url + "/add-checkpoint", data=body, method="POST")
    try:
        with urllib.request.urlopen(req) as r:
            return r.status, r.headers.get("Content-Type"), r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Content-Type"), e.read().decode()

mode = sys.argv[1]
if mode == "keygen":
    key = Ed25519PrivateKey.generate()
    open(sys.argv[2], "wb").write(key.private_bytes_raw())
    print(format_vkey(vkey_from_ed25519("example.org/aics-log", key.public_key().public_bytes_raw())))
elif mode == "aics-log":
    url, keyfile, wvkey = sys.argv[2:5]
    key = Ed25519PrivateKey.from_private_bytes(open(keyfile, "rb").read())
    tree = MerkleTree()
    tree.extend(b"entry %d" % i for i in range(7))
    def note_of(size, root):
        return sign_checkpoint(Checkpoint("example.org/aics-log", size, root), key, "example.org/aics-log").serialise().encode()
    n7 = note_of(7, tree.root())
    status, _, body = post(url, format_add_checkpoint_request(0, [], n7))
    assert status == 200, (status, body)
    cp, note = checkpoint_from_note(n7)
    cosigned = Note(text=note.text, signatures=note.signatures + tuple(parse_signature_lines(body)))
    r = verify_checkpoint(cosigned, vkey_from_ed25519("example.org/aics-log", key.public_key().public_bytes_raw()), [parse_vkey(wvkey)], quorum=1)
    assert r.ok and r.cosignature_count == 1, r.error
    # Replayed from 0: 409 and the size; a fork: 422; a proper extension: 200.
    status, ctype, body = post(url, format_add_checkpoint_request(0, [], n7))
    assert (status, ctype, body) == (409, "text/x.tlog.size", "7\n"), (status, ctype, body)
    other = MerkleTree(); other.extend(b"other %d" % i for i in range(9))
    tree.extend(b"entry %d" % i for i in range(7, 9))
    status, _, body = post(url, format_add_checkpoint_request(7, tree.consistency_proof(7), note_of(9, other.root())))
    assert status == 422, (status, body)
    status, _, body = post(url, format_add_checkpoint_request(7, tree.consistency_proof(7), note_of(9, tree.root())))
    assert status == 200, (status, body)
    # Not enrolled, malformed, too large.
    stranger = Ed25519PrivateKey.generate()
    n = sign_checkpoint(Checkpoint("example.org/stranger", 1, tree.root(1)), stranger, "example.org/stranger").serialise().encode()
    assert post(url, format_add_checkpoint_request(0, [], n))[0] == 404
    assert post(url, b"old x\n\nbonjour")[0] == 400
    assert post(url, b"old 0\n\n" + b"x" * 200000)[0] == 413
    print("ok")
elif mode == "temoin-log":
    # Témoin's checkpoint, first to 0 (cosigned), then the same again (409).
    url, note_file = sys.argv[2:4]
    n = open(note_file, "rb").read()
    status, _, body = post(url, format_add_checkpoint_request(0, [], n))
    print(status)
    print(body, end="")
"#;

#[test]
fn the_witness_cosigns_logs_of_either_implementation_and_holds_after_a_kill() {
    let python = c2sp_python();
    let dir = tempfile::tempdir().unwrap();
    let wdir = dir.path().join("temoin-witness");
    let (code, out, err) = run(std::process::Command::new(env!("CARGO_BIN_EXE_temoin"))
        .args(["witness", "init"])
        .arg(&wdir)
        .args(["--name", "cse-acme.example/temoin"]));
    assert_eq!(code, 0, "{err}");
    let wvkey = out.lines().last().unwrap().to_string();
    assert!(wvkey.starts_with("cse-acme.example/temoin+"), "{out}");
    let script = dir.path().join("client.py");
    std::fs::write(&script, CLIENT).unwrap();
    let py = |args: &[&str]| {
        let o = std::process::Command::new(&python)
            .arg(&script)
            .args(args)
            .output()
            .unwrap();
        assert!(
            o.status.success(),
            "{}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        );
        String::from_utf8(o.stdout).unwrap()
    };
    // A log built with aics-tlog, enrolled by its key.
    let keyfile = dir.path().join("aics.key");
    let aics_vkey = py(&["keygen", keyfile.to_str().unwrap()]);
    let enroll = |given: &str| {
        run(std::process::Command::new(env!("CARGO_BIN_EXE_temoin"))
            .args(["witness", "enroll"])
            .arg(&wdir)
            .arg(given))
    };
    assert_eq!(enroll(aics_vkey.trim()).0, 0);
    // A worker's log, enrolled from the checkpoint they show.
    let (vdir, path, vault, _) = new_vault();
    drop(vault);
    note_now(&path, 4);
    let cp = vdir.path().join("point.txt");
    let (code, _, err) = run(temoin(&path)
        .env("TEMOIN_PASSPHRASE", PASS)
        .args(["checkpoint", "--out"])
        .arg(&cp));
    assert_eq!(code, 0, "{err}");
    let (code, said, _) = enroll(cp.to_str().unwrap());
    assert_eq!(code, 0);
    assert!(said.contains("Journal inscrit : temoin/T-"), "{said}");
    let served = serve(&wdir);
    assert_eq!(served.vkey, wvkey);
    assert_eq!(
        py(&["aics-log", &served.url, keyfile.to_str().unwrap(), &wvkey]).trim(),
        "ok"
    );
    // Témoin's checkpoint cosigned, and the cosignature verified by Témoin.
    let answer = py(&["temoin-log", &served.url, cp.to_str().unwrap()]);
    let (status, line) = answer.split_once('\n').unwrap();
    assert_eq!(status, "200", "{answer}");
    let note = std::fs::read_to_string(&cp).unwrap();
    let body = &note[..note.find("\n\n").unwrap() + 1];
    let w = temoin::evidence::cosign::VerifierKey::parse(&wvkey).unwrap();
    let sig = temoin::evidence::cosign::signature_line(line).unwrap();
    assert!(temoin::evidence::cosign::cosigned_at(&w, &sig, body).is_some());
    // Killed without a word, restarted: what it cosigned holds (a replay from 0 is told 4: the
    // checkpoint covered the four notes, its own mark came after).
    let mut served = served;
    served.child.kill().unwrap();
    served.child.wait().unwrap();
    let again = serve(&wdir);
    let answer = py(&["temoin-log", &again.url, cp.to_str().unwrap()]);
    assert_eq!(answer, "409\n4\n");
    // The council's list: each log by pseudonym, its size and when.
    let (code, out, _) = run(std::process::Command::new(env!("CARGO_BIN_EXE_temoin"))
        .args(["witness", "status", "--json"])
        .arg(&wdir));
    assert_eq!(code, 0);
    assert!(
        out.contains("\"size\":9") && out.contains("\"size\":4"),
        "{out}"
    );
}

/// The PyPI witness (`aics-witness`) cosigns a Témoin checkpoint, and Témoin verifies its
/// cosignature.
#[test]
fn an_independent_witness_cosigns_a_temoin_checkpoint() {
    let python = c2sp_python();
    let (dir, path, vault, _) = new_vault();
    drop(vault);
    note_now(&path, 3);
    let cp = dir.path().join("point.txt");
    let (code, _, err) = run(temoin(&path)
        .env("TEMOIN_PASSPHRASE", PASS)
        .args(["checkpoint", "--out"])
        .arg(&cp));
    assert_eq!(code, 0, "{err}");
    let note = std::fs::read_to_string(&cp).unwrap();
    let c = temoin::evidence::checkpoint::Checkpoint::parse(&note).unwrap();
    let origin = temoin::evidence::note::origin(&c.key);
    let log_vkey = temoin::evidence::note::vkey(&c.key);
    let config = dir.path().join("aics").join("witness.json");
    std::fs::create_dir_all(config.parent().unwrap()).unwrap();
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let aics = |args: &[&str]| {
        std::process::Command::new(&python)
            .args(["-m", "aics_witness"])
            .args(args)
            .arg("--config")
            .arg(&config)
            .output()
            .unwrap()
    };
    let init = aics(&[
        "init",
        "--name",
        "aics.example/w1",
        "--listen",
        &format!("127.0.0.1:{port}"),
    ]);
    assert!(
        init.status.success(),
        "{}",
        String::from_utf8_lossy(&init.stderr)
    );
    let wvkey = String::from_utf8(init.stdout)
        .unwrap()
        .trim()
        .lines()
        .last()
        .unwrap()
        .to_string();
    let add = aics(&["add-log", "--origin", &origin, "--vkey", &log_vkey]);
    assert!(
        add.status.success(),
        "{}",
        String::from_utf8_lossy(&add.stderr)
    );
    // Témoin's checkpoints carry one extension line (when it was given).
    let mut cfg: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&config).unwrap()).unwrap();
    cfg["logs"][0]["extension_lines"] = true.into();
    std::fs::write(&config, serde_json::to_vec_pretty(&cfg).unwrap()).unwrap();
    let mut server = std::process::Command::new(&python)
        .args(["-m", "aics_witness", "serve", "--config"])
        .arg(&config)
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let url = format!("http://127.0.0.1:{port}");
    let script = dir.path().join("client.py");
    std::fs::write(&script, CLIENT).unwrap();
    let mut answer = String::new();
    for _ in 0..50 {
        let o = std::process::Command::new(&python)
            .arg(&script)
            .args(["temoin-log", &url, cp.to_str().unwrap()])
            .output()
            .unwrap();
        answer = String::from_utf8_lossy(&o.stdout).into_owned();
        if o.status.success() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
    let _ = server.kill();
    let _ = server.wait();
    let (status, line) = answer.split_once('\n').unwrap_or(("", ""));
    assert_eq!(status, "200", "{answer}");
    let body = &note[..note.find("\n\n").unwrap() + 1];
    let w = temoin::evidence::cosign::VerifierKey::parse(&wvkey).expect(&wvkey);
    let sig = temoin::evidence::cosign::signature_line(line).unwrap();
    assert!(temoin::evidence::cosign::cosigned_at(&w, &sig, body).is_some());
    // The same line does not verify for another checkpoint.
    assert!(
        temoin::evidence::cosign::cosigned_at(&w, &sig, &body.replacen("\n3\n", "\n4\n", 1))
            .is_none()
    );
}
