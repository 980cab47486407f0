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
        // As measured from real speech (FLEURS 001): full-precision figures, words counted.
        _ => EventKind::SpeechSegment(SpeechSegment {
            duration_s: 2.172,
            voiced_s: 1.67,
            f0_mean_hz: Some(187.85679895973627),
            f0_sd_hz: Some(31.67546995059208),
            jitter_local_pct: Some(2.16018540777765),
            shimmer_local_pct: Some(10.808581366271582),
            hnr_db: Some(14.798039639484596),
            intensity_db: Some(72.2871026679652),
            pause_ratio: Some(0.0764272559852672),
            syllables_per_s: Some(5.483549351944168),
            words: Some(8),
            words_per_minute: Some(220.9944751381215),
            articulation_wpm: Some(239.28215353938182),
            phrases: [("thanks".to_string(), 1)].into(),
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
    // What a witness's checkpoint costs the app that runs all day: the tree over the sealed rows
    // read whole (once, when listening starts), then after each call only the rows added.
    let key = vault.make_log_key().unwrap();
    g.bench_function("witness checkpoint, 500k rows read whole", |b| {
        b.iter(|| {
            let rows = temoin::evidence::rows::Rows::read(&vault).unwrap();
            let t = rows.tree(rows.size());
            temoin::evidence::note::sign_rows(&key, t.size(), &t.root())
        })
    });
    let mut rows = temoin::evidence::rows::Rows::read(&vault).unwrap();
    let mut i = N;
    g.bench_function(
        "witness checkpoint after a call (500k rows, 20 added)",
        |b| {
            b.iter(|| {
                let events: Vec<Event> = (i..i + 20).map(sample_event).collect();
                i += 20;
                vault.append_all(&events).unwrap();
                rows.update(&vault).unwrap();
                let t = rows.tree(rows.size());
                temoin::evidence::note::sign_rows(&key, t.size(), &t.root())
            })
        },
    );
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
    // What the padding to size classes costs on disk (the journal folded in on close).
    drop(vault);
    let bytes = std::fs::metadata(dir.path().join("v.db")).unwrap().len();
    println!(
        "vault/size on disk after 2000 appends: {} bytes, {} bytes per event",
        bytes,
        bytes / 2000
    );
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
