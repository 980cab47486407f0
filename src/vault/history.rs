//! The writing sessions' history, checked with the passphrase. Every row of the current forms
//! carries, sealed with its session's own key, what its session did before it (see
//! [`super::seal`]): whoever holds only the public key can add a session but not slip a row into
//! someone else's, take one out, or change where a session says it started.
//!
//! What this cannot see: rows cut from the end of the last session, or the whole file put back
//! to an older copy. Those show only against a checkpoint the worker handed out.

use chrono::{DateTime, Utc};

use super::seal::{Carried, Program};

/// A writing session, as its first row tells it.
#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    /// Its first and last rows read.
    pub first: u64,
    pub last: u64,
    pub rows: u64,
    /// `None` for rows written before sessions said who they were.
    pub program: Option<Program>,
    pub started: Option<DateTime<Utc>>,
    pub app_version: Option<String>,
}

/// Something wrong in the sessions' history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HistoryProblem {
    /// The session that began at row `first` stored row `after` just before row `seq`, and that
    /// row is not there as it wrote it: removed, replaced or moved.
    Gap { first: u64, after: u64, seq: u64 },
    /// The session that began at row `first` did not start from the end the previous one left
    /// (rows before it were removed, replaced, or it was put in from elsewhere).
    BadStart { first: u64 },
}

/// What the reading found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct History {
    pub sessions: Vec<Session>,
    pub problems: Vec<HistoryProblem>,
}

/// Rows fed in order.
pub(super) struct Walk {
    prev_seq: u64,
    prev_link: [u8; 32],
    /// Each session by its first row: its index in `history.sessions`.
    open: std::collections::HashMap<u64, usize>,
    history: History,
}

impl Walk {
    pub fn new(genesis: [u8; 32]) -> Self {
        Self {
            prev_seq: 0,
            prev_link: genesis,
            open: Default::default(),
            history: History::default(),
        }
    }

    /// Row `seq` with its stored chain link, and, when it opened, its session and what it carries.
    pub fn row(&mut self, seq: u64, link: &[u8], opened: Option<(u64, Carried)>) {
        if let Some((first, carried)) = opened {
            match carried {
                Carried::Start(s) => {
                    if s.found_size != self.prev_seq || s.found_link != self.prev_link {
                        self.history
                            .problems
                            .push(HistoryProblem::BadStart { first });
                    }
                    self.start(
                        first,
                        Some(s.program),
                        DateTime::from_timestamp(s.started, 0),
                        Some(s.app_version),
                    );
                }
                Carried::Legacy if first == seq => self.start(first, None, None, None),
                Carried::Next { after } => {
                    let last = self
                        .open
                        .get(&first)
                        .map(|&i| self.history.sessions[i].last);
                    if last != Some(after) {
                        self.history
                            .problems
                            .push(HistoryProblem::Gap { first, after, seq });
                    }
                }
                Carried::Legacy => {}
            }
            if let Some(&i) = self.open.get(&first) {
                let s = &mut self.history.sessions[i];
                s.last = seq;
                s.rows += 1;
            }
        }
        self.prev_seq = seq;
        if let Ok(l) = link.try_into() {
            self.prev_link = l;
        }
    }

    fn start(
        &mut self,
        first: u64,
        program: Option<Program>,
        started: Option<DateTime<Utc>>,
        app_version: Option<String>,
    ) {
        self.open.insert(first, self.history.sessions.len());
        self.history.sessions.push(Session {
            first,
            last: first,
            rows: 0,
            program,
            started,
            app_version,
        });
    }

    pub fn finish(self) -> History {
        self.history
    }
}
