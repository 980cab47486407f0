//! « Historique »: a day, a week or a month of the record, as charts (pop-ups by hour of the day,
//! categories, vocal strain against pop-ups, workload) and as the list of events with filters.
//! Figures come from the session's hourly buckets and are computed again only when the period
//! changes, so a year of events costs nothing per frame.

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::{Duration, Local, NaiveDate, Timelike};
use eframe::egui;
use egui_plot::{Bar, BarChart, Legend, Line, Plot};

use super::session::Session;
use super::strings as s;
use crate::events::{Event, EventKind, PopupCategory};
use crate::messages::{self, Lang};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Span {
    Day,
    Week,
    Month,
}

impl Span {
    fn days(self) -> i64 {
        match self {
            Span::Day => 1,
            Span::Week => 7,
            Span::Month => 30,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Charts,
    List,
}

/// Which events the list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filter {
    All,
    Popups,
    Emotion,
    Calls,
    Strain,
    Speech,
    SelfReports,
    Pauses,
}

impl Filter {
    pub const ALL: [Filter; 8] = [
        Filter::All,
        Filter::Popups,
        Filter::Emotion,
        Filter::Calls,
        Filter::Strain,
        Filter::Speech,
        Filter::SelfReports,
        Filter::Pauses,
    ];

    fn keeps(self, k: &EventKind) -> bool {
        use EventKind as K;
        match self {
            Filter::All => true,
            Filter::Popups => matches!(k, K::PopupSeen(_) | K::PopupCategorised { .. }),
            Filter::Emotion => matches!(k, K::PopupSeen(p) if p.emotion_flag),
            Filter::Calls => matches!(k, K::CallStarted { .. } | K::CallEnded(_)),
            Filter::Strain => matches!(k, K::StrainEpisode(_)),
            Filter::Speech => matches!(k, K::SpeechSegment(_)),
            Filter::SelfReports => matches!(k, K::SelfReport(_)),
            Filter::Pauses => matches!(k, K::MonitoringPaused { .. } | K::MonitoringResumed),
        }
    }
}

/// The figures of one period.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Figures {
    pub popups: u32,
    pub emotion: u32,
    pub contradicted: u32,
    pub strain: u32,
    pub calls: u32,
    pub phone_s: f64,
    pub active_s: f64,
    /// Pop-ups, and those flagged as emotion analysis, by hour of the day.
    pub by_hour: [(f64, f64); 24],
    /// Pop-ups by category (its stable name), most frequent first.
    pub categories: Vec<(String, u32)>,
    /// Per step (hour of the day for a day, day otherwise): pop-ups, strain episodes, calls,
    /// hours on the phone.
    pub steps: Vec<[f64; 4]>,
}

impl Figures {
    fn of(session: &Session, from: NaiveDate, to: NaiveDate, span: Span) -> Figures {
        let mut f = Figures {
            steps: vec![
                [0.0; 4];
                if span == Span::Day {
                    24
                } else {
                    span.days() as usize
                }
            ],
            ..Default::default()
        };
        let start = from.and_hms_opt(0, 0, 0).expect("midnight");
        let end = (to + Duration::days(1))
            .and_hms_opt(0, 0, 0)
            .expect("midnight");
        let first = session.hourly.partition_point(|b| b.start < start);
        let mut categories: BTreeMap<String, u32> = BTreeMap::new();
        for b in session.hourly[first..].iter().take_while(|b| b.start < end) {
            f.popups += b.popups;
            f.emotion += b.emotion_flagged;
            f.contradicted += b.contradicted;
            f.strain += b.strain_episodes;
            f.calls += b.calls;
            f.phone_s += b.phone_s;
            f.active_s += b.active_s;
            let h = b.start.hour() as usize;
            f.by_hour[h].0 += f64::from(b.popups);
            f.by_hour[h].1 += f64::from(b.emotion_flagged);
            for (c, n) in &b.by_category {
                *categories.entry(c.clone()).or_default() += n;
            }
            let step = match span {
                Span::Day => h,
                _ => (b.start.date() - from).num_days() as usize,
            };
            if let Some(x) = f.steps.get_mut(step) {
                x[0] += f64::from(b.popups);
                x[1] += f64::from(b.strain_episodes);
                x[2] += f64::from(b.calls);
                x[3] += b.phone_s / 3600.0;
            }
        }
        f.categories = categories.into_iter().collect();
        f.categories.sort_by_key(|c| std::cmp::Reverse(c.1));
        f
    }
}

