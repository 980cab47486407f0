//! The portable path through cpal: ALSA on a Linux PC without a sound server, WASAPI on Windows.
//! The stream lives on its holder thread (see [`super::LiveCapture`]): on Linux, ALSA's pulse
//! plug-in can hang for ever in its own locks when the server dies, and dropping a cpal stream
//! joins its thread, so only a thread that may be abandoned touches it.
//!
//! Windows, on paper: WASAPI shared mode through the same cpal calls, `id` being the endpoint's
//! id; a device removed is reported through the error callback like ALSA's, and the watchdog
//! covers an audio service restart (`audiosrv`) that leaves the stream silent without an error.

use cpal::traits::{DeviceTrait, HostTrait, StreamTrait};
use crossbeam_channel::{Receiver, Sender};

use super::{CaptureError, InputDevice, Opened, Outlet};

/// Each real capture device once (see [`choosable`]).
pub(super) fn devices() -> Vec<InputDevice> {
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

/// Opens the device, says so on `opened`, then holds the stream until `stop` (or until the
/// holder is abandoned, in which case the outlet is no longer live and nothing more is sent).
pub(super) fn hold(
    name: Option<&str>,
    outlet: Outlet,
    opened: &Sender<Result<Opened, CaptureError>>,
    stop: &Receiver<()>,
) {
    match open(name, outlet) {
        Ok((stream, info)) => {
            let _ = opened.send(Ok(info));
            let _ = stop.recv();
            drop(stream);
        }
        Err(e) => {
            let _ = opened.send(Err(e));
        }
    }
}

fn open(name: Option<&str>, outlet: Outlet) -> Result<(cpal::Stream, Opened), CaptureError> {
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
    let format = (config.sample_rate, config.channels);
    let on_error = {
        let outlet = outlet.clone();
        move |_e: cpal::Error| outlet.fail()
    };
    let stream = match supported.sample_format() {
        cpal::SampleFormat::F32 => device.build_input_stream::<f32, _, _>(
            config,
            move |data, _| outlet.forward(data.iter().copied(), format),
            on_error,
            None,
        ),
        cpal::SampleFormat::I16 => device.build_input_stream::<i16, _, _>(
            config,
            move |data, _| outlet.forward(data.iter().map(|&s| s as f32 / 32768.0), format),
            on_error,
            None,
        ),
        cpal::SampleFormat::I32 => device.build_input_stream::<i32, _, _>(
            config,
            move |data, _| outlet.forward(data.iter().map(|&s| s as f32 / 2_147_483_648.0), format),
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
    Ok((
        stream,
        Opened {
            device: device_name,
            rate: format.0,
            channels: format.1,
        },
    ))
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
