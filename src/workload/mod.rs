//! The worker's workload, from what Témoin already observes: calls from their speech activity
//! (and their own marks), then handle time, recovery between calls, occupancy, runs without a
//! break, evening and weekend work ([`indicators`] has the definitions).

pub mod calls;
pub mod coverage;
pub mod indicators;
pub mod window;

pub use calls::{
    Burst, CallMark, CallSettings, CallSpan, CallTracker, Found, calls_in, gap_in, learned_gap,
};
pub use coverage::{Gap, gaps};
pub use indicators::{Workload, WorkloadSettings, compute};
pub use window::CallWindow;
