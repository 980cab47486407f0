//! `temoin witness`: the works council's witness (init, enrol a worker's log, serve, status).

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Subcommand;
use temoin::messages::Lang;
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

pub(crate) fn run(action: WitnessAction, lang: Lang) -> anyhow::Result<ExitCode> {
    match action {
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
                let at = chrono::DateTime::from_timestamp(l.time as i64, 0)
                    .filter(|_| l.time > 0)
                    .map(|t| {
                        temoin::i18n::date_time(
                            lang,
                            &t.with_timezone(&chrono::Local).fixed_offset(),
                        )
                    });
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
                            "at" => at.unwrap_or_else(|| "—".into()))
                    );
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
