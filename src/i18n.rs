//! Every sentence people read comes from the Fluent files `assets/i18n/fr.ftl` and `en.ftl`
//! (Project Fluent: plural rules of each language, arguments by name), built into the program.
//! Numbers are written as each language writes them (« 1 234,5 » in French, "1,234.5" in English),
//! dates one way everywhere ([`date`]). `tests` check that both files have the same messages with
//! the same arguments, and that every message formats without error.
//!
//! `t!(lang, "id")`, `t!(lang, "id", "count" => 3, "file" => path)`.

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::types::FluentNumber;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

pub use crate::lang::Lang;

const FR: &str = include_str!("../assets/i18n/fr.ftl");
const EN: &str = include_str!("../assets/i18n/en.ftl");

pub fn source(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => FR,
        Lang::En => EN,
    }
}

type Bundle = FluentBundle<FluentResource>;

fn bundles() -> &'static [Bundle; 2] {
    static B: OnceLock<[Bundle; 2]> = OnceLock::new();
    B.get_or_init(|| Lang::ALL.map(build))
}

fn build(lang: Lang) -> Bundle {
    let resource = FluentResource::try_new(source(lang).to_string())
        .unwrap_or_else(|(_, e)| panic!("{}.ftl does not parse: {e:?}", lang.tag()));
    let id = match lang {
        Lang::Fr => unic_langid::langid!("fr"),
        Lang::En => unic_langid::langid!("en"),
    };
    let mut b = FluentBundle::new_concurrent(vec![id]);
    // Terminals and the window show the text as is: no invisible direction marks around values.
    b.set_use_isolating(false);
    b.add_builtins()
        .expect("NUMBER and the other built-in functions");
    b.set_formatter(Some(match lang {
        Lang::Fr => format_fr,
        Lang::En => format_en,
    }));
    b.add_resource(resource)
        .unwrap_or_else(|e| panic!("{}.ftl: {e:?}", lang.tag()));
    b
}

fn format_fr<M>(v: &FluentValue, _: &M) -> Option<String> {
    number_of(v).map(|n| number(Lang::Fr, n))
}

fn format_en<M>(v: &FluentValue, _: &M) -> Option<String> {
    number_of(v).map(|n| number(Lang::En, n))
}

fn number_of<'a>(v: &'a FluentValue) -> Option<&'a FluentNumber> {
    match v {
        FluentValue::Number(n) => Some(n),
        _ => None,
    }
}

/// A number as the language writes it: its decimal separator, thousands grouped (French with a
/// narrow no-break space), the fraction digits the message asks for (`NUMBER($x,
/// maximumFractionDigits: 1)`), none by default beyond what the value has.
pub fn number(lang: Lang, n: &FluentNumber) -> String {
    let max = n.options.maximum_fraction_digits.unwrap_or(3);
    let min = n.options.minimum_fraction_digits.unwrap_or(0).min(max);
    let mut s = format!("{:.*}", max, n.value.abs());
    if let Some(dot) = s.find('.') {
        let keep = s[dot + 1..].trim_end_matches('0').len().max(min);
        s.truncate(if keep == 0 { dot } else { dot + 1 + keep });
    }
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i.to_string(), Some(f.to_string())),
        None => (s.clone(), None),
    };
    let (group, decimal) = match lang {
        Lang::Fr => ('\u{202f}', ','),
        Lang::En => (',', '.'),
    };
    let mut grouped = String::new();
    let digits: Vec<char> = int.chars().collect();
    for (i, c) in digits.iter().enumerate() {
        if i > 0
            && (digits.len() - i).is_multiple_of(3)
            && n.options.use_grouping
            && digits.len() > 4
        {
            grouped.push(group);
        }
        grouped.push(*c);
    }
    // A value that rounds to zero has no sign.
    let nonzero = grouped.chars().any(|c| c.is_ascii_digit() && c != '0')
        || frac.as_deref().is_some_and(|f| f.chars().any(|c| c != '0'));
    let negative = n.value < 0.0 && nonzero;
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    out.push_str(&grouped);
    if let Some(f) = frac {
        out.push(decimal);
        out.push_str(&f);
    }
    out
}

/// A number with at most `digits` decimals, as the language writes it (for tables and values
/// shown alone; in sentences, messages format their own).
pub fn num(lang: Lang, v: f64, digits: usize) -> String {
    use fluent_bundle::types::FluentNumberOptions;
    number(
        lang,
        &FluentNumber::new(
            v,
            FluentNumberOptions {
                minimum_fraction_digits: Some(digits),
                maximum_fraction_digits: Some(digits),
                use_grouping: true,
                ..Default::default()
            },
        ),
    )
}

