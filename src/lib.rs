//! Témoin: a call-centre worker's own record of the employer's surveillance, their workload and
//! their vocal strain, computed on their machine and kept encrypted there.
//!
//! Modules follow the data (see the README's architecture section): `events` is the one record
//! type; `vault` stores it encrypted; `messages` is where people-facing French and English live.

pub mod capture;
pub mod events;
pub mod evidence;
pub mod features;
pub mod gui;
pub mod i18n;
pub mod lang;
pub mod messages;
pub mod models;
pub mod phrases;
pub mod pipeline;
pub mod popups;
pub mod report;
pub mod selfreport;
pub mod settings;
pub mod speech;
pub mod vault;
pub mod voice;
pub mod workload;
