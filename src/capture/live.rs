//! Live input through cpal. The audio callback only copies into fixed-size chunks sent on a
//! bounded crossbeam channel: no lock, no I/O, no allocation. When the next stage falls behind,
//! chunks are dropped and counted; the callback never blocks.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use cpal::traits::{DeviceTrait, HostTrait, StreamTrait};
use crossbeam_channel::{Sender, TrySendError};

use super::CaptureError;

/// Samples per chunk (interleaved, at the device's rate): ~20 ms of 48 kHz stereo.
pub const CHUNK: usize = 2048;

/// A block of interleaved samples as the device delivered them, with the device's format
/// (a reopened device may differ).
pub struct Chunk {
    pub len: usize,
    pub rate: u32,
    pub channels: u16,
    pub data: [f32; CHUNK],
}

/// What flows from capture to the next stage: audio, and marks in their place in the stream.
// Chunks travel by value through the bounded channel's preallocated slots: boxing them would
// allocate in the audio callback.
#[allow(clippy::large_enum_variant)]
pub enum Feed {
    Audio(Chunk),
    /// The worker paused monitoring: the stream was stopped at once.
    Paused,
    Resumed,
    /// The device went away (unplugged, taken); it will be reopened when it can be.
    DeviceLost,
    /// Monitoring ends.
    Stop,
}

impl Chunk {
    pub fn samples(&self) -> &[f32] {
        &self.data[..self.len]
    }
}

/// Converts device chunks to 16 kHz mono, following the format each chunk carries (a reopened
/// device may come back at another rate or channel count).
#[derive(Default)]
pub struct ChunkTo16k {
    current: Option<(u32, u16, super::To16k)>,
}

impl ChunkTo16k {
    pub fn push(&mut self, chunk: &Chunk, out: &mut Vec<f32>) -> Result<(), CaptureError> {
        let same =
            matches!(&self.current, Some((r, c, _)) if *r == chunk.rate && *c == chunk.channels);
        if !same {
            let t = super::To16k::new(chunk.rate, chunk.channels)?;
            self.current = Some((chunk.rate, chunk.channels, t));
        }
        if let Some((_, _, t)) = &mut self.current {
            t.push(chunk.samples(), out);
        }
        Ok(())
    }
}

/// A microphone a person can choose: `id` is kept in the settings, `name` is what they read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputDevice {
    pub id: String,
    pub name: String,
}

/// The microphones a person would choose from: each real capture device once, by its card's
/// name. The system's default is not listed (it is the "no choice" entry of every picker).
pub fn input_devices() -> Vec<InputDevice> {
    let host = cpal::default_host();
    let all: Vec<InputDevice> = host
        .input_devices()
        .map(|devs| {
            devs.filter_map(|d| {
                let desc = d.description().ok()?;
                Some(InputDevice {
                    id: desc.driver().unwrap_or(desc.name()).to_string(),
                    name: desc.name().to_string(),
                })
            })
            .collect()
        })
        .unwrap_or_default();
    choosable(all)
}

/// On Linux, ALSA lists its plug-ins beside the cards (« Discard all samples », « Rate Converter
/// Plugin… », JACK, the sound server itself, surround and HDMI outputs, and each card three or
/// four times: sysdefault, front, dsnoop, hw, plughw). A card is offered once, through
/// `sysdefault:` (which converts rates and formats), else `plughw:`.
/// Windows (WASAPI) and macOS (CoreAudio) list endpoints people chose in the system already: kept
/// as they are.
fn choosable(all: Vec<InputDevice>) -> Vec<InputDevice> {
    if !cfg!(target_os = "linux") {
        return all;
    }
    let card = |id: &str| {
        id.split_once(':')
            .map(|(_, rest)| rest.split(',').next().unwrap_or(rest))
            .map(|c| c.trim_start_matches("CARD=").to_string())
    };
    let mut out: Vec<InputDevice> = Vec::new();
    let mut cards = std::collections::HashSet::new();
    for prefix in ["sysdefault:", "plughw:"] {
        for d in all.iter().filter(|d| d.id.starts_with(prefix)) {
            if let Some(c) = card(&d.id)
                && cards.insert(c)
            {
                out.push(d.clone());
            }
        }
    }
    // Two cards of one model read the same: their ids tell them apart.
    let names: Vec<String> = out.iter().map(|d| d.name.clone()).collect();
    for d in &mut out {
        if names.iter().filter(|n| **n == d.name).count() > 1 {
            d.name = format!("{} ({})", d.name, d.id);
        }
    }
    out
}

