//! The readable report: one self-contained HTML file (no script, no network, inline SVG charts,
//! print-friendly), French or English, for one worker (`temoin report`) or a works council
//! (`temoin aggregate`). Summary in sentences first, then charts, then the method.
//!
//! It only draws: what the figures are, and which cells a council may see, is decided in
//! [`crate::evidence::summary`]; a withheld cell is said to come from fewer than five people.

pub mod svg;

use chrono::{Datelike, NaiveDate};

pub use crate::evidence::summary::{Cell, Day, MIN_WORKERS, Report, Who, for_worker, from_buckets};
use crate::lang::Lang;
use svg::{Series, bars, esc};

/// A figure as written in the report's language ("3,5" in French); "< 5" when suppressed.
fn fmt(c: Cell, decimals: usize, lang: Lang) -> String {
    c.map_or_else(
        || crate::i18n::s(lang, "report-hidden").into(),
        |v| crate::i18n::num(lang, v + 0.0, decimals),
    )
}

/// A rate per hour of presence; none under half an hour, where a rate means nothing.
fn per_hour(c: Cell, hours: Cell) -> Option<f64> {
    match (c, hours) {
        (Some(v), Some(h)) if h >= 0.5 => Some(v / h),
        _ => None,
    }
}

fn weekday(d: NaiveDate, lang: Lang) -> String {
    let day = match d.weekday().number_from_monday() {
        1 => "weekday-1",
        2 => "weekday-2",
        3 => "weekday-3",
        4 => "weekday-4",
        5 => "weekday-5",
        6 => "weekday-6",
        _ => "weekday-7",
    };
    let date = match lang {
        Lang::Fr => d.format("%d/%m"),
        Lang::En => d.format("%m-%d"),
    };
    format!("{} {date}", crate::i18n::s(lang, day))
}

