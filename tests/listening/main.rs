//! Listening from a real sound server: a private PulseAudio per test, real cpal capture, the
//! first-run wizard hearing the microphone.
//! One test binary for these (the heavy dependencies link once); each module was its own file.

#[path = "../common/mod.rs"]
mod common;
#[path = "../common/desktop.rs"]
mod desktop;
#[path = "../common/pulse.rs"]
mod pulse;

mod calibrate_live;
mod gui_firstrun;
mod listen_live;
mod listen_popups;
mod listen_recovery;
mod listen_streams;
mod listen_tempo;
mod listen_witness;