/// An open input stream. Dropping it stops capture at once.
pub struct LiveCapture {
    _stream: cpal::Stream,
    pub device: String,
    pub rate: u32,
    pub channels: u16,
    dropped: Arc<AtomicU64>,
    failed: Arc<AtomicBool>,
}

impl LiveCapture {
    /// Opens the named input device (or the default one) and starts sending chunks on `tx`.
    pub fn open(name: Option<&str>, tx: Sender<Feed>) -> Result<Self, CaptureError> {
        // alsa-lib prints every failed probe to stderr; collect them in a buffer instead (a fresh
        // one per attempt, so retries every few seconds do not pile up).
        #[cfg(target_os = "linux")]
        let _alsa_messages = alsa::Output::local_error_handler().ok();
        let host = cpal::default_host();
        let device = match name {
            None => host.default_input_device().ok_or(CaptureError::NoDevice)?,
            Some(n) => host
                .input_devices()
                .map_err(|e| CaptureError::DeviceUnavailable(e.to_string()))?
                // By id; by name too, as settings written before ids were kept.
                .find(|d| {
                    d.description()
                        .is_ok_and(|x| x.driver() == Some(n) || x.name() == n)
                })
                .ok_or_else(|| CaptureError::DeviceNotFound(n.to_string()))?,
        };
        let device_name = device
            .description()
            .map(|d| d.name().to_string())
            .unwrap_or_else(|_| "?".into());
        let supported = device
            .default_input_config()
            .map_err(|e| CaptureError::DeviceUnavailable(e.to_string()))?;
        let config: cpal::StreamConfig = supported.config();
        let dropped = Arc::new(AtomicU64::new(0));
        let failed = Arc::new(AtomicBool::new(false));
        let (d, f) = (dropped.clone(), failed.clone());
        let format = (config.sample_rate, config.channels);
        let on_error = move |_e: cpal::Error| f.store(true, Ordering::Relaxed);
        let stream = match supported.sample_format() {
            cpal::SampleFormat::F32 => device.build_input_stream::<f32, _, _>(
                config,
                move |data, _| forward(data.iter().copied(), format, &tx, &d),
                on_error,
                None,
            ),
            cpal::SampleFormat::I16 => device.build_input_stream::<i16, _, _>(
                config,
                move |data, _| forward(data.iter().map(|&s| s as f32 / 32768.0), format, &tx, &d),
                on_error,
                None,
            ),
            cpal::SampleFormat::I32 => device.build_input_stream::<i32, _, _>(
                config,
                move |data, _| {
                    forward(
                        data.iter().map(|&s| s as f32 / 2_147_483_648.0),
                        format,
                        &tx,
                        &d,
                    )
                },
                on_error,
                None,
            ),
            other => {
                return Err(CaptureError::DeviceUnavailable(format!(
                    "sample format {other:?}"
                )));
            }
        }
        .map_err(|e| CaptureError::DeviceUnavailable(e.to_string()))?;
        stream
            .play()
            .map_err(|e| CaptureError::DeviceUnavailable(e.to_string()))?;
        Ok(Self {
            _stream: stream,
            device: device_name,
            rate: config.sample_rate,
            channels: config.channels,
            dropped,
            failed,
        })
    }

    /// Chunks dropped because the next stage was behind.
    pub fn dropped(&self) -> u64 {
        self.dropped.load(Ordering::Relaxed)
    }

    /// The device reported an error (unplugged, taken away): reopen it.
    pub fn failed(&self) -> bool {
        self.failed.load(Ordering::Relaxed)
    }
}

/// The callback's whole job: copy into chunks and try to send them.
fn forward(
    samples: impl Iterator<Item = f32>,
    format: (u32, u16),
    tx: &Sender<Feed>,
    dropped: &AtomicU64,
) {
    let mut chunk = Chunk {
        len: 0,
        rate: format.0,
        channels: format.1,
        data: [0.0; CHUNK],
    };
    for s in samples {
        chunk.data[chunk.len] = s;
        chunk.len += 1;
        if chunk.len == CHUNK {
            send(&mut chunk, tx, dropped);
        }
    }
    if chunk.len > 0 {
        send(&mut chunk, tx, dropped);
    }
}

fn send(chunk: &mut Chunk, tx: &Sender<Feed>, dropped: &AtomicU64) {
    let full = std::mem::replace(
        chunk,
        Chunk {
            len: 0,
            rate: chunk.rate,
            channels: chunk.channels,
            data: [0.0; CHUNK],
        },
    );
    if let Err(TrySendError::Full(_)) = tx.try_send(Feed::Audio(full)) {
        dropped.fetch_add(1, Ordering::Relaxed);
    }
}

