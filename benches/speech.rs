//! Transcription cost: real-time factor per model and thread count (whisper.cpp through
//! whisper-rs, greedy, `audio_ctx` fitted to the speech). Each run takes seconds, so this is a
//! plain timed harness (best of three), not criterion's hundreds of samples.

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
    for (language, label) in [
        (SpokenLanguage::Fr, "base q5_1"),
        (SpokenLanguage::En, "tiny.en q5_1"),
    ] {
        let model = Transcriber::model_for(language).expect("models installed by scripts/models");
        let mut t = Transcriber::load(&model, language, Lexicon::default()).unwrap();
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
                    "{label:>12}, {threads} thread(s), {name} ({seconds:.1} s): {best:.2} s, RTF {:.3}",
                    best / seconds
                );
            }
        }
    }
}
