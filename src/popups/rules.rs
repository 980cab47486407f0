//! The pop-up rules: a TOML file the worker edits (`popups.toml` beside the settings; the shipped
//! one is `assets/popups.toml`). Which sources run, which windows and notifications are pop-ups,
//! what to ignore, and the phrases that classify a text. A bad file is reported with its line and
//! column and the rules in force stay in force ([`RulesFile`]).

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use serde::Deserialize;

use crate::events::PopupCategory;
use crate::phrases::{Phrase, Words, find_all, normalise, sort_longest_first};

const DEFAULT: &str = include_str!("../../assets/popups.toml");

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum RulesError {
    #[error("cannot read the pop-up rules {path}: {reason}")]
    Unreadable { path: PathBuf, reason: String },
    #[error("the pop-up rules {path} are not valid at line {line}, column {column}: {reason}")]
    Invalid {
        path: PathBuf,
        line: usize,
        column: usize,
        reason: String,
    },
}

/// What part of a pop-up's text is kept in the vault.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum KeepText {
    /// The text, customer identifiers masked.
    #[default]
    Complet,
    /// The category, flag and reasons only.
    Categorie,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SourcesConfig {
    pub fenetres: bool,
    pub notifications: bool,
    /// "Ctrl+Alt+P"; empty for none.
    pub raccourci: String,
    pub ocr: bool,
    /// Toasts of web pages and Electron apps, heard on the accessibility bus (switched on).
    pub pages: bool,
    /// What the browser extension hears, passed on by its host.
    pub extension: bool,
    pub texte: KeepText,
}

