//! The app that runs all day and the works council's witness: without a witness added, `temoin
//! listen` opens no network connection at all (strace watches every `connect`); with one, it
//! connects to that witness only, and by the end of the shift the witness has cosigned every row,
//! without the passphrase.

use std::io::BufRead;
use std::path::Path;
use std::time::Duration;

use crate::common::*;
use crate::pulse;

/// `temoin listen` for `seconds` under strace, the example call played into the microphone:
/// the addresses it connected to (other than local sockets).
fn listen_traced(pulse: &pulse::Pulse, home: &Path, vault: &Path, seconds: u32) -> Vec<String> {
    let trace = home.join(format!("connect-{seconds}.trace"));
    let mut c = std::process::Command::new("strace");
    c.args(["-f", "--seccomp-bpf", "-e", "trace=connect", "-o"])
        .arg(&trace)
        .arg(env!("CARGO_BIN_EXE_temoin"));
    isolate(&mut c, home);
    let child = c
        .args([
            "listen",
            "--seconds",
            &seconds.to_string(),
            "--own-level",
            "-27",
        ])
        .env("TEMOIN_VAULT", vault)
        .env("XDG_RUNTIME_DIR", &pulse.runtime_dir)
        .env_remove("TEMOIN_PASSPHRASE")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(1500));
    let mut player =
        pulse.play(&Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/exemple-appel.wav"));
    let out = child.wait_with_output().unwrap();
    let _ = player.wait();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(&trace).unwrap();
    assert!(
        text.contains("connect("),
        "strace saw no connect at all: {text}"
    );
    text.lines()
        .filter(|l| l.contains("connect(") && !l.contains("AF_UNIX"))
        .map(str::to_string)
        .collect()
}

#[test]
fn listening_sends_nothing_without_a_witness_and_only_checkpoints_to_one() {
    let pulse = pulse::Pulse::start();
    let sandbox = tempfile::tempdir().unwrap();
    let home = sandbox.path();
    let vault = home.join("coffre.db");
    let (code, _, err) = run(temoin(&vault).arg("init").env("TEMOIN_PASSPHRASE", PASS));
    assert_eq!(code, 0, "{err}");

    let network = listen_traced(&pulse, home, &vault, 12);
    assert_eq!(
        network,
        Vec::<String>::new(),
        "no witness, yet it connected"
    );

    // The council's witness, on loopback.
    let wdir = home.join("cse");
    let (code, _, err) = run(temoin_in(home)
        .args(["witness", "init"])
        .arg(&wdir)
        .args(["--name", "cse-acme.example/temoin"]));
    assert_eq!(code, 0, "{err}");
    let mut serve = std::process::Command::new(env!("CARGO_BIN_EXE_temoin"))
        .args(["witness", "serve"])
        .arg(&wdir)
        .args(["--listen", "127.0.0.1:0"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = std::io::BufReader::new(serve.stdout.take().unwrap()).lines();
    let first = lines.next().unwrap().unwrap();
    let url = first
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .unwrap()
        .to_string();
    let wkey = lines.next().unwrap().unwrap();
    let (code, said, err) = run(temoin(&vault).args(["witness", "add", &url, &wkey]));
    assert_eq!(code, 0, "{err}");
    let key = said
        .lines()
        .find(|l| l.starts_with("temoin-rows/"))
        .unwrap()
        .to_string();
    let (code, _, err) = run(temoin_in(home)
        .args(["witness", "enroll"])
        .arg(&wdir)
        .arg(&key));
    assert_eq!(code, 0, "{err}");

    let network = listen_traced(&pulse, home, &vault, 20);
    let port = url.rsplit(':').next().unwrap();
    assert!(!network.is_empty(), "a witness added, yet nothing was sent");
    for l in &network {
        assert!(
            l.contains(&format!("sin_port=htons({port})")) && l.contains("127.0.0.1"),
            "a connection elsewhere than the witness: {l}"
        );
    }
    // By the end of the shift the witness cosigned every row (no passphrase was given).
    let rows = temoin::vault::Vault::open(&vault)
        .unwrap()
        .check()
        .unwrap()
        .rows;
    let (_, listed, _) = run(temoin(&vault).args(["witness", "list"]));
    assert!(
        listed.contains(&format!("dernière contre-signature : {rows} lignes")),
        "{rows} rows: {listed}"
    );
    let (_, status, _) = run(temoin_in(home)
        .args(["witness", "status", "--json"])
        .arg(&wdir));
    assert!(status.contains(&format!("\"size\":{rows}")), "{status}");
    let _ = serve.kill();
    let _ = serve.wait();
}
