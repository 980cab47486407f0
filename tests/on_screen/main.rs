//! What happens on a real screen: the window on Xvfb, pop-ups of desktop apps and of pages in
//! Chromium and Firefox, the accessibility bus.
//! One test binary for these (the heavy dependencies link once); each module was its own file.

#[path = "../common/council.rs"]
mod bench;
#[path = "../common/mod.rs"]
mod common;
#[path = "../common/desktop.rs"]
mod desktop;
#[path = "../common/pulse.rs"]
mod pulse;
#[path = "../common/web.rs"]
mod web;

mod council;
mod gui;
mod gui_a11y;
mod popups_browsers;
mod popups_desktop;
