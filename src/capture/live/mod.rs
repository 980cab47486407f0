//! Live input: natively from the desktop's sound server where there is one ([`pulse`]), through
//! cpal otherwise ([`portable`]). The audio callback only copies into fixed-size chunks sent on a
//! bounded crossbeam channel: no lock, no I/O, no allocation. When the next stage falls behind,
//! chunks are dropped and counted; the callback never blocks. Each stream is held by a thread
//! that may be abandoned (see [`LiveCapture`]).

mod portable;
#[cfg(target_os = "linux")]
mod pulse;
#[cfg(target_os = "linux")]
pub mod streams;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant, SystemTime};

use crossbeam_channel::{Receiver, Sender, TrySendError};

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
    /// The device or the sound server went away (unplugged, server restarted or stuck); audio
    /// last arrived at `last_audio`. It is reopened when it can be.
    Lost {
        last_audio: SystemTime,
    },
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

/// The microphones a person would choose from: the sound server's sources when there is one,
/// else each real capture device once, by its card's name. The system's default is not listed
/// (it is the "no choice" entry of every picker).
pub fn input_devices() -> Vec<InputDevice> {
    #[cfg(target_os = "linux")]
    if native()
        && let Some(found) = pulse::sources()
    {
        return found;
    }
    portable::devices()
}

/// The sound server is spoken to natively unless `TEMOIN_SOUND=alsa` asks for the portable path
/// (to compare them, or on a system whose server misbehaves).
#[cfg(target_os = "linux")]
fn native() -> bool {
    std::env::var_os("TEMOIN_SOUND").is_none_or(|v| v != "alsa")
}

/// What an open stream turned out to be.
#[derive(Clone)]
pub(crate) struct Opened {
    device: String,
    rate: u32,
    channels: u16,
}

/// The stream's side of a capture: where chunks go, and the signals the supervisor reads.
#[derive(Clone)]
pub(crate) struct Outlet {
    tx: Sender<Feed>,
    signals: Arc<Signals>,
}

struct Signals {
    /// Cleared when the stream is torn down or abandoned: a stream that wakes up late sends
    /// nothing more.
    live: AtomicBool,
    /// The stream reported an error (unplugged, server gone).
    failed: AtomicBool,
    dropped: AtomicU64,
    /// Milliseconds since `born` when the last audio arrived (sent or dropped).
    last_audio_ms: AtomicU64,
    born: Instant,
}

impl Outlet {
    fn live(&self) -> bool {
        self.signals.live.load(Ordering::Relaxed)
    }

    fn fail(&self) {
        self.signals.failed.store(true, Ordering::Relaxed);
    }

    /// The audio callback's whole job: copy into chunks and try to send them.
    fn forward(&self, samples: impl Iterator<Item = f32>, format: (u32, u16)) {
        if !self.live() {
            return;
        }
        let ms = self.signals.born.elapsed().as_millis() as u64;
        self.signals.last_audio_ms.store(ms, Ordering::Relaxed);
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
                self.send(&mut chunk);
            }
        }
        if chunk.len > 0 {
            self.send(&mut chunk);
        }
    }

    fn send(&self, chunk: &mut Chunk) {
        let full = std::mem::replace(
            chunk,
            Chunk {
                len: 0,
                rate: chunk.rate,
                channels: chunk.channels,
                data: [0.0; CHUNK],
            },
        );
        if let Err(TrySendError::Full(_)) = self.tx.try_send(Feed::Audio(full)) {
            self.signals.dropped.fetch_add(1, Ordering::Relaxed);
        }
    }
}

/// Longest the sound system may take to open a stream before it is deemed stuck.
const OPEN_LIMIT: Duration = Duration::from_secs(5);

/// Longest a closing stream is waited for; a stream stuck in the sound system is left behind.
const CLOSE_LIMIT: Duration = Duration::from_millis(500);

/// An open input stream, held by a thread of its own: every call into the sound system happens
/// there, so one that never returns (a server that died holding a lock) costs that thread and
/// nothing else. Dropping it stops capture at once.
pub struct LiveCapture {
    pub device: String,
    pub rate: u32,
    pub channels: u16,
    signals: Arc<Signals>,
    stop: Sender<()>,
    /// Disconnected when the holder thread has ended.
    ended: Receiver<()>,
}

