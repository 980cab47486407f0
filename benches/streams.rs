//! What following the softphone's streams costs (target: under 0.1 % of a core): the watcher
//! thread, and the sound server answering it four times a second, over 30 s against a private
//! PulseAudio with the softphone and two other applications playing. Prints figures; run with
//! `cargo bench --bench streams`.

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn ticks_per_s() -> f64 {
    // SAFETY: sysconf has no preconditions.
    (unsafe { libc::sysconf(libc::_SC_CLK_TCK) }) as f64
}

/// utime + stime of a /proc stat line, in seconds.
fn cpu(stat: &str) -> f64 {
    let after = &stat[stat.rfind(')').unwrap() + 2..];
    let f: Vec<&str> = after.split_whitespace().collect();
    (f[11].parse::<f64>().unwrap() + f[12].parse::<f64>().unwrap()) / ticks_per_s()
}

fn thread_cpu(name: &str) -> Option<f64> {
    for t in std::fs::read_dir("/proc/self/task").ok()?.flatten() {
        let comm = std::fs::read_to_string(t.path().join("comm")).unwrap_or_default();
        if comm.trim() == name {
            return Some(cpu(&std::fs::read_to_string(t.path().join("stat")).ok()?));
        }
    }
    None
}

fn process_cpu(pid: u32) -> f64 {
    cpu(&std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap())
}

fn player(runtime: &Path, name: &str, wav: &Path) -> Child {
    Command::new("paplay")
        .args([
            "-d",
            "vsink",
            &format!("--client-name={name}"),
            &format!("--property=application.name={name}"),
        ])
        .arg(wav)
        .env("XDG_RUNTIME_DIR", runtime)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

fn main() {
    let runtime = tempfile::tempdir().unwrap();
    let mut server = Command::new("pulseaudio")
        .args([
            "-n",
            "--daemonize=no",
            "--exit-idle-time=-1",
            "-L",
            "module-native-protocol-unix",
            "-L",
            "module-null-sink sink_name=vsink",
        ])
        .env("XDG_RUNTIME_DIR", runtime.path())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_secs(2));
    // SAFETY: set before any thread of ours reads the environment.
    unsafe { std::env::set_var("XDG_RUNTIME_DIR", runtime.path()) };
    let wav = runtime.path().join("silence.wav");
    let spec = hound::WavSpec {
        channels: 1,
        sample_rate: 16_000,
        bits_per_sample: 16,
        sample_format: hound::SampleFormat::Int,
    };
    let mut w = hound::WavWriter::create(&wav, spec).unwrap();
    for _ in 0..16_000 * 80 {
        w.write_sample(0i16).unwrap();
    }
    w.finalize().unwrap();
    let mut players: Vec<Child> = ["MonSoftphone", "Firefox", "Musique"]
        .iter()
        .map(|n| player(runtime.path(), n, &wav))
        .collect();
    std::thread::sleep(Duration::from_secs(1));
    let span = Duration::from_secs(30);
    // The server alone, with its streams, then with Témoin watching.
    let s0 = process_cpu(server.id());
    std::thread::sleep(span);
    let idle = process_cpu(server.id()) - s0;
    let (changes, stop) = temoin::capture::live::streams::watch("MonSoftphone".into());
    std::thread::sleep(Duration::from_millis(500));
    let t0 = thread_cpu("temoin-streams").unwrap();
    let s0 = process_cpu(server.id());
    let started = Instant::now();
    std::thread::sleep(span);
    let watcher = thread_cpu("temoin-streams").unwrap() - t0;
    let watched = process_cpu(server.id()) - s0;
    let secs = started.elapsed().as_secs_f64();
    let seen = changes.try_iter().count();
    drop(stop);
    println!(
        "streams/watcher thread: {:.3} % of a core over {secs:.0} s ({} change seen: the softphone running)",
        watcher / secs * 100.0,
        seen
    );
    println!(
        "streams/sound server: {:.3} % of a core alone, {:.3} % while watched (+{:.3} %)",
        idle / span.as_secs_f64() * 100.0,
        watched / secs * 100.0,
        (watched / secs - idle / span.as_secs_f64()) * 100.0
    );
    for p in &mut players {
        let _ = p.kill();
        let _ = p.wait();
    }
    let _ = server.kill();
    let _ = server.wait();
}
