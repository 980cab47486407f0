//! Inline SVG bar charts: no script, no network, they print as they show.

use crate::lang::Lang;

/// Escapes text for HTML and SVG.
pub fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// One series of a chart: its name, colour and values (`None`: from fewer than five people, not
/// shown, and said so on the bar).
pub struct Series<'a> {
    pub name: &'a str,
    pub colour: &'a str,
    pub values: Vec<Option<f64>>,
}

const W: f64 = 720.0;
const H: f64 = 240.0;
const LEFT: f64 = 44.0;
const BOTTOM: f64 = 46.0;
const TOP: f64 = 28.0;

fn nice_max(m: f64) -> f64 {
    if m <= 0.0 {
        return 1.0;
    }
    let p = 10f64.powf(m.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|k| k * p)
        .find(|v| *v >= m)
        .unwrap_or(10.0 * p)
}

fn number(v: f64, lang: Lang) -> String {
    crate::i18n::num(lang, v, if v.fract() == 0.0 || v >= 100.0 { 0 } else { 1 })
}

/// Vertical bars, one group per label; every label is shown when there are few, else one in
/// `ceil(n / 24)`. Counts (every value whole) get whole grid lines only.
pub fn bars(title: &str, labels: &[String], series: &[Series], lang: Lang) -> String {
    let n = labels.len().max(1);
    let max = series
        .iter()
        .flat_map(|s| s.values.iter().flatten())
        .fold(0.0f64, |a, b| a.max(*b));
    let top = nice_max(max);
    let plot_w = W - LEFT - 10.0;
    let plot_h = H - TOP - BOTTOM;
    let group = plot_w / n as f64;
    let bar = (group * 0.8 / series.len().max(1) as f64).clamp(1.0, 36.0);
    let y = |v: f64| TOP + plot_h * (1.0 - v / top);
    let mut s = format!(
        r#"<svg class="chart" role="img" viewBox="0 0 {W} {H}" width="100%" xmlns="http://www.w3.org/2000/svg"><title>{}</title>"#,
        esc(title)
    );
    s += &format!(
        r#"<text x="{LEFT}" y="14" font-size="13" font-weight="bold">{}</text>"#,
        esc(title)
    );
    let counts = series
        .iter()
        .flat_map(|s| s.values.iter().flatten())
        .all(|v| v.fract() == 0.0);
    // Axis and three grid lines; two when the middle one would fall between two counts.
    let steps = if counts && (top / 2.0).fract() != 0.0 {
        1
    } else {
        2
    };
    for k in 0..=steps {
        let v = top * k as f64 / steps as f64;
        s += &format!(
            r##"<line x1="{LEFT}" x2="{}" y1="{y:.1}" y2="{y:.1}" stroke="#ccc" stroke-width="0.5"/><text x="{}" y="{:.1}" font-size="10" text-anchor="end">{}</text>"##,
            W - 10.0,
            LEFT - 4.0,
            y(v) + 3.0,
            number(v, lang),
            y = y(v)
        );
    }
    let every = n.div_ceil(24);
    for (i, label) in labels.iter().enumerate() {
        let x0 = LEFT + group * (i as f64 + 0.5) - bar * series.len() as f64 / 2.0;
        for (k, se) in series.iter().enumerate() {
            let x = x0 + bar * k as f64;
            match se.values.get(i).copied().flatten() {
                Some(v) if v > 0.0 => {
                    s += &format!(
                        r#"<rect x="{x:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="{}"><title>{} — {}: {}</title></rect>"#,
                        y(v),
                        (bar - 1.0).max(0.5),
                        TOP + plot_h - y(v),
                        se.colour,
                        esc(label),
                        esc(se.name),
                        number(v, lang)
                    );
                }
                Some(_) => {}
                None => {
                    let (cx, cy) = (x + bar / 2.0, TOP + plot_h - 3.0);
                    // A bar narrower than the words has them upright, or they run into the next.
                    let upright = if bar < 34.0 {
                        format!(r#" transform="rotate(-90 {:.1} {cy:.1})""#, cx + 3.0)
                    } else {
                        String::new()
                    };
                    let (ax, anchor) = if bar < 34.0 {
                        (cx + 3.0, "start")
                    } else {
                        (cx, "middle")
                    };
                    s += &format!(
                        r##"<text x="{ax:.1}" y="{cy:.1}" font-size="9" text-anchor="{anchor}" fill="#666"{upright}>{}</text>"##,
                        esc(crate::i18n::s(lang, "report-hidden-bar"))
                    );
                }
            }
        }
        if i % every == 0 {
            s += &format!(
                r#"<text x="{:.1}" y="{:.1}" font-size="10" text-anchor="middle">{}</text>"#,
                LEFT + group * (i as f64 + 0.5),
                H - BOTTOM + 14.0,
                esc(label)
            );
        }
    }
    // Legend.
    for (k, se) in series.iter().enumerate() {
        let x = LEFT + 170.0 * k as f64;
        s += &format!(
            r#"<rect x="{x}" y="{}" width="10" height="10" fill="{}"/><text x="{}" y="{}" font-size="11">{}</text>"#,
            H - 18.0,
            se.colour,
            x + 14.0,
            H - 9.0,
            esc(se.name)
        );
    }
    s += "</svg>";
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_are_drawn_and_suppressed_cells_say_so() {
        let svg = bars(
            "Pop-ups <par> jour",
            &["lun.".into(), "mar.".into(), "mer.".into()],
            &[Series {
                name: "pop-ups",
                colour: "#b4443c",
                values: vec![Some(5.0), None, Some(0.0)],
            }],
            Lang::Fr,
        );
        assert_eq!(svg.matches("<rect x=").count(), 2, "one bar and the legend");
        assert!(svg.contains("&lt; 5 pers."));
        assert!(
            !svg.contains(">2.5<") && !svg.contains(">2,5<"),
            "no half count"
        );
        let rates = bars(
            "Pop-ups par heure",
            &["9h".into()],
            &[Series {
                name: "pop-ups",
                colour: "#b4443c",
                values: vec![Some(0.8)],
            }],
            Lang::Fr,
        );
        assert!(rates.contains(">0,5<"), "{rates}");
        assert!(svg.contains("Pop-ups &lt;par&gt; jour"));
        assert_eq!(nice_max(37.0), 50.0);
    }
}