/// What the event list's rows depend on.
type RowsKey = (Span, NaiveDate, Filter);

/// The « Historique » view over an unlocked session.
pub struct History {
    pub lang: Lang,
    pub span: Span,
    /// The period's last day.
    pub end: NaiveDate,
    pub tab: Tab,
    pub filter: Filter,
    // Shared, so a frame takes a handle rather than a copy.
    figures: Option<((Span, NaiveDate), Arc<Figures>)>,
    rows: Option<(RowsKey, Arc<[usize]>)>,
    /// The session the cached figures come from (a refresh brings a new one).
    source: Option<Arc<Session>>,
}

impl History {
    pub fn new(lang: Lang) -> Self {
        History {
            lang,
            span: Span::Day,
            end: Local::now().date_naive(),
            tab: Tab::Charts,
            filter: Filter::All,
            figures: None,
            rows: None,
            source: None,
        }
    }

    pub fn period(&self) -> (NaiveDate, NaiveDate) {
        (self.end - Duration::days(self.span.days() - 1), self.end)
    }

    /// The period's figures, computed again only when the period changed.
    pub fn figures(&mut self, session: &Session) -> Arc<Figures> {
        let key = (self.span, self.end);
        if self.figures.as_ref().is_none_or(|(k, _)| *k != key) {
            let (from, to) = self.period();
            self.figures = Some((key, Arc::new(Figures::of(session, from, to, self.span))));
        }
        self.figures.as_ref().expect("just computed").1.clone()
    }

    /// Indices of the events the list shows, newest first.
    pub fn rows(&mut self, session: &Session) -> Arc<[usize]> {
        let key = (self.span, self.end, self.filter);
        if self.rows.as_ref().is_none_or(|(k, _)| *k != key) {
            let (from, to) = self.period();
            // Pop-ups categorised later as emotion analysis are flagged too (looked for only when
            // the list shows those).
            let flagged_later: Vec<_> = session
                .events
                .iter()
                .filter(|_| self.filter == Filter::Emotion)
                .filter_map(|e| match &e.kind {
                    EventKind::PopupCategorised { popup_at, category }
                        if category.reveals_emotion() =>
                    {
                        Some(*popup_at)
                    }
                    _ => None,
                })
                .collect();
            let keeps = |e: &crate::events::Event| match (&e.kind, self.filter) {
                (EventKind::PopupSeen(_), Filter::Emotion) => {
                    self.filter.keeps(&e.kind)
                        || flagged_later
                            .iter()
                            .any(|t| crate::events::names_popup(t, &e.at))
                }
                (k, f) => f.keeps(k),
            };
            let mut rows: Vec<usize> = session
                .events
                .iter()
                .enumerate()
                .filter(|(_, e)| {
                    let d = e.at.date_naive();
                    d >= from && d <= to && keeps(e)
                })
                .map(|(i, _)| i)
                .collect();
            rows.sort_by_key(|i| std::cmp::Reverse(session.events[*i].at));
            self.rows = Some((key, rows.into()));
        }
        self.rows.as_ref().expect("just computed").1.clone()
    }

    /// Forgets what was computed from a session (the window locked).
    pub fn forget(&mut self) {
        self.figures = None;
        self.rows = None;
        self.source = None;
    }

    /// Lays the view out; returns true when the worker asks to read the vault again.
    pub fn ui(&mut self, ui: &mut egui::Ui, session: &Arc<Session>) -> bool {
        let lang = self.lang;
        if !self
            .source
            .as_ref()
            .is_some_and(|s| Arc::ptr_eq(s, session))
        {
            self.forget();
            self.source = Some(session.clone());
        }
        let refresh = self.period_bar(ui);
        if session.unreadable > 0 {
            ui.label(
                egui::RichText::new(s::rows_unreadable(session.unreadable, lang))
                    .color(ui.visuals().warn_fg_color),
            );
        }
        let f = self.figures(session);
        ui.add(egui::Label::new(period_summary(&f, lang)).wrap());
        ui.horizontal(|ui| {
            ui.selectable_value(&mut self.tab, Tab::Charts, s::charts(lang));
            ui.selectable_value(&mut self.tab, Tab::List, s::event_list(lang));
        });
        ui.separator();
        match self.tab {
            Tab::Charts => {
                egui::ScrollArea::vertical().show(ui, |ui| self.charts(ui, &f));
            }
            Tab::List => self.list(ui, session),
        }
        refresh
    }