/// A live input level, for choosing a microphone: the loudest 100 ms of the last few, in dBFS.
/// Nothing is kept; dropping the meter closes the device.
pub struct LevelMeter {
    stop: Sender<()>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl LevelMeter {
    /// Opens the device and calls `on_level` about ten times a second.
    pub fn open(
        name: Option<&str>,
        on_level: impl Fn(f32) + Send + 'static,
    ) -> Result<Self, CaptureError> {
        let (tx, rx) = crossbeam_channel::bounded::<Feed>(64);
        let capture = LiveCapture::open(name, tx)?;
        let (stop, stopped) = crossbeam_channel::bounded::<()>(1);
        let thread = std::thread::Builder::new()
            .name("temoin-meter".into())
            .spawn(move || {
                let _capture = capture;
                let (mut sum, mut n, mut since) = (0.0f64, 0usize, std::time::Instant::now());
                loop {
                    crossbeam_channel::select! {
                        recv(stopped) -> _ => break,
                        recv(rx) -> feed => match feed {
                            Ok(Feed::Audio(c)) => {
                                sum += c.samples().iter().map(|s| f64::from(*s).powi(2)).sum::<f64>();
                                n += c.len;
                            }
                            Ok(_) => {}
                            Err(_) => break,
                        },
                    }
                    if since.elapsed() >= std::time::Duration::from_millis(100) && n > 0 {
                        on_level(level_dbfs(sum / n as f64));
                        (sum, n, since) = (0.0, 0, std::time::Instant::now());
                    }
                }
            })
            .map_err(|e| CaptureError::DeviceUnavailable(e.to_string()))?;
        Ok(LevelMeter {
            stop,
            thread: Some(thread),
        })
    }
}

/// A mean square as dBFS, floored at −90.
pub fn level_dbfs(mean_square: f64) -> f32 {
    (10.0 * mean_square.max(1e-9).log10()).max(-90.0) as f32
}

impl Drop for LevelMeter {
    fn drop(&mut self) {
        let _ = self.stop.try_send(());
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;

    fn d(id: &str, name: &str) -> InputDevice {
        InputDevice {
            id: id.into(),
            name: name.into(),
        }
    }

    /// What ALSA lists on a laptop with a USB headset (as seen on Debian 12 with PulseAudio).
    #[test]
    fn plug_ins_are_hidden_and_each_card_is_offered_once() {
        let alsa = vec![
            d(
                "null",
                "Discard all samples (playback) or generate zero samples (capture)",
            ),
            d(
                "lavrate",
                "Rate Converter Plugin Using Libav/FFmpeg Library",
            ),
            d(
                "samplerate",
                "Rate Converter Plugin Using Samplerate Library",
            ),
            d("jack", "JACK Audio Connection Kit"),
            d("pulse", "PulseAudio Sound Server"),
            d(
                "default",
                "Default ALSA Output (currently PulseAudio Sound Server)",
            ),
            d("sysdefault:CARD=PCH", "HDA Intel PCH, ALC3246 Analog"),
            d("front:CARD=PCH,DEV=0", "HDA Intel PCH, ALC3246 Analog"),
            d("dsnoop:CARD=PCH,DEV=0", "HDA Intel PCH, ALC3246 Analog"),
            d("hw:CARD=PCH,DEV=0", "HDA Intel PCH, ALC3246 Analog"),
            d("plughw:CARD=PCH,DEV=0", "HDA Intel PCH, ALC3246 Analog"),
            d("sysdefault:CARD=Headset", "Jabra EVOLVE 20, USB Audio"),
            d("hw:CARD=Headset,DEV=0", "Jabra EVOLVE 20, USB Audio"),
            d("plughw:CARD=Headset,DEV=0", "Jabra EVOLVE 20, USB Audio"),
            d("plughw:CARD=Loopback,DEV=0", "Loopback, Loopback PCM"),
        ];
        let offered = choosable(alsa);
        assert_eq!(
            offered,
            vec![
                d("sysdefault:CARD=PCH", "HDA Intel PCH, ALC3246 Analog"),
                d("sysdefault:CARD=Headset", "Jabra EVOLVE 20, USB Audio"),
                d("plughw:CARD=Loopback,DEV=0", "Loopback, Loopback PCM"),
            ]
        );
    }

    #[test]
    fn two_cards_of_one_model_are_told_apart() {
        let offered = choosable(vec![
            d("sysdefault:CARD=Headset", "Jabra EVOLVE 20, USB Audio"),
            d("sysdefault:CARD=Headset_1", "Jabra EVOLVE 20, USB Audio"),
        ]);
        assert_ne!(offered[0].name, offered[1].name);
    }
}
