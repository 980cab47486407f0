//! Transcription cost: real-time factor per model and thread count (whisper.cpp through
//! whisper-rs, greedy, `audio_ctx` fitted to the speech), then the live path's cost: the five
//! French recordings cut into 4 s segments and packed into windows, one thread. Each run takes
//! seconds, so this is a plain timed harness (best of three), not criterion's hundreds of samples.

use std::path::Path;
use std::time::Instant;

use temoin::speech::{Lexicon, SpokenLanguage, Transcriber};

fn main() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let clips: Vec<(String, Vec<f32>)> = ["fr_fleurs_001.wav", "fr_fleurs_003.wav"]
        .iter()
        .map(|n| {
            (
                n.to_string(),
                temoin::capture::read_wav(&data.join(n)).unwrap(),
            )
        })
        .collect();
    let model = Transcriber::model().expect("models installed by scripts/models");
    let mut t = Transcriber::load(&model, SpokenLanguage::Fr, Lexicon::default()).unwrap();
    for threads in [1, 2] {
        t.set_threads(Some(threads));
        for (name, audio) in &clips {
            let seconds = audio.len() as f64 / 16_000.0;
            let best = (0..3)
                .map(|_| {
                    let start = Instant::now();
                    t.count(audio, false).unwrap();
                    start.elapsed().as_secs_f64()
                })
                .fold(f64::INFINITY, f64::min);
            println!(
                "base q8_0, {threads} thread(s), {name} ({seconds:.1} s): {best:.2} s, RTF {:.3}",
                best / seconds
            );
        }
    }
    shift(&data, &mut t);
}

/// Cost per second of the worker's speech on the live path: segments as the listener cuts them
/// (4 s here), packed into windows; × 0.4 gives the share of a core over a shift spoken 40 %.
fn shift(data: &Path, t: &mut Transcriber) {
    let segments: Vec<Vec<f32>> = (0..5)
        .flat_map(|k| {
            let audio =
                temoin::capture::read_wav(&data.join(format!("fr_fleurs_00{k}.wav"))).unwrap();
            audio
                .chunks(64_000)
                .map(<[f32]>::to_vec)
                .collect::<Vec<_>>()
        })
        .collect();
    let seconds: f64 = segments.iter().map(|s| s.len() as f64 / 16_000.0).sum();
    t.set_threads(Some(1));
    let pieces: Vec<&[f32]> = segments.iter().map(Vec::as_slice).collect();
    let best = (0..3)
        .map(|_| {
            let start = Instant::now();
            t.count_all(&pieces, false).unwrap();
            start.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min);
    println!(
        "packed, base q8_0, 1 thread, {} segments ({seconds:.1} s of speech): {best:.2} s, \
         {:.3} s per second of speech, {:.1} % of a core over a shift spoken 40 %",
        segments.len(),
        best / seconds,
        40.0 * best / seconds
    );
}
