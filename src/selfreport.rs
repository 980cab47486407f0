//! The end-of-shift self-report: the six NASA-TLX scales (0–100) and an optional note. Offered,
//! never forced; under a minute. The questions' wording is in `messages` (French and English).

use crate::events::SelfReport;

/// The NASA-TLX scales, in the order they are asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scale {
    Mental,
    Physical,
    Temporal,
    /// 0 = perfect, 100 = failure (as in NASA-TLX).
    Performance,
    Effort,
    Frustration,
}

impl Scale {
    pub const ALL: [Scale; 6] = [
        Scale::Mental,
        Scale::Physical,
        Scale::Temporal,
        Scale::Performance,
        Scale::Effort,
        Scale::Frustration,
    ];
}

/// The longest note kept, in characters.
pub const NOTE_MAX: usize = 2_000;

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SelfReportError {
    #[error("{0} is not between 0 and 100")]
    OutOfRange(i64),
    #[error("not a number: {0}")]
    NotANumber(String),
}

/// Reads one answer: a whole number from 0 to 100.
pub fn parse_value(s: &str) -> Result<u8, SelfReportError> {
    let t = s.trim().trim_end_matches('%').trim();
    let v: i64 = t
        .parse()
        .map_err(|_| SelfReportError::NotANumber(s.trim().to_string()))?;
    u8::try_from(v)
        .ok()
        .filter(|v| *v <= 100)
        .ok_or(SelfReportError::OutOfRange(v))
}

/// The report from the six answers (in [`Scale::ALL`] order, `None` where not answered) and a
/// note.
pub fn build(values: [Option<u8>; 6], note: Option<&str>) -> SelfReport {
    let note = note
        .map(|n| {
            crate::popups::mask::clean(n)
                .chars()
                .take(NOTE_MAX)
                .collect::<String>()
        })
        .filter(|n| !n.is_empty());
    SelfReport {
        mental: values[0],
        physical: values[1],
        temporal: values[2],
        performance: values[3],
        effort: values[4],
        frustration: values[5],
        note,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_are_0_to_100() {
        assert_eq!(parse_value(" 55 "), Ok(55));
        assert_eq!(parse_value("100%"), Ok(100));
        assert_eq!(parse_value("101"), Err(SelfReportError::OutOfRange(101)));
        assert_eq!(parse_value("-3"), Err(SelfReportError::OutOfRange(-3)));
        assert!(matches!(
            parse_value("beaucoup"),
            Err(SelfReportError::NotANumber(_))
        ));
        let r = build(
            [Some(1), Some(2), Some(3), Some(4), Some(5), None],
            Some("  appel\u{0} difficile  "),
        );
        assert_eq!((r.mental, r.frustration), (Some(1), None));
        assert_eq!(r.note.as_deref(), Some("appel difficile"));
    }
}
