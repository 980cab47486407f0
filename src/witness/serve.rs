//! The witness over HTTP (axum on tokio): `POST /add-checkpoint` as c2sp.org/tlog-witness says,
//! `GET /logs` the JSON list of the logs, by pseudonym, with the last size cosigned and when;
//! `GET /checkpoint/<origin>` the last checkpoint cosigned for a log (its worker's app asks for it
//! when its vault holds less).
//! Bodies over [`super::MAX_BODY`] are refused unread (413); a body that does not arrive within
//! ten seconds is dropped (408), headers that do not arrive within ten seconds close the
//! connection, no connection lives over 30 s and at most 256 are served at once, so slow or idle
//! clients cannot hold the witness. Served by hyper directly (axum's `serve` sets no header
//! timeout), one request a connection. TLS is left to the
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
/// A client has this long to send its request's headers.
const HEADER_TIME: Duration = Duration::from_secs(10);
/// No connection outlives this (headers, body, answer).
const CONNECTION_TIME: Duration = Duration::from_secs(30);
/// Connections served at once; more wait to be accepted (a union's members submit a few a second).
const MAX_CONNECTIONS: usize = 256;

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
        let app: Router = Router::new()
            .route("/add-checkpoint", post(add_checkpoint))
            .route("/logs", get(logs))
            .route("/checkpoint/{*origin}", get(latest))
            .with_state(Arc::new(witness));
        let listener = tokio::net::TcpListener::bind(listen).await?;
        ready(listener.local_addr()?);
        let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())?;
        let slots = Arc::new(tokio::sync::Semaphore::new(MAX_CONNECTIONS));
        loop {
            let accepted = tokio::select! {
                _ = tokio::signal::ctrl_c() => return Ok(()),
                _ = term.recv() => return Ok(()),
                a = listener.accept() => a,
            };
            // A failed accept (out of descriptors, a connection reset before it was taken) is
            // waited out, never the end of the witness.
            let Ok((stream, _)) = accepted else {
                tokio::time::sleep(Duration::from_millis(100)).await;
                continue;
            };
            let Ok(slot) = slots.clone().acquire_owned().await else {
                return Ok(());
            };
            let service = hyper_util::service::TowerToHyperService::new(app.clone());
            tokio::spawn(async move {
                let connection = hyper::server::conn::http1::Builder::new()
                    .timer(hyper_util::rt::TokioTimer::new())
                    .header_read_timeout(HEADER_TIME)
                    .keep_alive(false)
                    .serve_connection(hyper_util::rt::TokioIo::new(stream), service);
                // Headers in 10 s, the body in 10 more, the answer after: a connection never lives
                // longer than this, however slowly its client writes or reads.
                let _ = tokio::time::timeout(CONNECTION_TIME, connection).await;
                drop(slot);
            });
        }
    })
}
