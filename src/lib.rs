//! Témoin: a call-centre worker's own record of the employer's surveillance, their workload and
//! their vocal strain, computed on their machine and kept encrypted there.
//!
//! Modules follow the data (see the README's architecture section): `events` is the one record
//! type; `vault` stores it encrypted; `messages` is where people-facing French and English live.

pub mod capture;
pub mod events;
pub mod evidence;
pub mod features;
pub mod gui;
pub mod i18n;
pub mod labels;
pub mod lang;
pub mod messages;
pub mod models;
pub mod paths;
pub mod phrases;
pub mod pipeline;
pub mod popups;
pub mod report;
pub mod selfreport;
pub mod settings;
pub mod speech;
pub mod vault;
pub mod voice;
pub mod witness;
pub mod workload;

/// The data flows one way: each module imports only those in layers below its own (and its
/// own). A new module must be given its place here.
#[cfg(test)]
mod layers {
    const LAYERS: &[&[&str]] = &[
        &["lang", "events", "paths", "models", "phrases"],
        &["i18n"],
        &["labels"],
        &["capture", "voice", "features", "speech"],
        &["popups"],
        &["workload", "selfreport"],
        &["settings"],
        &["vault"],
        &["pipeline"],
        &["evidence"],
        &["report", "witness"],
        &["messages"],
        &["gui"],
    ];

    fn layer(m: &str) -> Option<usize> {
        LAYERS.iter().position(|l| l.contains(&m))
    }

    /// Every `crate::x` a top-level module's files name (tests left out).
    fn imports() -> std::collections::BTreeMap<String, std::collections::BTreeSet<String>> {
        fn walk(dir: &std::path::Path, top: Option<&str>, out: &mut Vec<(String, String)>) {
            for e in std::fs::read_dir(dir).unwrap().flatten() {
                let p = e.path();
                let name = p.file_stem().unwrap().to_string_lossy().to_string();
                let here = top.map_or(name.clone(), str::to_string);
                if p.is_dir() {
                    walk(&p, Some(&here), out);
                } else if p.extension().is_some_and(|x| x == "rs") && here != "lib" {
                    let text = std::fs::read_to_string(&p).unwrap();
                    let code = text.split("#[cfg(test)]").next().unwrap_or("").to_string();
                    out.push((here, code));
                }
            }
        }
        let mut files = Vec::new();
        walk(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            None,
            &mut files,
        );
        let mut out: std::collections::BTreeMap<_, std::collections::BTreeSet<_>> =
            Default::default();
        for (module, code) in files {
            if module == "main" || module == "cli" {
                continue;
            }
            let name = |s: &str| -> String {
                s.trim_start()
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect()
            };
            for part in code.split("crate::").skip(1) {
                // `crate::{a, b::c}` names every first segment inside the braces.
                let targets: Vec<String> = match part.strip_prefix('{') {
                    Some(inner) => {
                        let mut depth = 0;
                        let end = inner
                            .char_indices()
                            .find(|&(_, c)| {
                                depth += i32::from(c == '{') - i32::from(c == '}');
                                depth < 0
                            })
                            .map_or(inner.len(), |(i, _)| i);
                        let mut depth = 0;
                        inner[..end]
                            .split(|c| {
                                depth += i32::from(c == '{') - i32::from(c == '}');
                                c == ',' && depth == 0
                            })
                            .map(name)
                            .collect()
                    }
                    None => vec![name(part)],
                };
                for target in targets {
                    if target != module && target != "t" && !target.is_empty() {
                        out.entry(module.clone()).or_default().insert(target);
                    }
                }
            }
        }
        out
    }

    #[test]
    fn no_module_imports_one_above_it() {
        let mut wrong = Vec::new();
        for (module, targets) in imports() {
            let Some(own) = layer(&module) else {
                wrong.push(format!("{module} has no layer"));
                continue;
            };
            for t in targets {
                match layer(&t) {
                    Some(l) if l < own => {}
                    Some(_) => wrong.push(format!("{module} imports {t}")),
                    None => wrong.push(format!("{module} imports {t}, which has no layer")),
                }
            }
        }
        assert!(wrong.is_empty(), "{wrong:#?}");
    }
}
