//! No microphone at all, then one, then it goes away and comes back: the monitor says so and
//! recovers by itself, and the rest keeps running.

use crate::common::*;
use crate::pulse;
use pulse::wait_for;
use temoin::pipeline::live::{LiveSettings, Monitor, Status};

fn listening(s: &Status) -> bool {
    matches!(s, Status::Listening { .. })
}

#[test]
fn the_monitor_recovers_when_the_device_comes_and_goes() {
    let runtime = tempfile::tempdir().unwrap();
    // SAFETY: the only test in this binary, set before any other thread starts.
    unsafe { std::env::set_var("XDG_RUNTIME_DIR", runtime.path()) };
    let (_d, path, vault, _) = new_vault();
    drop(vault);

    // No sound server: no usable device. The monitor runs anyway and says so.
    let monitor = Monitor::start(&path, LiveSettings::default()).expect("starts without a device");
    let s = wait_for(&monitor, |s| matches!(s, Status::NoDevice(_)), 10);
    assert!(matches!(s, Status::NoDevice(_)), "{s:?}");

    // The device appears: listening starts by itself.
    let mut pulse = pulse::Pulse::start_in(runtime.path());
    let s = wait_for(&monitor, listening, 15);
    assert!(listening(&s), "{s:?}");

    // It goes away: reported; it comes back: recovered.
    pulse.kill();
    let s = wait_for(&monitor, |s| !listening(s), 15);
    assert!(matches!(s, Status::NoDevice(_)), "{s:?}");
    let _pulse = pulse::Pulse::start_in(runtime.path());
    let s = wait_for(&monitor, listening, 20);
    assert!(listening(&s), "{s:?}");
    monitor.stop();
}
