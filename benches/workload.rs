//! Workload indicators for a year of a worker's events (target: under 200 ms). A plain timed
//! harness, best of five: `cargo bench --bench workload`. Figures are kept in benches/README.md.

use std::time::Instant;

#[path = "shared/year.rs"]
mod year;

use temoin::workload::{WorkloadSettings, compute};
use year::a_year;

fn main() {
    let events = a_year();
    let mut best = f64::INFINITY;
    let mut w = None;
    for _ in 0..5 {
        let start = Instant::now();
        w = Some(compute(&events, WorkloadSettings::default()));
        best = best.min(start.elapsed().as_secs_f64());
    }
    let w = w.unwrap();
    assert_eq!(w.shifts.len(), 230);
    assert_eq!(w.calls.len(), 230 * 66);
    println!(
        "workload indicators, a year ({} events, {} calls, {} shifts): best of 5 {:.1} ms",
        events.len(),
        w.calls.len(),
        w.shifts.len(),
        best * 1e3
    );
}
