//! The command line and the files it reads and writes: the vault, evidence, reports, analysis of
//! recordings, workload; against the real binary, real models and a real SQLite file.
//! One test binary for these (the heavy dependencies link once); each module was its own file.

#[path = "../common/council.rs"]
mod bench;
#[path = "../common/mod.rs"]
mod common;

mod accuracy;
mod analyze_cli;
mod c2sp;
mod council;
mod employer_pc;
mod evidence;
mod gate;
mod listen_cli;
mod popups_cli;
mod report;
mod speech;
mod vault_bad_input;
mod vault_cli;
mod vault_crash;
mod vault_roundtrip;
mod witness_load;
mod witnessing;
mod workload;
