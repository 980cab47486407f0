//! `temoin witness`: the works council's witness (init, enrol a worker's log, serve, status), and
//! the worker's side (add, remove, list, submit).

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Subcommand;
use temoin::messages::{self, Lang};
use temoin::settings::AddedWitness;
use temoin::vault::Vault;
use temoin::witness::client::{self, ClientError, Failure, Outcome, Target};
use temoin::witness::{StoreError, Witness};

#[derive(Subcommand)]
pub(crate) enum WitnessAction {
    /// Crée le témoin dans un dossier et affiche sa clé / create the witness in a folder and print
    /// its key.
    Init {
        /// Dossier du témoin / the witness's folder.
        dir: PathBuf,
        /// Nom du témoin, sans espace (par exemple cse-acme.example/temoin) / the witness's name.
        #[arg(long)]
        name: String,
    },
    /// Inscrit le journal d'un salarié, en personne : sa clé ou son point de contrôle (texte ou
    /// fichier) / enrol a worker's log, in person: its key or its checkpoint.
    Enroll {
        dir: PathBuf,
        /// La clé du journal, ou le point de contrôle (texte ou fichier) / the log's key or checkpoint.
        given: String,
    },
    /// Sert le témoin en HTTP (c2sp.org/tlog-witness) / serve the witness over HTTP.
    Serve {
        dir: PathBuf,
        /// Adresse d'écoute / address to listen on.
        #[arg(long, default_value = "127.0.0.1:7380")]
        listen: SocketAddr,
    },
    /// Les journaux inscrits : taille et date de la dernière contre-signature / the logs enrolled.
    Status {
        dir: PathBuf,
        /// Sortie JSON / JSON output.
        #[arg(long)]
        json: bool,
    },
    /// Ajoute le témoin du CSE à qui envoyer vos points de contrôle / add the council's witness.
    Add {
        /// Adresse du témoin (http:// ou https://) / the witness's address.
        url: String,
        /// Clé du témoin / the witness's key.
        key: String,
    },
    /// Retire un témoin / remove a witness.
    Remove {
        /// Adresse du témoin / the witness's address.
        url: String,
    },
    /// Vos témoins et la clé de votre journal / your witnesses and your log's key.
    List,
    /// Envoie maintenant un point de contrôle à vos témoins / submit a checkpoint now.
    Submit,
}

fn store_error(e: StoreError, lang: Lang) -> anyhow::Error {
    let said = match &e {
        StoreError::Missing(d) => temoin::t!(lang, "witness-missing", "dir" => d),
        StoreError::Exists(d) => temoin::t!(lang, "witness-exists", "dir" => d),
        StoreError::BadName => temoin::i18n::s(lang, "witness-bad-name").to_string(),
        other => temoin::messages::with_detail(
            temoin::i18n::s(lang, "witness-store").to_string(),
            &other.to_string(),
            lang,
        ),
    };
    crate::cli::common::explained(said)
}

