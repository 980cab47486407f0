//! Vault benchmarks: append latency with the fsync durability needs, and listing a few years of
//! events. Figures are kept in benches/README.md.

use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group};
use temoin::events::{Event, EventKind, PopupCategory, PopupSeen, PopupSource, SpeechSegment};
use temoin::vault::Vault;

const PASS: &str = "correct horse battery staple";

/// A realistic mix: mostly speech segments, some pop-ups, a few notes.
fn sample_event(i: usize) -> Event {
    let kind = match i % 10 {
        0 => EventKind::PopupSeen(PopupSeen {
            source: Some(PopupSource::Window),
            app: Some("CallMiner Eureka".into()),
            text: Some("Vous parlez trop vite, baissez votre rythme".into()),
            category: Some(PopupCategory::PaceSlower),
            emotion_flag: false,
            reasons: vec!["trop vite".into()],
            consistency: None,
            measured: None,
            count: 1,
        }),
        1 => EventKind::Note {
            text: format!("note {i}"),
        },
        _ => EventKind::SpeechSegment(SpeechSegment {
            duration_s: 4.2,
            voiced_s: 2.9,
            f0_mean_hz: Some(182.4),
            f0_sd_hz: Some(23.1),
            jitter_local_pct: Some(1.2),
            shimmer_local_pct: Some(6.3),
            hnr_db: Some(14.9),
            intensity_db: Some(-24.0),
            pause_ratio: Some(0.18),
            syllables_per_s: Some(4.6),
            ..Default::default()
        }),
    };
    Event::now(kind)
}

fn append(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let (mut vault, _) = Vault::create(&dir.path().join("v.db"), PASS).unwrap();
    let mut i = 0;
    c.bench_function("vault/append one event (fsync)", |b| {
        b.iter(|| {
            i += 1;
            vault.append(&sample_event(i)).unwrap()
        })
    });
}

/// The Argon2id cost a worker waits for when opening the history (64 MiB, 3 passes).
fn unlock(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let (vault, _) = Vault::create(&dir.path().join("v.db"), PASS).unwrap();
    let mut g = c.benchmark_group("vault");
    g.sample_size(10);
    g.bench_function("unlock (Argon2id)", |b| {
        b.iter(|| vault.unlock(PASS).unwrap())
    });
    g.finish();
}

fn list_all(c: &mut Criterion) {
    const N: usize = 500_000;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v.db");
    let (mut vault, _) = Vault::create(&path, PASS).unwrap();
    for chunk in (0..N).collect::<Vec<_>>().chunks(10_000) {
        let events: Vec<Event> = chunk.iter().map(|&i| sample_event(i)).collect();
        vault.append_all(&events).unwrap();
    }
    let mut g = c.benchmark_group("vault");
    g.sample_size(10).measurement_time(Duration::from_secs(30));
    g.bench_function("unlock and list 500k events", |b| {
        b.iter(|| {
            let unlocked = vault.unlock(PASS).unwrap();
            let mut n = 0;
            unlocked
                .for_each(|e| n += e.event.is_ok() as usize)
                .unwrap();
            assert_eq!(n, N);
        })
    });
    g.finish();
}

/// Criterion reports means; the target is a p99, so print the percentiles of 2 000 appends.
fn append_percentiles() {
    let dir = tempfile::tempdir().unwrap();
    let (mut vault, _) = Vault::create(&dir.path().join("v.db"), PASS).unwrap();
    let mut times: Vec<Duration> = (0..2000)
        .map(|i| {
            let e = sample_event(i);
            let t = Instant::now();
            vault.append(&e).unwrap();
            t.elapsed()
        })
        .collect();
    times.sort();
    let p = |q: f64| times[((times.len() as f64 - 1.0) * q) as usize];
    println!(
        "vault/append latency over 2000 appends: p50 {:?}, p90 {:?}, p99 {:?}, max {:?}",
        p(0.5),
        p(0.9),
        p(0.99),
        times[times.len() - 1]
    );
}

criterion_group!(benches, append, unlock, list_all);

fn main() {
    append_percentiles();
    benches();
    Criterion::default().configure_from_args().final_summary();
}