/// A value given to a message.
pub enum Arg {
    Text(String),
    Number(f64),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_string())
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}
impl From<&String> for Arg {
    fn from(s: &String) -> Self {
        Arg::Text(s.clone())
    }
}
impl From<&std::path::Path> for Arg {
    fn from(p: &std::path::Path) -> Self {
        Arg::Text(p.display().to_string())
    }
}
impl From<&std::path::PathBuf> for Arg {
    fn from(p: &std::path::PathBuf) -> Self {
        Arg::Text(p.display().to_string())
    }
}
macro_rules! numbers {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Self {
                Arg::Number(n as f64)
            }
        }
    )*};
}
numbers!(u8, u16, u32, u64, usize, i32, i64, f32, f64);

/// A figure that may be withheld (a council's cell from fewer than five people): the messages
/// select `[hidden]` for it.
impl From<Option<f64>> for Arg {
    fn from(n: Option<f64>) -> Self {
        n.map_or(Arg::Text("hidden".into()), Arg::Number)
    }
}

/// The message `id` in `lang`, with its arguments.
pub fn text(lang: Lang, id: &str, args: &[(&str, Arg)]) -> String {
    let bundle = &bundles()[match lang {
        Lang::Fr => 0,
        Lang::En => 1,
    }];
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        // A missing message is a bug the tests catch; people still get something to read.
        return id.to_string();
    };
    let mut fa = FluentArgs::new();
    for (k, v) in args {
        match v {
            Arg::Text(s) => fa.set(*k, FluentValue::from(s.clone())),
            Arg::Number(n) => fa.set(*k, FluentValue::from(*n)),
        }
    }
    let mut errors = Vec::new();
    let out = bundle.format_pattern(pattern, Some(&fa), &mut errors);
    out.into_owned()
}