const CSS: &str = "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;max-width:820px;margin:2em auto;padding:0 1em;color:#222;line-height:1.45}
h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.2em;margin-top:2em;border-bottom:1px solid #ddd}
.meta{color:#555}.summary p{margin:.4em 0}table{border-collapse:collapse;margin:.5em 0}
td,th{border:1px solid #ccc;padding:.25em .6em;text-align:right}th{background:#f4f4f4}td:first-child,th:first-child{text-align:left}
.chart{margin:.6em 0 1.4em}.note{font-size:.9em;color:#444}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}.chart,table{break-inside:avoid}}";

/// The report as one HTML document.
pub fn html(r: &Report, lang: Lang) -> String {
    let t = |id: &'static str| crate::i18n::s(lang, id).to_string();
    let mut h = String::new();
    let title = match &r.who {
        Who::Worker { .. } => t("report-title-worker"),
        Who::Council { .. } => t("report-title-council"),
    };
    h += &format!(
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><title>{}</title><style>{CSS}</style></head><body>\n",
        lang.tag(),
        esc(&title)
    );
    h += &format!("<h1>{}</h1>\n", esc(&title));
    let who = match &r.who {
        Who::Worker {
            pseudonym,
            fingerprint,
        } => crate::t!(lang, "report-who-worker",
            "pseudonym" => esc(pseudonym),
            "fingerprint" => esc(fingerprint)),
        Who::Council { workers, .. } => {
            crate::t!(lang, "report-who-council", "workers" => *workers)
        }
    };
    h += &format!(
        "<p class=\"meta\">{}</p>\n",
        crate::t!(lang, "report-period",
            "from" => crate::i18n::date(lang, r.from),
            "to" => crate::i18n::date(lang, r.to),
            "who" => who)
    );

    // Summary in sentences; a figure from fewer than five people is said to be so, never shown.
    h += &format!("<h2>{}</h2><div class=\"summary\">\n", t("report-summary"));
    match (r.active_hours, r.popups) {
        (Some(hours), Some(popups)) => {
            let rate = match per_hour(Some(popups), Some(hours)) {
                Some(x) => crate::t!(lang, "report-presence-rate", "rate" => x),
                None => String::new(),
            };
            h += &format!(
                "<p>{}</p>\n",
                crate::t!(lang, "report-presence",
                    "hours" => hours,
                    "popups" => popups,
                    "rate" => rate)
            );
        }
        _ => {
            h += &format!(
                "<p>{}</p>\n",
                crate::t!(lang, "report-presence-hidden", "hidden" => t("report-fewer-than-five"))
            )
        }
    }
    h += &format!(
        "<p>{}</p>\n",
        crate::t!(lang, "report-emotion", "emotion" => r.emotion)
    );
    let consistent = r.consistent.map_or(
        String::new(),
        |c| crate::t!(lang, "report-consistent", "count" => c),
    );
    h += &format!(
        "<p>{}</p>\n",
        crate::t!(lang, "report-contradicted",
            "contradicted" => r.contradicted,
            "consistent" => consistent)
    );
    let run = r.longest_run_min.map_or(
        String::new(),
        |m| crate::t!(lang, "report-longest-run", "minutes" => fmt(Some(m), 0, lang)),
    );
    h += &format!(
        "<p>{}</p>\n",
        crate::t!(lang, "report-calls",
            "calls" => fmt(r.calls, 0, lang),
            "hours" => r.phone_hours.map_or_else(
                || crate::i18n::s(lang, "report-hidden").to_string(),
                |h| crate::t!(lang, "report-phone-hours", "hours" => h)),
            "strain" => fmt(r.strain, 0, lang),
            "run" => run)
    );
    if let Some((m, n)) = r.self_report {
        // A scale nobody answered has no mean: a dash, not a 0.
        let v = |x: f64| {
            if x.is_finite() {
                fmt(Some(x), 0, lang)
            } else {
                "—".to_string()
            }
        };
        h += &format!(
            "<p>{}</p>\n",
            crate::t!(lang, "report-self-reports",
                "count" => n,
                "mental" => v(m[0]),
                "physical" => v(m[1]),
                "temporal" => v(m[2]),
                "performance" => v(m[3]),
                "effort" => v(m[4]),
                "frustration" => v(m[5]))
        );
    }
    h += "</div>\n";

    // Coverage: minutes without listening are said, so that they do not read as calm ones.
    if matches!(r.who, Who::Worker { .. }) {
        h += &format!("<h2>{}</h2>\n", t("report-coverage"));
        if r.gaps.is_empty() {
            h += &format!("<p>{}</p>\n", esc(&t("report-no-gaps")));
        } else {
            let minutes: f64 = r.gaps.iter().filter_map(|g| g.seconds()).sum::<f64>() / 60.0;
            h += &format!(
                "<p>{}</p><ul>\n",
                esc(&crate::t!(lang, "report-gaps-intro",
                    "count" => r.gaps.len(),
                    "minutes" => minutes.ceil()))
            );
            for g in &r.gaps {
                h += &format!(
                    "<li>{}</li>\n",
                    esc(&crate::labels::gap_sentence(g.from, g.to, true, lang))
                );
            }
            h += "</ul>\n";
        }
    }

    // Charts.
    h += &format!("<h2>{}</h2>\n", t("report-by-day"));
    let labels: Vec<String> = r.days.keys().map(|d| weekday(*d, lang)).collect();
    let col = |f: fn(&Day) -> Cell| r.days.values().map(f).collect::<Vec<_>>();
    h += &bars(
        &t("report-popups-per-day"),
        &labels,
        &[
            Series {
                name: crate::i18n::s(lang, "gui-pop-ups-2"),
                colour: "#4a6fa5",
                values: col(|d| d.popups),
            },
            Series {
                name: crate::i18n::s(lang, "gui-of-which-emotion-analysis"),
                colour: "#b4443c",
                values: col(|d| d.emotion),
            },
            Series {
                name: crate::i18n::s(lang, "gui-contradicted-by-measurement"),
                colour: "#d9a13b",
                values: col(|d| d.contradicted),
            },
        ],
        lang,
    );
    h += &bars(
        &t("report-strain-and-popups"),
        &labels,
        &[
            Series {
                name: crate::i18n::s(lang, "gui-vocal-strain-episodes"),
                colour: "#7a5195",
                values: col(|d| d.strain),
            },
            Series {
                name: crate::i18n::s(lang, "gui-pop-ups-2"),
                colour: "#4a6fa5",
                values: col(|d| d.popups),
            },
        ],
        lang,
    );
    h += &bars(
        &t("report-calls-per-day"),
        &labels,
        &[Series {
            name: crate::i18n::s(lang, "gui-calls-2"),
            colour: "#3f8f6b",
            values: col(|d| d.calls),
        }],
        lang,
    );
    h += &format!("<h2>{}</h2>\n", t("report-by-hour"));
    let hours: Vec<String> = (0..24).map(|h| format!("{h}h")).collect();
    h += &bars(
        &t("report-popups-by-hour"),
        &hours,
        &[Series {
            name: crate::i18n::s(lang, "gui-pop-ups-2"),
            colour: "#4a6fa5",
            values: r.hour_of_day.clone(),
        }],
        lang,
    );
    h += &format!("<h2>{}</h2>\n", t("report-asked"));
    let cats: Vec<String> = r
        .categories
        .keys()
        .map(|c| category_name(c, lang))
        .collect();
    h += &bars(
        &t("report-popups-by-category"),
        &cats,
        &[Series {
            name: crate::i18n::s(lang, "gui-pop-ups-2"),
            colour: "#4a6fa5",
            values: r.categories.values().copied().collect(),
        }],
        lang,
    );
    if !r.examples.is_empty() {
        h += &format!("<h2>{}</h2><ul>\n", t("report-contradicted-title"));
        for e in &r.examples {
            h += &format!("<li>{}</li>\n", esc(e));
        }
        h += "</ul>\n";
    }

    // Method.
    h += &format!("<h2>{}</h2><div class=\"note\">\n", t("report-method"));
    if let Who::Council {
        workers,
        files,
        rejected,
        signed_by,
    } = &r.who
    {
        h += &council_method(*workers, *files, rejected, signed_by.as_ref(), lang);
    }
    for p in method(lang) {
        h += &format!("<p>{}</p>\n", esc(p));
    }
    h += "</div></body></html>\n";
    h
}

/// What the council pooled, what it set aside and why, and whose key signed the page.
fn council_method(
    workers: usize,
    files: usize,
    rejected: &[(String, usize)],
    signed_by: Option<&crate::evidence::identity::PublicKey>,
    lang: Lang,
) -> String {
    let set_aside: usize = rejected.iter().map(|r| r.1).sum();
    let mut h = format!(
        "<p>{}</p>\n",
        crate::t!(lang, "report-pooled",
            "files" => files,
            "counted" => files.saturating_sub(set_aside),
            "workers" => workers)
    );
    if !rejected.is_empty() {
        h += &format!(
            "<p>{}</p><ul>",
            crate::t!(lang, "report-set-aside", "count" => set_aside)
        );
        for (why, count) in rejected {
            h += &format!(
                "<li>{}</li>",
                esc(
                    &crate::t!(lang, "report-set-aside-reason", "reason" => why.as_str(), "count" => *count)
                )
            );
        }
        h += "</ul>\n";
    }
    h += &format!(
        "<p>{}</p>\n",
        match signed_by {
            Some(k) => crate::t!(lang, "report-signed-by",
                "pseudonym" => k.pseudonym(),
                "fingerprint" => k.fingerprint()),
            None => crate::i18n::s(lang, "report-not-signed").to_string(),
        }
    );
    h
}

fn category_name(c: &str, lang: Lang) -> String {
    crate::events::PopupCategory::from_key(c)
        .map(|c| crate::labels::category_label(c, lang).to_string())
        .unwrap_or_else(|| crate::i18n::s(lang, "gui-uncategorised").to_string())
}

fn method(lang: Lang) -> [&'static str; 6] {
    [
        crate::i18n::s(lang, "mod-everything-was-measured-on-the-person"),
        crate::i18n::s(lang, "mod-pop-ups-every-window-notification-or"),
        crate::i18n::s(lang, "mod-consistency-a-pace-pop-up-is"),
        crate::i18n::s(lang, "mod-vocal-strain-f0-and-its-variability"),
        crate::i18n::s(lang, "mod-workload-a-call-runs-from-the"),
        crate::i18n::s(lang, "mod-evidence-every-export-is-signed-ed25519"),
    ]
}

#[cfg(test)]
mod tests {
    use crate::lang::Lang;
    use crate::t;

    #[test]
    fn summary_sentences_agree_with_their_figures_and_say_when_one_is_withheld() {
        let one = t!(Lang::Fr, "report-emotion", "emotion" => Some(1.0));
        assert!(one.contains("<b>1</b> montre, par son texte"), "{one}");
        let many = t!(Lang::Fr, "report-emotion", "emotion" => Some(3.0));
        assert!(many.contains("<b>3</b> montrent"), "{many}");
        let none = t!(Lang::En, "report-emotion", "emotion" => Some(0.0));
        assert!(none.starts_with("None shows"), "{none}");
        let hidden =
            t!(Lang::Fr, "report-contradicted", "contradicted" => None::<f64>, "consistent" => "");
        assert!(hidden.contains("moins de 5 personnes"), "{hidden}");
        let hours = t!(Lang::Fr, "report-presence", "hours" => 1.5, "popups" => 1, "rate" => "");
        assert!(
            hours.contains("<b>1,5</b> heure de présence") && hours.contains("<b>1</b> pop-up de"),
            "{hours}"
        );
    }
}
