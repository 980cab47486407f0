//! The witness over HTTP (axum on tokio): `POST /add-checkpoint` as c2sp.org/tlog-witness says,
//! `GET /logs` the JSON list of the logs, by pseudonym, with the last size cosigned and when;
//! `GET /checkpoint/<origin>` the last checkpoint cosigned for a log (its worker's app asks for it
//! when its vault holds less).
//! Bodies over [`super::MAX_BODY`] are refused unread (413); a body that does not arrive within
//! ten seconds is dropped (408), so slow clients cannot hold the witness. TLS is left to the
//! server in front of it (the council's reverse proxy), which also sees the addresses: the witness
//! logs none.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};

use super::{Refusal, Witness};

const BODY_TIME: Duration = Duration::from_secs(10);

fn text(status: StatusCode, body: String) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        body,
    )
        .into_response()
}

async fn add_checkpoint(State(w): State<Arc<Witness>>, req: Request) -> Response {
    let body = match tokio::time::timeout(
        BODY_TIME,
        axum::body::to_bytes(req.into_body(), super::MAX_BODY),
    )
    .await
    {
        Err(_) => return text(StatusCode::REQUEST_TIMEOUT, "body too slow\n".into()),
        Ok(Err(_)) => return text(StatusCode::PAYLOAD_TOO_LARGE, "body too large\n".into()),
        Ok(Ok(b)) => b,
    };
    let Ok(body) = String::from_utf8(body.to_vec()) else {
        return text(StatusCode::BAD_REQUEST, "not UTF-8\n".into());
    };
    let answer = tokio::task::spawn_blocking(move || w.add_checkpoint(&body)).await;
    match answer {
        Ok(Ok(line)) => text(StatusCode::OK, line),
        Ok(Err(Refusal::Conflict(size))) => (
            StatusCode::CONFLICT,
            [(header::CONTENT_TYPE, "text/x.tlog.size")],
            format!("{size}\n"),
        )
            .into_response(),
        Ok(Err(r)) => text(
            StatusCode::from_u16(r.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
            format!("{r}\n"),
        ),
        Err(_) => text(StatusCode::INTERNAL_SERVER_ERROR, "internal error\n".into()),
    }
}

/// The last checkpoint cosigned for a log, so that a worker's app that finds its vault smaller
/// than what was cosigned keeps the witness's dated proof of it.
async fn latest(
    State(w): State<Arc<Witness>>,
    axum::extract::Path(origin): axum::extract::Path<String>,
) -> Response {
    match tokio::task::spawn_blocking(move || w.latest(&origin)).await {
        Ok(Ok(Some(note))) => text(StatusCode::OK, note),
        Ok(Ok(None)) => text(StatusCode::NOT_FOUND, "unknown log\n".into()),
        _ => text(
            StatusCode::SERVICE_UNAVAILABLE,
            "store unavailable\n".into(),
        ),
    }
}

async fn logs(State(w): State<Arc<Witness>>) -> Response {
    match tokio::task::spawn_blocking(move || w.logs()).await {
        Ok(Ok(logs)) => {
            let list: Vec<serde_json::Value> = logs
                .iter()
                .map(|l| {
                    let pseudonym = crate::evidence::note::key_of(&l.origin)
                        .or_else(|| crate::evidence::note::rows_key_of(&l.origin))
                        .map(|k| k.pseudonym());
                    let at = (l.time > 0)
                        .then(|| chrono::DateTime::from_timestamp(l.time as i64, 0))
                        .flatten()
                        .map(|t| t.to_rfc3339());
                    serde_json::json!({
                        "pseudonym": pseudonym,
                        "origin": l.origin,
                        "size": l.size,
                        "cosigned": at,
                    })
                })
                .collect();
            (
                StatusCode::OK,
                [(header::CONTENT_TYPE, "application/json")],
                Body::from(serde_json::to_vec_pretty(&list).unwrap_or_default()),
            )
                .into_response()
        }
        _ => text(
            StatusCode::SERVICE_UNAVAILABLE,
            "store unavailable\n".into(),
        ),
    }
}

/// Serves until SIGINT or SIGTERM; `ready` is told the address bound (port 0 picks one).
pub fn serve(
    witness: Witness,
    listen: SocketAddr,
    ready: impl FnOnce(SocketAddr),
) -> std::io::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let app = Router::new()
            .route("/add-checkpoint", post(add_checkpoint))
            .route("/logs", get(logs))
            .route("/checkpoint/{*origin}", get(latest))
            .with_state(Arc::new(witness));
        let listener = tokio::net::TcpListener::bind(listen).await?;
        ready(listener.local_addr()?);
        axum::serve(listener, app)
            .with_graceful_shutdown(async {
                let mut term =
                    tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
                        .expect("a SIGTERM handler");
                tokio::select! {
                    _ = tokio::signal::ctrl_c() => {}
                    _ = term.recv() => {}
                }
            })
            .await
    })
}