    fn period_bar(&mut self, ui: &mut egui::Ui) -> bool {
        let lang = self.lang;
        let mut refresh = false;
        ui.horizontal(|ui| {
            ui.selectable_value(&mut self.span, Span::Day, s::day(lang));
            ui.selectable_value(&mut self.span, Span::Week, s::week(lang));
            ui.selectable_value(&mut self.span, Span::Month, s::month(lang));
            refresh = ui
                .button(s::refresh(lang))
                .on_hover_text(s::refresh_hint(lang))
                .clicked();
        });
        ui.horizontal(|ui| {
            let step = Duration::days(self.span.days());
            if ui.button(s::earlier(lang)).clicked() {
                self.end -= step;
            }
            let (from, to) = self.period();
            ui.label(if from == to {
                from.format("%d/%m/%Y").to_string()
            } else {
                format!("{} – {}", from.format("%d/%m"), to.format("%d/%m/%Y"))
            });
            let today = Local::now().date_naive();
            if ui
                .add_enabled(self.end < today, egui::Button::new(s::later(lang)))
                .clicked()
            {
                self.end = (self.end + step).min(today);
            }
            if ui
                .add_enabled(self.end != today, egui::Button::new(s::back_to_today(lang)))
                .clicked()
            {
                self.end = today;
            }
        });
        refresh
    }

    fn charts(&self, ui: &mut egui::Ui, f: &Figures) {
        let lang = self.lang;
        ui.strong(s::popups_by_hour(lang));
        let plain: Vec<Bar> = (0..24)
            .map(|h| Bar::new(h as f64, f.by_hour[h].0 - f.by_hour[h].1).width(0.8))
            .collect();
        let flagged: Vec<Bar> = (0..24)
            .map(|h| Bar::new(h as f64, f.by_hour[h].1).width(0.8))
            .collect();
        let plain = BarChart::new(s::popups_other(lang), plain).color(BLUE);
        let flagged = BarChart::new(s::popups_emotion(lang), flagged)
            .color(RED)
            .stack_on(&[&plain]);
        fixed_plot("popups-by-hour", s::hour_of_day(lang)).show(ui, |p| {
            p.bar_chart(plain);
            p.bar_chart(flagged);
        });

        ui.add_space(6.0);
        ui.strong(s::categories(lang));
        let most = f.categories.first().map_or(1, |c| c.1.max(1));
        if f.categories.is_empty() {
            ui.label(s::nothing_in_period(lang));
        }
        egui::Grid::new("categories").num_columns(3).show(ui, |ui| {
            for (c, n) in &f.categories {
                ui.label(category_name(c, lang));
                ui.label(n.to_string());
                let (r, _) = ui.allocate_exact_size(egui::vec2(120.0, 10.0), egui::Sense::hover());
                let w = r.width() * (*n as f32 / most as f32);
                ui.painter().rect_filled(
                    egui::Rect::from_min_size(r.min, egui::vec2(w, r.height())),
                    2.0,
                    BLUE,
                );
                ui.end_row();
            }
        });

        let x_label = if self.span == Span::Day {
            s::hour_of_day(lang)
        } else {
            s::day_of_period(lang)
        };
        ui.add_space(6.0);
        ui.strong(s::strain_and_popups(lang));
        bars_with_line(
            ui,
            "strain-and-popups",
            x_label,
            &f.steps,
            (0, s::popups_today(lang), BLUE),
            (1, s::strain_episodes(lang)),
        );
        ui.label(
            egui::RichText::new(s::strain_is_indicator(lang))
                .small()
                .weak(),
        );
        ui.add_space(6.0);
        ui.strong(s::workload(lang));
        bars_with_line(
            ui,
            "workload",
            x_label,
            &f.steps,
            (2, s::calls_today(lang), GREEN),
            (3, s::phone_hours(lang)),
        );
    }

