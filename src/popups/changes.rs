//! Where a large window changed, for reading by OCR only the part that did (a toast drawn inside
//! a browser page when neither the accessibility bus nor the extension can hear it). The X server
//! reports the rectangles drawn again (XDamage); a region the size of a message that then stays
//! still is read once. A region that keeps changing (a clock, figures refreshed all the time) is
//! busy and left alone, and a window is read at most once a second: OCR is not free.

use std::time::{Duration, Instant};

/// A rectangle inside a window: x, y, width, height.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rect {
    pub x: i32,
    pub y: i32,
    pub w: i32,
    pub h: i32,
}

impl Rect {
    fn right(&self) -> i32 {
        self.x + self.w
    }
    fn bottom(&self) -> i32 {
        self.y + self.h
    }

    fn overlaps(&self, o: &Rect) -> bool {
        self.x < o.right() && o.x < self.right() && self.y < o.bottom() && o.y < self.bottom()
    }

    fn union(&self, o: &Rect) -> Rect {
        let (x, y) = (self.x.min(o.x), self.y.min(o.y));
        Rect {
            x,
            y,
            w: self.right().max(o.right()) - x,
            h: self.bottom().max(o.bottom()) - y,
        }
    }

    /// About the same place (a message drawn again where it was).
    fn same_place(&self, o: &Rect) -> bool {
        const NEAR: i32 = 8;
        (self.x - o.x).abs() <= NEAR
            && (self.y - o.y).abs() <= NEAR
            && (self.w - o.w).abs() <= NEAR
            && (self.h - o.h).abs() <= NEAR
    }

    /// The size of a message: a line of text at least, a toast at most.
    fn message_sized(&self) -> bool {
        (60..=900).contains(&self.w) && (14..=500).contains(&self.h)
    }
}

/// A region read once it has been still this long.
pub const STILL: Duration = Duration::from_millis(400);
/// A window is read at most this often.
const EVERY: Duration = Duration::from_secs(1);
/// A place that settled this many times within [`BUSY_WINDOW`] is busy (a clock, live figures).
const BUSY_TIMES: usize = 3;
const BUSY_WINDOW: Duration = Duration::from_secs(20);

/// One window's changes.
#[derive(Debug, Default)]
pub struct Changes {
    /// Regions drawn again, with when last drawn.
    pending: Vec<(Rect, Instant)>,
    /// Where regions settled lately, and when.
    settled: Vec<(Rect, Instant)>,
    last_read: Option<Instant>,
}

impl Changes {
    /// Rectangles drawn again at `now`.
    pub fn damaged(&mut self, rects: &[Rect], now: Instant) {
        for r in rects {
            let mut merged = *r;
            // Whatever this touches is one region, drawn again now (a toast sliding in).
            self.pending.retain(|(p, _)| {
                if p.overlaps(&merged) {
                    merged = merged.union(p);
                    false
                } else {
                    true
                }
            });
            self.pending.push((merged, now));
        }
    }

    /// When to look again, if anything is pending.
    pub fn due(&self) -> Option<Instant> {
        let still = self.pending.iter().map(|(_, t)| *t + STILL).min()?;
        Some(match self.last_read {
            Some(r) => still.max(r + EVERY),
            None => still,
        })
    }

    /// The region to read now, if one is message-sized, still, not busy, and the window was not
    /// read within the last second.
    pub fn ready(&mut self, now: Instant) -> Option<Rect> {
        self.settled
            .retain(|(_, t)| now.saturating_duration_since(*t) < BUSY_WINDOW);
        if self
            .last_read
            .is_some_and(|r| now.saturating_duration_since(r) < EVERY)
        {
            return None;
        }
        let mut found = None;
        let mut still = Vec::new();
        self.pending.retain(|(r, t)| {
            if now.saturating_duration_since(*t) < STILL {
                return true;
            }
            still.push(*r);
            false
        });
        for r in still {
            let times = self
                .settled
                .iter()
                .filter(|(s, _)| s.same_place(&r))
                .count();
            self.settled.push((r, now));
            if r.message_sized() && times + 1 < BUSY_TIMES && found.is_none() {
                found = Some(r);
            }
        }
        if found.is_some() {
            self.last_read = Some(now);
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rect(x: i32, y: i32, w: i32, h: i32) -> Rect {
        Rect { x, y, w, h }
    }

    #[test]
    fn a_toast_sliding_in_is_read_once_where_it_stops() {
        let mut c = Changes::default();
        let t0 = Instant::now();
        // Ten frames of a toast sliding up, each overlapping the last.
        for i in 0..10 {
            let at = t0 + Duration::from_millis(16 * i);
            c.damaged(&[rect(700, 600 - 4 * i as i32, 300, 60)], at);
            assert_eq!(c.ready(at), None, "still moving");
        }
        let end = t0 + Duration::from_millis(160);
        assert_eq!(c.due(), Some(end - Duration::from_millis(16) + STILL));
        let r = c.ready(end + STILL).expect("read once still");
        assert_eq!((r.x, r.y, r.w, r.h), (700, 564, 300, 96));
        assert_eq!(c.ready(end + STILL * 2), None);
        assert_eq!(c.due(), None);
    }

    #[test]
    fn a_ticking_clock_and_small_or_huge_changes_are_never_read() {
        let mut c = Changes::default();
        let t0 = Instant::now();
        let mut reads = 0;
        for s in 0..20u64 {
            let at = t0 + Duration::from_secs(s);
            // The call timer, redrawn every second; a cell; the whole page scrolled.
            c.damaged(&[rect(10, 10, 90, 18)], at);
            c.damaged(&[rect(300, 300, 30, 12)], at);
            c.damaged(&[rect(400, 0, 1500, 1000)], at);
            reads += usize::from(c.ready(at + STILL).is_some());
        }
        assert!(reads < BUSY_TIMES, "{reads} reads of a clock");
    }

    #[test]
    fn a_window_is_read_at_most_once_a_second() {
        let mut c = Changes::default();
        let t0 = Instant::now();
        c.damaged(&[rect(0, 0, 200, 40)], t0);
        assert!(c.ready(t0 + STILL).is_some());
        c.damaged(&[rect(0, 300, 200, 40)], t0 + STILL);
        assert_eq!(c.ready(t0 + STILL * 2), None, "too soon");
        let later = t0 + STILL + EVERY;
        assert_eq!(c.due(), Some(later));
        assert!(c.ready(later).is_some());
    }
}