impl LiveCapture {
    /// Opens the named input device (or the default one) and starts sending chunks on `tx`.
    pub fn open(name: Option<&str>, tx: Sender<Feed>) -> Result<Self, CaptureError> {
        Self::open_unless(name, tx, || false)
    }

    /// [`LiveCapture::open`], given up as soon as `interrupted` says so (a stop asked while the
    /// sound system takes its time).
    pub fn open_unless(
        name: Option<&str>,
        tx: Sender<Feed>,
        interrupted: impl Fn() -> bool,
    ) -> Result<Self, CaptureError> {
        let signals = Arc::new(Signals {
            live: AtomicBool::new(true),
            failed: AtomicBool::new(false),
            dropped: AtomicU64::new(0),
            last_audio_ms: AtomicU64::new(0),
            born: Instant::now(),
        });
        let outlet = Outlet {
            tx,
            signals: signals.clone(),
        };
        let (opened_tx, opened_rx) = crossbeam_channel::bounded(1);
        let (stop, stop_rx) = crossbeam_channel::bounded::<()>(1);
        let (ended_tx, ended) = crossbeam_channel::bounded::<()>(0);
        let name = name.map(str::to_string);
        std::thread::Builder::new()
            .name("temoin-sound".into())
            .spawn(move || {
                let _ended = ended_tx;
                hold(name.as_deref(), outlet, &opened_tx, &stop_rx);
            })
            .map_err(|e| CaptureError::DeviceUnavailable(e.to_string()))?;
        let deadline = Instant::now() + OPEN_LIMIT;
        let opened = loop {
            match opened_rx.recv_timeout(Duration::from_millis(50)) {
                Ok(r) => break r?,
                Err(_) if Instant::now() > deadline || interrupted() => {
                    signals.live.store(false, Ordering::Relaxed);
                    return Err(CaptureError::NoAnswer);
                }
                Err(_) => {}
            }
        };
        // The watchdog counts from the moment the stream is open.
        signals
            .last_audio_ms
            .store(signals.born.elapsed().as_millis() as u64, Ordering::Relaxed);
        Ok(Self {
            device: opened.device,
            rate: opened.rate,
            channels: opened.channels,
            signals,
            stop,
            ended,
        })
    }

    /// Chunks dropped because the next stage was behind.
    pub fn dropped(&self) -> u64 {
        self.signals.dropped.load(Ordering::Relaxed)
    }

    /// The device reported an error (unplugged, server gone): reopen it.
    pub fn failed(&self) -> bool {
        self.signals.failed.load(Ordering::Relaxed)
    }

    /// How long since audio last arrived (a live stream delivers every 100 ms or less, silence
    /// included).
    pub fn silent_for(&self) -> Duration {
        let last = Duration::from_millis(self.signals.last_audio_ms.load(Ordering::Relaxed));
        self.signals.born.elapsed().saturating_sub(last)
    }

    /// Gives the stream up without waiting for it: for a stream stuck in the sound system.
    pub fn abandon(self) {
        self.signals.live.store(false, Ordering::Relaxed);
        let _ = self.stop.try_send(());
    }
}

impl Drop for LiveCapture {
    fn drop(&mut self) {
        if !self.signals.live.swap(false, Ordering::Relaxed) {
            return;
        }
        let _ = self.stop.try_send(());
        // Usually at once; a holder stuck in the sound system is left behind.
        let _ = self.ended.recv_timeout(CLOSE_LIMIT);
    }
}

/// The holder thread: the native path when there is a sound server that has the device, the
/// portable one otherwise.
fn hold(
    name: Option<&str>,
    outlet: Outlet,
    opened: &Sender<Result<Opened, CaptureError>>,
    stop: &Receiver<()>,
) {
    #[cfg(target_os = "linux")]
    if native() {
        match pulse::Reader::open(name) {
            Ok(reader) => {
                let _ = opened.send(Ok(reader.opened.clone()));
                return reader.run(&outlet, stop);
            }
            Err(pulse::OpenError::Failed(e)) => {
                let _ = opened.send(Err(e));
                return;
            }
            Err(pulse::OpenError::Elsewhere) => {}
        }
    }
    portable::hold(name, outlet, opened, stop);
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