    fn list(&mut self, ui: &mut egui::Ui, session: &Session) {
        let lang = self.lang;
        ui.horizontal_wrapped(|ui| {
            ui.label(s::show(lang));
            for f in Filter::ALL {
                ui.selectable_value(&mut self.filter, f, filter(f, lang));
            }
        });
        let rows = self.rows(session);
        if rows.is_empty() {
            ui.label(s::nothing_in_period(lang));
            return;
        }
        ui.label(s::events_shown(rows.len(), lang));
        let row_h = ui.text_style_height(&egui::TextStyle::Body) + 4.0;
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show_rows(ui, row_h, rows.len(), |ui, range| {
                for i in &rows[range] {
                    let e: &Event = &session.events[*i];
                    ui.horizontal(|ui| {
                        ui.monospace(
                            e.at.with_timezone(&Local)
                                .format(if self.span == Span::Day {
                                    "%H:%M:%S"
                                } else {
                                    "%d/%m %H:%M"
                                })
                                .to_string(),
                        );
                        ui.strong(messages::kind_label(&e.kind, lang));
                        ui.add(egui::Label::new(messages::event_details(&e.kind, lang)).truncate());
                    });
                }
            });
    }
}

const BLUE: egui::Color32 = egui::Color32::from_rgb(70, 110, 170);
const RED: egui::Color32 = egui::Color32::from_rgb(190, 70, 60);
const ORANGE: egui::Color32 = egui::Color32::from_rgb(220, 140, 40);
const GREEN: egui::Color32 = egui::Color32::from_rgb(80, 150, 90);

/// A chart that stays put (no zoom, drag or scroll: read at a glance), from zero up.
fn fixed_plot(id: &str, x_label: &str) -> Plot<'static> {
    Plot::new(id)
        .height(140.0)
        .legend(Legend::default())
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .include_y(0.0)
        .x_axis_label(x_label.to_string())
}

/// One column of the period's steps as bars and another as a line, on one time axis.
fn bars_with_line(
    ui: &mut egui::Ui,
    id: &str,
    x_label: &str,
    steps: &[[f64; 4]],
    (bar_k, bar_name, colour): (usize, &str, egui::Color32),
    (line_k, line_name): (usize, &str),
) {
    let bars: Vec<Bar> = steps
        .iter()
        .enumerate()
        .map(|(i, v)| Bar::new(i as f64, v[bar_k]).width(0.8))
        .collect();
    let line: Vec<[f64; 2]> = steps
        .iter()
        .enumerate()
        .map(|(i, v)| [i as f64, v[line_k]])
        .collect();
    fixed_plot(id, x_label).show(ui, |p| {
        p.bar_chart(BarChart::new(bar_name, bars).color(colour));
        p.line(Line::new(line_name, line).color(ORANGE).width(2.0));
    });
}

/// A category's stable name as words.
fn category_name(name: &str, lang: Lang) -> String {
    PopupCategory::from_key(name)
        .map(|c| messages::category_label(c, lang).to_string())
        .unwrap_or_else(|| s::uncategorised(lang).to_string())
}

fn filter(f: Filter, lang: Lang) -> &'static str {
    match f {
        Filter::All => crate::i18n::s(lang, "gui-all"),
        Filter::Popups => crate::i18n::s(lang, "gui-pop-ups-2"),
        Filter::Emotion => crate::i18n::s(lang, "gui-emotion-analysis"),
        Filter::Calls => crate::i18n::s(lang, "gui-calls-2"),
        Filter::Strain => crate::i18n::s(lang, "gui-vocal-strain"),
        Filter::Speech => crate::i18n::s(lang, "gui-speech-measured"),
        Filter::SelfReports => crate::i18n::s(lang, "gui-reports"),
        Filter::Pauses => crate::i18n::s(lang, "gui-pauses"),
    }
}

/// A period's figures in one sentence.
fn period_summary(f: &Figures, lang: Lang) -> String {
    crate::t!(lang, "gui-period-summary",
        "popups" => f.popups,
        "emotion" => f.emotion,
        "contradicted" => f.contradicted,
        "strain" => f.strain,
        "calls" => f.calls,
        "phone" => f.phone_s / 3600.0,
        "present" => f.active_s / 3600.0)
}