/// A message without arguments, as a `&'static str`: each is formatted once and kept (a few
/// hundred short texts), so it serves wherever a fixed label does.
pub fn s(lang: Lang, id: &'static str) -> &'static str {
    use std::collections::HashMap;
    use std::sync::Mutex;
    type Cache = Mutex<HashMap<(Lang, &'static str), &'static str>>;
    static CACHE: OnceLock<Cache> = OnceLock::new();
    let mut cache = CACHE
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|p| p.into_inner());
    cache
        .entry((lang, id))
        .or_insert_with(|| Box::leak(text(lang, id, &[]).into_boxed_str()))
}

/// `t!(lang, "id")` or `t!(lang, "id", "name" => value, …)`: the message as a `String`.
#[macro_export]
macro_rules! t {
    ($lang:expr, $id:literal) => {
        $crate::i18n::text($lang, $id, &[])
    };
    ($lang:expr, $id:literal, $($k:literal => $v:expr),+ $(,)?) => {
        $crate::i18n::text($lang, $id, &[$(($k, $crate::i18n::Arg::from($v))),+])
    };
}

/// A date, one way everywhere: « 30/11/2026 » in French, "2026-11-30" in English.
pub fn date(lang: Lang, d: chrono::NaiveDate) -> String {
    match lang {
        Lang::Fr => d.format("%d/%m/%Y").to_string(),
        Lang::En => d.format("%Y-%m-%d").to_string(),
    }
}

/// A date and time of day, as [`date`] and « 14:03 ».
pub fn date_time<Tz: chrono::TimeZone>(lang: Lang, t: &chrono::DateTime<Tz>) -> String
where
    Tz::Offset: std::fmt::Display,
{
    format!("{} {}", date(lang, t.date_naive()), t.format("%H:%M"))
}

/// A date as a person types it: « 30/11/2026 » or "2026-11-30" in either language.
pub fn parse_date(s: &str) -> Option<chrono::NaiveDate> {
    let s = s.trim();
    chrono::NaiveDate::parse_from_str(s, "%d/%m/%Y")
        .or_else(|_| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d"))
        .ok()
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use fluent_bundle::FluentResource;
    use fluent_bundle::types::FluentNumberOptions;
    use fluent_syntax::ast;

    use super::*;

    /// Each message's variables (`$name`), in the message and its selectors.
    fn variables(lang: Lang) -> BTreeMap<String, BTreeSet<String>> {
        let res = FluentResource::try_new(source(lang).to_string()).unwrap();
        let mut out = BTreeMap::new();
        for entry in res.entries() {
            if let ast::Entry::Message(m) = entry {
                let mut vars = BTreeSet::new();
                if let Some(p) = &m.value {
                    pattern_vars(p, &mut vars);
                }
                out.insert(m.id.name.to_string(), vars);
            }
        }
        out
    }

    fn pattern_vars(p: &ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
        for e in &p.elements {
            if let ast::PatternElement::Placeable { expression } = e {
                expression_vars(expression, vars);
            }
        }
    }

    fn expression_vars(e: &ast::Expression<&str>, vars: &mut BTreeSet<String>) {
        match e {
            ast::Expression::Inline(i) => inline_vars(i, vars),
            ast::Expression::Select { selector, variants } => {
                inline_vars(selector, vars);
                for v in variants {
                    pattern_vars(&v.value, vars);
                }
            }
        }
    }

    fn inline_vars(i: &ast::InlineExpression<&str>, vars: &mut BTreeSet<String>) {
        match i {
            ast::InlineExpression::VariableReference { id } => {
                vars.insert(id.name.to_string());
            }
            ast::InlineExpression::FunctionReference { arguments, .. } => {
                for a in &arguments.positional {
                    inline_vars(a, vars);
                }
            }
            ast::InlineExpression::Placeable { expression } => expression_vars(expression, vars),
            _ => {}
        }
    }

    #[test]
    fn both_languages_have_the_same_messages_with_the_same_arguments() {
        let fr = variables(Lang::Fr);
        let en = variables(Lang::En);
        let only_fr: Vec<&String> = fr.keys().filter(|k| !en.contains_key(*k)).collect();
        let only_en: Vec<&String> = en.keys().filter(|k| !fr.contains_key(*k)).collect();
        assert!(only_fr.is_empty(), "only in French: {only_fr:?}");
        assert!(only_en.is_empty(), "only in English: {only_en:?}");
        for (id, vars) in &fr {
            assert_eq!(
                vars, &en[id],
                "{id}: the two languages use different arguments"
            );
        }
    }

    #[test]
    fn every_message_formats_without_error_in_both_languages() {
        for lang in Lang::ALL {
            let bundle = &bundles()[if lang == Lang::Fr { 0 } else { 1 }];
            for (id, vars) in variables(lang) {
                let msg = bundle.get_message(&id).unwrap();
                let pattern = msg.value().unwrap();
                for value in [0.0, 1.0, 2.0, 1234.5] {
                    let mut args = FluentArgs::new();
                    for v in &vars {
                        args.set(v.clone(), FluentValue::from(value));
                    }
                    let mut errors = Vec::new();
                    let out = bundle.format_pattern(pattern, Some(&args), &mut errors);
                    assert!(errors.is_empty(), "{}: {id}: {errors:?}", lang.tag());
                    assert!(!out.trim().is_empty(), "{}: {id} is empty", lang.tag());
                }
            }
        }
    }

    #[test]
    fn every_message_is_used_by_the_code() {
        fn sources(dir: &std::path::Path, out: &mut String) {
            for e in std::fs::read_dir(dir).unwrap().flatten() {
                let p = e.path();
                if p.is_dir() {
                    sources(&p, out);
                } else if p.extension().is_some_and(|x| x == "rs") {
                    out.push_str(&std::fs::read_to_string(&p).unwrap());
                }
            }
        }
        let mut code = String::new();
        sources(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &mut code,
        );
        let unused: Vec<String> = variables(Lang::Fr)
            .into_keys()
            // The command line's help is looked up by command and option (cli::help checks it).
            .filter(|id| !id.starts_with("help-temoin"))
            .filter(|id| !code.contains(&format!("\"{id}\"")))
            .collect();
        assert!(unused.is_empty(), "messages no code uses: {unused:?}");
    }

    #[test]
    fn numbers_are_written_as_each_language_writes_them() {
        let n = |v: f64, max: usize| {
            FluentNumber::new(
                v,
                FluentNumberOptions {
                    maximum_fraction_digits: Some(max),
                    use_grouping: true,
                    ..Default::default()
                },
            )
        };
        assert_eq!(number(Lang::Fr, &n(1234.5, 1)), "1234,5");
        assert_eq!(number(Lang::Fr, &n(12345.26, 1)), "12\u{202f}345,3");
        assert_eq!(number(Lang::En, &n(12345.26, 1)), "12,345.3");
        assert_eq!(number(Lang::Fr, &n(3.0, 1)), "3");
        assert_eq!(number(Lang::Fr, &n(-0.04, 1)), "0");
        assert_eq!(number(Lang::En, &n(0.5, 0)), "0");
    }

    #[test]
    fn french_plurals_take_one_for_zero_and_one() {
        // The test message exists in both files for this purpose.
        assert_eq!(t!(Lang::Fr, "test-events", "count" => 0), "0 événement");
        assert_eq!(t!(Lang::Fr, "test-events", "count" => 1), "1 événement");
        assert_eq!(t!(Lang::Fr, "test-events", "count" => 2), "2 événements");
        assert_eq!(t!(Lang::En, "test-events", "count" => 0), "0 events");
        assert_eq!(t!(Lang::En, "test-events", "count" => 1), "1 event");
        assert_eq!(
            t!(Lang::Fr, "test-events", "count" => 12345),
            "12\u{202f}345 événements"
        );
    }

    #[test]
    fn dates_are_read_either_way_and_written_one_way() {
        let d = chrono::NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
        assert_eq!(parse_date("29/11/2026"), Some(d));
        assert_eq!(parse_date("2026-11-29"), Some(d));
        assert_eq!(parse_date("29-11-2026"), None);
        assert_eq!(date(Lang::Fr, d), "29/11/2026");
        assert_eq!(date(Lang::En, d), "2026-11-29");
    }
}
