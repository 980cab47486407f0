//! Whatever goes in comes back out, exactly, through a real vault file.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, TimeZone};
use proptest::prelude::*;

use crate::common::*;
use temoin::events::*;
use temoin::vault::Vault;

fn instant() -> impl Strategy<Value = DateTime<FixedOffset>> {
    // 2000–2100, offsets from −12 h to +14 h in quarter hours.
    (946_684_800i64..4_102_444_800, -48i32..=56).prop_map(|(secs, q)| {
        FixedOffset::east_opt(q * 900)
            .unwrap()
            .timestamp_opt(secs, 0)
            .unwrap()
    })
}

fn measure() -> impl Strategy<Value = Option<f64>> {
    prop::option::of(-1e6f64..1e6)
}

fn category() -> impl Strategy<Value = PopupCategory> {
    prop::sample::select(vec![
        PopupCategory::PaceFaster,
        PopupCategory::Thanks,
        PopupCategory::Empathy,
        PopupCategory::CustomerSentiment,
        PopupCategory::Other,
    ])
}

fn kind() -> impl Strategy<Value = EventKind> {
    prop_oneof![
        any::<String>().prop_map(|text| EventKind::Note { text }),
        (
            prop::option::of(any::<String>()),
            prop::option::of(category()),
            any::<bool>(),
            prop::collection::vec("[a-zé ]{0,12}", 0..3),
            1u32..1000
        )
            .prop_map(|(text, category, emotion_flag, reasons, count)| {
                EventKind::PopupSeen(PopupSeen {
                    source: Some(PopupSource::Notification),
                    app: Some("cogito".into()),
                    text,
                    category,
                    emotion_flag,
                    reasons,
                    consistency: Some(Consistency::Contradicted),
                    measured: Some(temoin::events::PopupMeasure {
                        speech_s: 31.5,
                        words_per_minute: Some(175.0),
                        usual_words_per_minute: Some(151.0),
                        ..Default::default()
                    }),
                    count,
                })
            }),
        (
            0.0f64..600.0,
            measure(),
            measure(),
            measure(),
            prop::collection::btree_map("[a-z]{1,8}", 0u32..50, 0..4)
        )
            .prop_map(|(d, f0, jit, hnr, phrases)| EventKind::SpeechSegment(
                SpeechSegment {
                    duration_s: d,
                    voiced_s: d / 2.0,
                    f0_mean_hz: f0,
                    jitter_local_pct: jit,
                    hnr_db: hnr,
                    phrases,
                    ..Default::default()
                }
            )),
        (
            prop::option::of(0u8..=100),
            0u8..=100,
            prop::option::of(any::<String>())
        )
            .prop_map(|(a, b, note)| {
                EventKind::SelfReport(SelfReport {
                    mental: a,
                    physical: Some(b),
                    temporal: a,
                    performance: Some(b),
                    effort: a,
                    frustration: Some(b),
                    note,
                })
            }),
        (instant(), 0.0f64..3600.0).prop_map(|(started, duration_s)| {
            EventKind::StrainEpisode(StrainEpisode {
                started,
                duration_s,
                indicators: BTreeMap::from([(Indicator::Jitter, 2.5), (Indicator::Hnr, -3.0)]),
            })
        }),
        Just(EventKind::MonitoringPaused {
            reason: PauseReason::Privacy
        }),
        Just(EventKind::MonitoringResumed),
    ]
}

fn event() -> impl Strategy<Value = Event> {
    (instant(), kind()).prop_map(|(at, kind)| Event { at, kind })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 16, ..ProptestConfig::default() })]

    /// Batches appended one by one or all at once come back in order and equal.
    #[test]
    fn events_round_trip(batches in prop::collection::vec(prop::collection::vec(event(), 1..6), 1..4)) {
        let (_d, path, mut writer, _) = new_vault();
        let mut all = Vec::new();
        for (i, batch) in batches.iter().enumerate() {
            if i % 2 == 0 {
                for e in batch {
                    writer.append(e).unwrap();
                }
            } else {
                writer.append_all(batch).unwrap();
            }
            all.extend(batch.iter().cloned());
        }
        // A second writer (another process in real life) starts its own session.
        let mut other = Vault::open(&path).unwrap();
        other.append(&all[0]).unwrap();
        all.push(all[0].clone());

        let reader = Vault::open(&path).unwrap();
        prop_assert_eq!(reader.check().unwrap().broken, None);
        let back: Vec<Event> = reader
            .unlock(PASS)
            .unwrap()
            .events()
            .unwrap()
            .into_iter()
            .enumerate()
            .map(|(i, r)| {
                assert_eq!(r.seq, i as u64 + 1);
                r.event.unwrap()
            })
            .collect();
        prop_assert_eq!(back, all);
    }
}

#[test]
fn the_recovery_code_reads_the_same_events() {
    let (_d, _path, mut vault, code) = new_vault();
    let e = Event::now(EventKind::Note {
        text: "appel 14 h 02".into(),
    });
    vault.append(&e).unwrap();
    let via_code = vault.unlock_with_recovery(&code).unwrap().events().unwrap();
    assert_eq!(via_code[0].event.as_ref().unwrap(), &e);
}

#[test]
fn passphrase_strength_rewards_words_and_refuses_short_ones() {
    use temoin::vault::{Strength, strength};
    assert_eq!(strength("abc"), Strength::TooShort);
    assert_eq!(strength("aaaaaaaaaaaa"), Strength::Weak);
    assert_eq!(strength("password"), Strength::Weak);
    assert!(strength("Tr0ub4dor&3") >= Strength::Fair);
    assert_eq!(strength("girafe piano lundi orage"), Strength::Good);
    assert_eq!(strength("correct horse battery staple"), Strength::Good);
}
