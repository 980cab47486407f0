//! Listening benchmarks: Silero VAD per 32 ms chunk (target ≤ 0.2 ms), and the whole offline
//! listening chain on a 10-minute call-centre recording (target ≤ 2 % of one core).

use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use temoin::pipeline::analyze_samples;
use temoin::voice::Vad;

fn example() -> Vec<f32> {
    temoin::capture::read_wav(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/exemple-appel.wav"),
    )
    .unwrap()
}

fn vad(c: &mut Criterion) {
    let audio = example();
    let mut vad = Vad::load().expect("models installed by scripts/setup");
    let chunks: Vec<&[f32]> = audio.chunks_exact(512).collect();
    let mut i = 0;
    c.bench_function("voice/silero chunk of 32 ms", |b| {
        b.iter(|| {
            i = (i + 1) % chunks.len();
            vad.probability(chunks[i]).unwrap()
        })
    });
}

fn ten_minutes(c: &mut Criterion) {
    let one = example();
    let audio: Vec<f32> = one.iter().copied().cycle().take(600 * 16_000).collect();
    let mut g = c.benchmark_group("pipeline");
    g.sample_size(10);
    g.bench_function("analyze 10 min of calls (VAD + indicators)", |b| {
        b.iter(|| analyze_samples(&audio, None).unwrap().segments.len())
    });
    g.finish();
}

criterion_group!(benches, vad, ten_minutes);
criterion_main!(benches);
