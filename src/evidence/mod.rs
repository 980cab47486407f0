//! What the record shows, joined across events: each pop-up with the category the worker gave it
//! later and its verdict against the whole log's measurements. (Signed bundles, checkpoints and
//! reports come with the evidence issue.)

pub mod aggregate;
pub mod buckets;
pub mod bundle;
pub mod checkpoint;
pub mod cosign;
pub mod export;
pub mod identity;
pub mod log;
pub mod masking;
pub mod merkle;
pub mod note;
pub mod page;
pub mod popups;
pub mod register;
pub mod rows;
pub mod summary;
