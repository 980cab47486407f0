//! A private PulseAudio daemon with a null sink, so cpal captures real audio without hardware:
//! what `paplay` plays into `vsink` comes back out of its monitor, the default source, through
//! ALSA's pulse plugin.

#![allow(dead_code)]

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub struct Pulse {
    pub runtime_dir: std::path::PathBuf,
    _owned: Option<tempfile::TempDir>,
    daemon: Child,
}

impl Pulse {
    pub fn start() -> Pulse {
        let dir = tempfile::tempdir().expect("runtime dir");
        let mut p = Self::start_in(dir.path());
        p._owned = Some(dir);
        p
    }

    /// Starts the daemon with its socket in `runtime_dir` (which the caller keeps).
    pub fn start_in(runtime_dir: &Path) -> Pulse {
        let runtime_dir = runtime_dir.to_path_buf();
        let daemon = Command::new("pulseaudio")
            .args([
                "-n",
                "--daemonize=no",
                "--exit-idle-time=-1",
                "--disallow-exit",
                "-L",
                "module-native-protocol-unix",
                "-L",
                "module-null-sink sink_name=vsink",
            ])
            .env("XDG_RUNTIME_DIR", &runtime_dir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("pulseaudio (scripts/setup installs it)");
        let p = Pulse {
            runtime_dir,
            _owned: None,
            daemon,
        };
        let deadline = Instant::now() + Duration::from_secs(10);
        while !p.pactl(&["info"]) {
            assert!(Instant::now() < deadline, "pulseaudio did not come up");
            std::thread::sleep(Duration::from_millis(100));
        }
        assert!(p.pactl(&["set-default-source", "vsink.monitor"]));
        p
    }

    pub fn pactl(&self, args: &[&str]) -> bool {
        Command::new("pactl")
            .args(args)
            .env("XDG_RUNTIME_DIR", &self.runtime_dir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    }

    /// Plays a WAV into the null sink (returns at once).
    pub fn play(&self, wav: &Path) -> Child {
        Command::new("paplay")
            .args(["-d", "vsink"])
            .arg(wav)
            .env("XDG_RUNTIME_DIR", &self.runtime_dir)
            .spawn()
            .expect("paplay")
    }
}

impl Pulse {
    /// Stops the daemon: to the capturing side, the device is gone.
    pub fn kill(&mut self) {
        let _ = self.daemon.kill();
        let _ = self.daemon.wait();
    }
}

impl Drop for Pulse {
    fn drop(&mut self) {
        self.kill();
    }
}

/// Polls the monitor's status until `what` holds or `secs` pass; returns the last status.
pub fn wait_for(
    monitor: &temoin::pipeline::live::Monitor,
    what: impl Fn(&temoin::pipeline::live::Status) -> bool,
    secs: u64,
) -> temoin::pipeline::live::Status {
    let deadline = Instant::now() + Duration::from_secs(secs);
    loop {
        let s = monitor.status();
        if what(&s) || Instant::now() > deadline {
            return s;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}
