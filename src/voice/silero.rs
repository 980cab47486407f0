//! The Silero VAD model (MIT, from the PyPI `silero-vad` wheel) through `ort`, against the ONNX
//! Runtime library from the PyPI `onnxruntime` wheel, loaded at run time.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use ndarray::{Array2, Array3};
use ort::session::Session;
use ort::value::TensorRef;

use super::CHUNK;
use crate::models;

const CONTEXT: usize = 64;

#[derive(Debug, thiserror::Error)]
pub enum VoiceError {
    #[error(transparent)]
    MissingModel(#[from] models::MissingModel),
    #[error("ONNX Runtime could not be loaded from {path}: {reason}")]
    Runtime { path: PathBuf, reason: String },
    #[error("the voice-activity model could not be used: {0}")]
    Model(String),
    /// ONNX Runtime would record usage telemetry: refused (see [`TELEMETRY_GUARD`]).
    #[error("ORT_DISABLE_TELEMETRY is not set; ONNX Runtime is not loaded")]
    TelemetryNotDisabled,
}

/// The environment variable that keeps ONNX Runtime's usage telemetry off. It must be set before
/// the library loads and while the process is single-threaded: `main` does it first thing.
pub const TELEMETRY_GUARD: &str = "ORT_DISABLE_TELEMETRY";

/// ONNX Runtime allows one environment per process: load it once.
fn environment() -> Result<ort::environment::Environment, VoiceError> {
    static ENV: OnceLock<Result<ort::environment::Environment, (PathBuf, String)>> =
        OnceLock::new();
    if std::env::var_os(TELEMETRY_GUARD).is_none_or(|v| v != "1") {
        return Err(VoiceError::TelemetryNotDisabled);
    }
    ENV.get_or_init(|| {
        let lib = models::find("onnxruntime/libonnxruntime.so")
            .map_err(|e| (PathBuf::new(), e.to_string()))?;
        let builder = ort::init_from(&lib).map_err(|e| (lib.clone(), e.to_string()))?;
        // ONNX Runtime's own usage telemetry stays off: nothing leaves the machine.
        builder
            .with_name("temoin")
            .with_telemetry(false)
            .build()
            .map_err(|e| (lib.clone(), e.to_string()))
    })
    .clone()
    .map_err(|(path, reason)| VoiceError::Runtime { path, reason })
}

/// One voice-activity detector: a model session and its recurrent state.
pub struct Vad {
    session: Session,
    state: Array3<f32>,
    input: Array2<f32>,
}

impl Vad {
    /// Loads `silero_vad.onnx` from the models folder, on one thread.
    pub fn load() -> Result<Self, VoiceError> {
        Self::load_from(&models::find("silero_vad.onnx")?)
    }

    pub fn load_from(model: &Path) -> Result<Self, VoiceError> {
        let env = environment()?;
        let m = |e: ort::Error| VoiceError::Model(e.to_string());
        let session = Session::builder(&env)
            .map_err(m)?
            .with_intra_threads(1)
            .map_err(|e| VoiceError::Model(e.to_string()))?
            .with_inter_threads(1)
            .map_err(|e| VoiceError::Model(e.to_string()))?
            .commit_from_file(model)
            .map_err(m)?;
        Ok(Self {
            session,
            state: Array3::zeros((2, 1, 128)),
            input: Array2::zeros((1, CONTEXT + CHUNK)),
        })
    }

    /// Forgets the recurrent state (between unrelated streams).
    pub fn reset(&mut self) {
        self.state.fill(0.0);
        self.input.fill(0.0);
    }

    /// The probability that the next 512-sample chunk (32 ms at 16 kHz) is speech.
    pub fn probability(&mut self, chunk: &[f32]) -> Result<f32, VoiceError> {
        debug_assert_eq!(chunk.len(), CHUNK);
        // The model sees the last 64 samples of the previous chunk before this one.
        {
            let mut row = self.input.row_mut(0);
            let row = row.as_slice_mut().expect("contiguous");
            row.copy_within(CHUNK.., 0);
            row[CONTEXT..].copy_from_slice(chunk);
        }
        let m = |e: ort::Error| VoiceError::Model(e.to_string());
        let sr = ndarray::arr0(16_000i64);
        let outputs = self
            .session
            .run(ort::inputs![
                "input" => TensorRef::from_array_view(&self.input).map_err(m)?,
                "state" => TensorRef::from_array_view(&self.state).map_err(m)?,
                "sr" => TensorRef::from_array_view(&sr).map_err(m)?,
            ])
            .map_err(m)?;
        let p = outputs["output"].try_extract_tensor::<f32>().map_err(m)?.1[0];
        let (_, state) = outputs["stateN"].try_extract_tensor::<f32>().map_err(m)?;
        self.state
            .as_slice_mut()
            .expect("contiguous")
            .copy_from_slice(state);
        Ok(p)
    }
}