impl Default for SourcesConfig {
    fn default() -> Self {
        Self {
            fenetres: true,
            notifications: true,
            raccourci: "Ctrl+Alt+P".into(),
            ocr: false,
            pages: true,
            extension: true,
            texte: KeepText::Complet,
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct MatchFile {
    classe: Vec<String>,
    appli: Vec<String>,
    titre: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CategoryFile {
    nom: PopupCategory,
    #[serde(default)]
    emotion: bool,
    #[serde(default)]
    fr: Vec<String>,
    #[serde(default)]
    en: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct PhrasesFile {
    fr: Vec<String>,
    en: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct CallFile {
    classe: Vec<String>,
    en_appel: Vec<String>,
    post_appel: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    sources: SourcesConfig,
    #[serde(default = "yes")]
    tout_texte_reconnu: bool,
    #[serde(default)]
    surveiller: Vec<MatchFile>,
    #[serde(default)]
    ignorer: MatchFile,
    #[serde(default)]
    categorie: Vec<CategoryFile>,
    #[serde(default)]
    emotion: PhrasesFile,
    #[serde(default)]
    appel: CallFile,
}

fn yes() -> bool {
    true
}

fn phrases<'a>(list: impl IntoIterator<Item = &'a String>) -> Vec<Phrase> {
    let mut p: Vec<Phrase> = list.into_iter().filter_map(|s| Phrase::parse(s)).collect();
    sort_longest_first(&mut p);
    p
}

/// Patterns on a window class, an application name or a title.
#[derive(Debug, Clone, Default)]
pub struct Matcher {
    class: Vec<Phrase>,
    app: Vec<Phrase>,
    title: Vec<Phrase>,
}

impl Matcher {
    fn from_file(m: &MatchFile) -> Self {
        Self {
            class: phrases(&m.classe),
            app: phrases(&m.appli),
            title: phrases(&m.titre),
        }
    }

    /// True when any of the given fields holds one of its phrases.
    pub fn matches(&self, class: Option<&str>, app: Option<&str>, title: Option<&str>) -> bool {
        let hit = |ps: &[Phrase], field: Option<&str>| {
            field.is_some_and(|f| !ps.is_empty() && !find_all(ps, &normalise(f)).is_empty())
        };
        hit(&self.class, class) || hit(&self.app, app) || hit(&self.title, title)
    }
}

/// The softphone's window, where the worker describes it: its class, and the titles it shows
/// during a call and during wrap-up.
#[derive(Debug, Clone, Default)]
pub struct CallWindowRule {
    class: Vec<Phrase>,
    in_call: Vec<Phrase>,
    wrap_up: Vec<Phrase>,
}

/// What the softphone's window says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CallWindowState {
    InCall,
    WrapUp,
    /// The softphone, neither in a call nor in wrap-up.
    Idle,
}

impl CallWindowRule {
    /// `None`: not the softphone (or no rule set).
    pub fn state(&self, class: Option<&str>, title: Option<&str>) -> Option<CallWindowState> {
        if self.in_call.is_empty() {
            return None;
        }
        let has = |ps: &[Phrase], f: Option<&str>| {
            f.is_some_and(|f| !find_all(ps, &normalise(f)).is_empty())
        };
        let softphone = !self.class.is_empty() && has(&self.class, class);
        if !self.class.is_empty() && !softphone {
            return None;
        }
        if has(&self.in_call, title) {
            Some(CallWindowState::InCall)
        } else if has(&self.wrap_up, title) {
            Some(CallWindowState::WrapUp)
        } else {
            softphone.then_some(CallWindowState::Idle)
        }
    }
}

/// A category and the phrases that show it.
#[derive(Debug, Clone)]
pub struct CategoryRule {
    pub category: PopupCategory,
    pub emotion: bool,
    pub phrases: Vec<Phrase>,
}

/// Rules in force.
#[derive(Debug, Clone)]
pub struct Rules {
    pub sources: SourcesConfig,
    /// Record any window or notification whose text is a recognised cue.
    pub any_recognised: bool,
    pub watch: Vec<Matcher>,
    pub ignore: Matcher,
    /// In priority order.
    pub categories: Vec<CategoryRule>,
    pub emotion: Vec<Phrase>,
    /// Calls from the softphone's window, where the worker set it up.
    pub call_window: CallWindowRule,
}

impl Default for Rules {
    fn default() -> Self {
        Self::parse(DEFAULT, Path::new("assets/popups.toml")).expect("shipped rules are valid")
    }
}

impl Rules {
    /// The worker's rules file beside the settings.
    pub fn user_path() -> Option<PathBuf> {
        crate::paths::beside("popups.toml")
    }

    /// The shipped rules, as text (to copy and edit).
    pub fn default_text() -> &'static str {
        DEFAULT
    }

    /// Parses a rules file. The sections it has replace the shipped ones (`[sources]` key by
    /// key); those it lacks keep the shipped rules, so `[sources]\nocr = true` is a whole file.
    pub fn parse(text: &str, path: &Path) -> Result<Self, RulesError> {
        let invalid = |e: toml::de::Error| {
            let (line, column) = e
                .span()
                .map_or((0, 0), |s| line_column(text, s.start.min(text.len())));
            RulesError::Invalid {
                path: path.to_path_buf(),
                line,
                column,
                reason: e.message().trim().to_string(),
            }
        };
        // Checked as written first, so a mistake is reported where it is in the worker's file.
        let _: File = toml::from_str(text).map_err(invalid)?;
        let own: toml::Table = toml::from_str(text).map_err(invalid)?;
        let mut merged: toml::Table = toml::from_str(DEFAULT).expect("shipped rules parse");
        for (key, value) in own {
            match (merged.get_mut(&key), value) {
                (Some(toml::Value::Table(shipped)), toml::Value::Table(mine))
                    if key == "sources" =>
                {
                    shipped.extend(mine);
                }
                (_, value) => {
                    merged.insert(key, value);
                }
            }
        }
        let file: File = merged.try_into().map_err(invalid)?;
        Ok(Self {
            sources: file.sources,
            any_recognised: file.tout_texte_reconnu,
            watch: file.surveiller.iter().map(Matcher::from_file).collect(),
            ignore: Matcher::from_file(&file.ignorer),
            categories: file
                .categorie
                .iter()
                .map(|c| CategoryRule {
                    category: c.nom,
                    emotion: c.emotion,
                    phrases: phrases(c.fr.iter().chain(&c.en)),
                })
                .collect(),
            emotion: phrases(file.emotion.fr.iter().chain(&file.emotion.en)),
            call_window: CallWindowRule {
                class: phrases(&file.appel.classe),
                in_call: phrases(&file.appel.en_appel),
                wrap_up: phrases(&file.appel.post_appel),
            },
        })
    }

    /// Loads `path`, or the shipped rules when there is no such file.
    pub fn load(path: Option<&Path>) -> Result<Self, RulesError> {
        let own = crate::paths::read_own_file(path).map_err(|e| RulesError::Unreadable {
            path: path.map(Path::to_path_buf).unwrap_or_default(),
            reason: e.to_string(),
        })?;
        match (own, path) {
            (Some(text), Some(p)) => Self::parse(&text, p),
            _ => Ok(Self::default()),
        }
    }

    /// Whether a window or notification is to be recorded, before its text is classified:
    /// `Some(true)` always (a watched tool), `Some(false)` never (ignored), `None` if its text
    /// decides.
    pub fn decide(
        &self,
        class: Option<&str>,
        app: Option<&str>,
        title: Option<&str>,
    ) -> Option<bool> {
        if self.ignore.matches(class, app, title) {
            Some(false)
        } else if self.watch.iter().any(|m| m.matches(class, app, title)) {
            Some(true)
        } else {
            None
        }
    }

    /// The categories' matches in `words`, in priority order.
    pub(crate) fn first_category(
        &self,
        words: &Words,
    ) -> Option<(&CategoryRule, Vec<std::ops::Range<usize>>)> {
        self.categories.iter().find_map(|c| {
            let m = find_all(&c.phrases, words);
            (!m.is_empty()).then(|| (c, m.into_iter().map(|m| m.words).collect()))
        })
    }
}

/// 1-based line and column (in characters) of a byte offset.
fn line_column(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// The rules file in force, reloaded when it changes; a bad edit keeps the previous rules.
#[derive(Debug)]
pub struct RulesFile {
    path: Option<PathBuf>,
    stamp: Option<SystemTime>,
    rules: Rules,
    /// The worker chose to log pop-ups only by hand: nothing on screen is watched.
    manual_only: bool,
    /// The worker chose not to have web pages read (nor the desktop's accessibility switched on).
    no_pages: bool,
}

impl RulesFile {
    /// Loads the file; an invalid file is an error here, as the worker is there to fix it.
    pub fn open(path: Option<PathBuf>) -> Result<Self, RulesError> {
        let rules = Rules::load(path.as_deref())?;
        let stamp = path.as_deref().and_then(modified);
        Ok(Self {
            path,
            stamp,
            rules,
            manual_only: false,
            no_pages: false,
        })
    }

    /// These rules without the web pages' toasts (the worker turned them off).
    pub fn without_pages(mut self) -> Self {
        self.no_pages = true;
        self.apply_choice();
        self
    }

    /// These rules with every screen watcher off (the hotkey stays): pop-ups by hand only.
    pub fn manual_only(mut self) -> Self {
        self.manual_only = true;
        self.apply_choice();
        self
    }

    fn apply_choice(&mut self) {
        let s = &mut self.rules.sources;
        if self.manual_only {
            (s.fenetres, s.notifications, s.ocr, s.pages, s.extension) =
                (false, false, false, false, false);
        }
        if self.no_pages {
            s.pages = false;
        }
    }

    pub fn rules(&self) -> &Rules {
        &self.rules
    }

    /// Reloads if the file changed. `Err` says why the new version was refused; the rules in
    /// force are unchanged then.
    pub fn refresh(&mut self) -> Result<bool, RulesError> {
        let stamp = self.path.as_deref().and_then(modified);
        if stamp == self.stamp {
            return Ok(false);
        }
        self.stamp = stamp;
        self.rules = Rules::load(self.path.as_deref())?;
        self.apply_choice();
        Ok(true)
    }
}

fn modified(p: &Path) -> Option<SystemTime> {
    std::fs::metadata(p).and_then(|m| m.modified()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bad_file_says_where_and_the_previous_rules_stay() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("popups.toml");
        std::fs::write(&path, "[sources]\nocr = true\n").unwrap();
        let mut file = RulesFile::open(Some(path.clone())).unwrap();
        assert!(file.rules().sources.ocr);
        std::thread::sleep(std::time::Duration::from_millis(20));
        std::fs::write(
            &path,
            "[sources]\nocr = true\n\n[[categorie]]\nnom = \"vitesse\"\n",
        )
        .unwrap();
        let err = file.refresh().unwrap_err();
        match &err {
            RulesError::Invalid { line, column, .. } => assert_eq!((*line, *column), (5, 7)),
            other => panic!("{other:?}"),
        }
        assert!(file.rules().sources.ocr, "previous rules kept");
        // Unchanged since the refused edit: not re-read, still in force.
        assert!(!file.refresh().unwrap());
    }

    #[test]
    fn a_partial_file_keeps_the_shipped_rules_it_does_not_replace() {
        let r = Rules::parse("[sources]\nocr = true\n", Path::new("p.toml")).unwrap();
        assert!(r.sources.ocr && r.sources.fenetres);
        assert_eq!(r.sources.raccourci, "Ctrl+Alt+P");
        assert_eq!(r.categories.len(), Rules::default().categories.len());
        let r = Rules::parse(
            "[[surveiller]]\nclasse = [\"monoutil\"]\n",
            Path::new("p.toml"),
        )
        .unwrap();
        assert_eq!(r.decide(Some("monoutil"), None, None), Some(true));
        assert_eq!(
            r.decide(Some("cogito"), None, None),
            None,
            "the list was replaced"
        );
    }

    #[test]
    fn watched_tools_and_ignored_apps() {
        let r = Rules::default();
        assert_eq!(
            r.decide(Some("CallMiner.Agent"), None, Some("x")),
            Some(true)
        );
        assert_eq!(r.decide(None, Some("Cogito Dialog"), None), Some(true));
        assert_eq!(
            r.decide(Some("temoin"), None, Some("Coaching")),
            Some(false)
        );
        assert_eq!(r.decide(Some("firefox"), None, Some("Météo")), None);
    }
}