pub(crate) fn run(
    action: WitnessAction,
    vault: impl Fn() -> anyhow::Result<PathBuf>,
    lang: Lang,
) -> anyhow::Result<ExitCode> {
    match action {
        WitnessAction::Add { url, key } => return add(&vault()?, url, key, lang),
        WitnessAction::Remove { url } => return remove(url, lang),
        WitnessAction::List => return list(&vault()?, lang),
        WitnessAction::Submit => return submit(&vault()?, lang),
        WitnessAction::Init { dir, name } => {
            let w = Witness::create(&dir, &name).map_err(|e| store_error(e, lang))?;
            println!("{}", temoin::t!(lang, "witness-created", "dir" => &dir));
            println!("{}", w.vkey().to_text());
        }
        WitnessAction::Enroll { dir, given } => {
            let w = Witness::open(&dir).map_err(|e| store_error(e, lang))?;
            let text = match std::fs::read_to_string(&given) {
                Ok(t) if std::path::Path::new(&given).is_file() => t,
                _ => given,
            };
            match w.enroll(&text) {
                Ok(origin) => {
                    println!(
                        "{}",
                        temoin::t!(lang, "witness-enrolled", "origin" => origin)
                    )
                }
                Err(_) => {
                    return Err(crate::cli::common::explained(
                        temoin::i18n::s(lang, "witness-not-a-log-key").to_string(),
                    ));
                }
            }
        }
        WitnessAction::Serve { dir, listen } => {
            let w = Witness::open(&dir).map_err(|e| store_error(e, lang))?;
            let key = w.vkey().to_text();
            temoin::witness::serve(w, listen, |addr| {
                println!(
                    "{}",
                    temoin::t!(lang, "witness-serving", "addr" => addr.to_string())
                );
                println!("{key}");
            })?;
        }
        WitnessAction::Status { dir, json } => {
            let w = Witness::open(&dir).map_err(|e| store_error(e, lang))?;
            let logs = w.logs().map_err(|e| store_error(e, lang))?;
            for l in &logs {
                if json {
                    let at = chrono::DateTime::from_timestamp(l.time as i64, 0)
                        .filter(|_| l.time > 0)
                        .map(|t| t.to_rfc3339());
                    println!(
                        "{}",
                        serde_json::json!({"origin": l.origin, "size": l.size, "cosigned": at})
                    );
                } else {
                    println!(
                        "{}",
                        temoin::t!(lang, "witness-log-line",
                            "origin" => &l.origin,
                            "size" => l.size,
                            "at" => messages::cosigned_time(lang, l.time)
                                .unwrap_or_else(|| "—".into()))
                    );
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn client_error(e: ClientError, lang: Lang) -> anyhow::Error {
    match e {
        ClientError::Vault(v) => v.into(),
        e => crate::cli::common::explained(temoin::messages::client_error(&e, lang)),
    }
}

fn add(path: &Path, url: String, key: String, lang: Lang) -> anyhow::Result<ExitCode> {
    let added = AddedWitness { url, key };
    let target = Target::of(&added).map_err(|e| client_error(e, lang))?;
    let mut vault = Vault::open(path)?;
    let log = client::log_vkey(&mut vault)?;
    let mut settings = crate::cli::common::settings(lang);
    settings
        .witnesses
        .retain(|w| Target::of(w).map_or(true, |t| t.url != target.url && t.key != target.key));
    settings.witnesses.push(AddedWitness {
        url: target.url.clone(),
        key: target.key.to_text(),
    });
    crate::cli::common::save_settings(&settings, lang)?;
    println!(
        "{}",
        temoin::t!(lang, "witness-added", "witness" => &target.key.name, "url" => &target.url)
    );
    println!("{log}");
    println!("{}", temoin::i18n::s(lang, "witness-what-leaves"));
    Ok(ExitCode::SUCCESS)
}

fn remove(url: String, lang: Lang) -> anyhow::Result<ExitCode> {
    let mut settings = crate::cli::common::settings(lang);
    let url = url.trim().trim_end_matches('/').to_string();
    let before = settings.witnesses.len();
    settings
        .witnesses
        .retain(|w| w.url.trim_end_matches('/') != url);
    if settings.witnesses.len() == before {
        return Err(crate::cli::common::explained(temoin::t!(
            lang, "witness-not-added", "url" => &url
        )));
    }
    crate::cli::common::save_settings(&settings, lang)?;
    println!("{}", temoin::t!(lang, "witness-removed", "url" => &url));
    Ok(ExitCode::SUCCESS)
}

fn list(path: &Path, lang: Lang) -> anyhow::Result<ExitCode> {
    let settings = crate::cli::common::settings(lang);
    if settings.witnesses.is_empty() {
        println!("{}", temoin::i18n::s(lang, "witness-none"));
        return Ok(ExitCode::SUCCESS);
    }
    let mut vault = Vault::open(path)?;
    for line in messages::witnesses(
        &settings.witnesses,
        &vault.cosigned()?,
        &vault.tries()?,
        lang,
    ) {
        println!("{line}");
    }
    println!("{}", temoin::i18n::s(lang, "witness-your-log-key"));
    println!("{}", client::log_vkey(&mut vault)?);
    Ok(ExitCode::SUCCESS)
}

fn submit(path: &Path, lang: Lang) -> anyhow::Result<ExitCode> {
    let settings = crate::cli::common::settings(lang);
    let mut vault = Vault::open(path)?;
    let mut rows = temoin::evidence::rows::Rows::default();
    let outcomes = client::submit(&mut vault, &mut rows, &settings.witnesses)
        .map_err(|e| client_error(e, lang))?;
    let mut code = ExitCode::SUCCESS;
    for (name, o) in &outcomes {
        println!("{}", messages::witness_outcome(name, o, lang));
        if matches!(o, Outcome::Contradicted { .. }) {
            code = ExitCode::from(2);
        } else if matches!(o, Outcome::Failed(_)) && code == ExitCode::SUCCESS {
            code = ExitCode::from(1);
        }
    }
    if outcomes
        .iter()
        .any(|(_, o)| matches!(o, Outcome::Failed(Failure::NotEnrolled(_))))
    {
        println!("{}", client::log_vkey(&mut vault)?);
    }
    Ok(code)
}
