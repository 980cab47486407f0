//! Evidence: verifying a bundle of one worker-year of events, and a council pooling 1 000
//! worker-month bundles (target: under 10 s). A plain timed harness: `cargo bench --bench
//! evidence`. Figures are kept in benches/README.md.

use std::time::Instant;

#[path = "shared/year.rs"]
mod year;

use chrono::{Duration, NaiveDate};
use ring::rand::SystemRandom;
use ring::signature::Ed25519KeyPair;
use temoin::events::{Event, EventKind, PopupCategory, PopupSeen};
use temoin::evidence::aggregate::Pool;
use temoin::evidence::bundle::{self, Level, Period};
use temoin::evidence::log::Log;
use temoin::vault::StoredEvent;

fn key() -> Ed25519KeyPair {
    let pkcs8 = Ed25519KeyPair::generate_pkcs8(&SystemRandom::new()).unwrap();
    Ed25519KeyPair::from_pkcs8(pkcs8.as_ref()).unwrap()
}

fn log_of(events: Vec<Event>) -> Log {
    Log::new(
        events
            .into_iter()
            .enumerate()
            .map(|(i, e)| StoredEvent {
                seq: i as u64 + 1,
                event: Ok(e),
            })
            .collect(),
    )
}

fn seconds(f: impl FnOnce()) -> f64 {
    let t = Instant::now();
    f();
    t.elapsed().as_secs_f64()
}

fn main() {
    let dir = tempfile::tempdir().unwrap();

    // One worker-year, every event, with its proofs.
    let events = year::a_year();
    let n = events.len();
    let k = key();
    let mut log = None;
    let t_log = seconds(|| log = Some(log_of(events)));
    let log = log.unwrap();
    let period = Period {
        from: NaiveDate::from_ymd_opt(2025, 1, 1).unwrap(),
        to: NaiveDate::from_ymd_opt(2025, 12, 31).unwrap(),
    };
    let now = chrono::Local::now().fixed_offset();
    let mut bytes = Vec::new();
    let t_build = seconds(|| {
        let b = bundle::build(&log, &k, period, Level::Events, now);
        bytes = serde_json::to_vec(&b).unwrap(); // as `temoin export` writes large bundles
    });
    let mut ok = false;
    let t_verify = seconds(|| ok = bundle::verify(&bytes, &[]).unwrap().intact());
    assert!(ok);
    // As a council runs it: `temoin verify` on the file, streamed, its peak memory measured.
    let file = dir.path().join("year.json");
    std::fs::write(&file, &bytes).unwrap();
    let mb = bytes.len() as f64 / 1e6;
    drop(bytes);
    let mut status = None;
    let t_cli = seconds(|| {
        status = Some(
            std::process::Command::new(env!("CARGO_BIN_EXE_temoin"))
                .arg("verify")
                .arg(&file)
                .stdout(std::process::Stdio::null())
                .status()
                .unwrap(),
        )
    });
    assert!(status.unwrap().success());
    std::fs::remove_file(&file).unwrap();
    let peak = {
        let mut u = std::mem::MaybeUninit::<libc::rusage>::uninit();
        // SAFETY: getrusage fills the struct it is given.
        unsafe {
            libc::getrusage(libc::RUSAGE_CHILDREN, u.as_mut_ptr());
            u.assume_init().ru_maxrss as f64 / 1024.0
        }
    };
    println!(
        "worker-year, {n} events: tree {t_log:.2} s; bundle built {t_build:.2} s ({mb:.0} MB); verified in-process {t_verify:.2} s; `temoin verify` {t_cli:.2} s, peak {peak:.0} MB"
    );

    // 1 000 worker-month bundles at the hourly level, as a council receives them.
    let month: Vec<Event> = (0..22)
        .flat_map(|d| {
            (0..8).flat_map(move |h| {
                (0..3).map(move |p| {
                    let at = chrono::DateTime::parse_from_rfc3339("2026-11-02T09:00:00+01:00")
                        .unwrap()
                        + Duration::days(d)
                        + Duration::hours(h)
                        + Duration::minutes(p * 17);
                    Event {
                        at,
                        kind: EventKind::PopupSeen(PopupSeen {
                            category: Some(if p == 1 {
                                PopupCategory::Empathy
                            } else {
                                PopupCategory::PaceFaster
                            }),
                            emotion_flag: p == 1,
                            count: 1,
                            ..Default::default()
                        }),
                    }
                })
            })
        })
        .collect();
    let month_log = log_of(month);
    let period = Period {
        from: NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
        to: NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
    };
    let t_make = seconds(|| {
        for w in 0..1000 {
            let b = bundle::build(&month_log, &key(), period, Level::Hourly, now);
            std::fs::write(
                dir.path().join(format!("{w}.json")),
                serde_json::to_vec_pretty(&b).unwrap(),
            )
            .unwrap();
        }
    });
    let mut pool = Pool::default();
    let t_pool = seconds(|| {
        for f in temoin::evidence::aggregate::files(&[dir.path().to_path_buf()]) {
            pool.add_file(&f);
        }
        let r = pool.report(Vec::new(), None, period.to);
        let _ = temoin::report::html(&r, temoin::messages::Lang::Fr);
    });
    assert_eq!(pool.workers.len(), 1000);
    // The window redraws the figures at most four times a second while it pools: one redraw.
    let t_figures = seconds(|| {
        let _ = pool.report(Vec::new(), None, period.to);
    });
    println!("the council's figures over 1000 workers, worked out once: {t_figures:.3} s");
    // A phone's photo (4000×3000 JPEG) of a worker's screen showing their key's QR code.
    let photo = dir.path().join("photo.jpg");
    let key_text =
        temoin::evidence::register::qr_text(&temoin::evidence::identity::PublicKey::of(&key()));
    let code = qrcode::QrCode::new(&key_text).unwrap();
    let (w, scale) = (code.width(), 18);
    let colors = code.to_colors();
    let img = image::GrayImage::from_fn(4000, 3000, |x, y| {
        let (mx, my) = (
            (x as usize).wrapping_sub(1400) / scale,
            (y as usize).wrapping_sub(900) / scale,
        );
        let dark = mx < w && my < w && colors[my * w + mx] == qrcode::Color::Dark;
        image::Luma([if dark {
            40
        } else {
            150 + ((x * 7 + y * 13) % 60) as u8
        }])
    });
    img.save(&photo).unwrap();
    let mut found = Vec::new();
    let t_photo = seconds(|| found = temoin::evidence::register::codes_in_photo(&photo).unwrap());
    assert_eq!(found, vec![key_text]);
    println!("a key's QR read from a 4000×3000 JPEG photo: {t_photo:.2} s");
    let peak = std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find(|l| l.starts_with("VmHWM"))
        .map(|l| l.split_whitespace().nth(1).unwrap_or("").to_string())
        .unwrap_or_default();
    println!("peak memory of the whole run: {peak} kB");
    println!(
        "council: 1000 worker-month hourly bundles (made in {t_make:.1} s) verified, pooled and reported in {t_pool:.2} s"
    );
}
