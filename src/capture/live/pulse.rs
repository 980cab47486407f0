//! The desktop's sound server, natively (PulseAudio's protocol, which PipeWire also serves): one
//! record stream at 16 kHz mono in fragments of 100 ms, so this thread wakes about ten times a
//! second. Everything here runs on the holder thread that owns the stream; a server that dies
//! ends the stream with an error, one that hangs is noticed by the watchdog and the thread left
//! behind (see [`super::LiveCapture`]).

use std::cell::RefCell;
use std::rc::Rc;
use std::time::{Duration, Instant};

use crossbeam_channel::Receiver;
use libpulse_binding as pa;
use pa::callbacks::ListResult;
use pa::context::{Context, FlagSet as ContextFlags, State as ContextState};
use pa::def::BufferAttr;
use pa::mainloop::standard::Mainloop;
use pa::sample::{Format, Spec};
use pa::stream::{FlagSet as StreamFlags, PeekResult, State as StreamState, Stream};
use pa::time::MicroSeconds;

use super::{CaptureError, InputDevice, Opened, Outlet};

const RATE: u32 = crate::capture::RATE;

/// Longest a connection or a stream may take to come up before the server is deemed stuck.
const ANSWER: Duration = Duration::from_secs(3);

/// Why no stream was opened here.
pub(super) enum OpenError {
    /// No sound server, or no source by that name: the portable path may still have one.
    Elsewhere,
    Failed(CaptureError),
}

/// A connection to the server, driven by hand on this thread (no extra threads of libpulse's).
pub(super) struct Connection {
    // Field order is drop order: the context before the loop it runs on.
    pub(super) context: Context,
    mainloop: Mainloop,
}

impl Connection {
    /// Connects without ever starting a server (autospawn would start one as the worker).
    pub(super) fn open() -> Result<Connection, OpenError> {
        let mainloop = Mainloop::new().ok_or(OpenError::Elsewhere)?;
        let mut context = Context::new(&mainloop, "Témoin").ok_or(OpenError::Elsewhere)?;
        context
            .connect(None, ContextFlags::NOAUTOSPAWN, None)
            .map_err(|_| OpenError::Elsewhere)?;
        let mut c = Connection { context, mainloop };
        let deadline = Instant::now() + ANSWER;
        loop {
            c.turn(Duration::from_millis(100))
                .map_err(|_| OpenError::Elsewhere)?;
            match c.context.get_state() {
                ContextState::Ready => return Ok(c),
                ContextState::Failed | ContextState::Terminated => {
                    return Err(OpenError::Elsewhere);
                }
                _ if Instant::now() > deadline => {
                    return Err(OpenError::Failed(CaptureError::NoAnswer));
                }
                _ => {}
            }
        }
    }

    /// One turn of the main loop, waiting at most `limit` for something to happen.
    pub(super) fn turn(&mut self, limit: Duration) -> Result<(), pa::error::PAErr> {
        self.mainloop
            .prepare(Some(MicroSeconds(limit.as_micros() as u64)))?;
        self.mainloop.poll()?;
        self.mainloop.dispatch()?;
        Ok(())
    }

    /// Turns the loop until `done` is set (by a callback) or the server stops answering.
    pub(super) fn until(&mut self, done: &Rc<RefCell<bool>>) -> bool {
        let deadline = Instant::now() + ANSWER;
        while !*done.borrow() {
            if Instant::now() > deadline
                || self.turn(Duration::from_millis(100)).is_err()
                || self.context.get_state() != ContextState::Ready
            {
                return false;
            }
        }
        true
    }

    /// The source's description as people read it (« Jabra EVOLVE 20 Mono »).
    fn description(&mut self, source: &str) -> Option<String> {
        let found = Rc::new(RefCell::new(None));
        let done = Rc::new(RefCell::new(false));
        let (f, d) = (found.clone(), done.clone());
        let _op = self
            .context
            .introspect()
            .get_source_info_by_name(source, move |r| match r {
                ListResult::Item(i) => {
                    *f.borrow_mut() = i.description.as_ref().map(|s| s.to_string());
                }
                ListResult::End | ListResult::Error => *d.borrow_mut() = true,
            });
        self.until(&done);
        found.take()
    }
}

/// The microphones the server offers: its sources but not the monitors of its outputs (those
/// carry what the worker hears, the customer's voice). `None` when there is no server.
pub(super) fn sources() -> Option<Vec<InputDevice>> {
    let mut c = Connection::open().ok()?;
    let found = Rc::new(RefCell::new(Vec::new()));
    let done = Rc::new(RefCell::new(false));
    let (f, d) = (found.clone(), done.clone());
    let _op = c
        .context
        .introspect()
        .get_source_info_list(move |r| match r {
            ListResult::Item(i) if i.monitor_of_sink.is_none() => {
                if let Some(id) = &i.name {
                    let name = i.description.as_deref().unwrap_or(id).to_string();
                    f.borrow_mut().push(InputDevice {
                        id: id.to_string(),
                        name,
                    });
                }
            }
            ListResult::Item(_) => {}
            ListResult::End | ListResult::Error => *d.borrow_mut() = true,
        });
    c.until(&done).then(|| found.take())
}

/// An open record stream.
pub(super) struct Reader {
    // Field order is drop order: the stream before its context and loop.
    stream: Stream,
    conn: Connection,
    pub(super) opened: Opened,
}

impl Reader {
    /// Opens the named source (or the server's default input).
    pub(super) fn open(name: Option<&str>) -> Result<Reader, OpenError> {
        let mut conn = Connection::open()?;
        let spec = Spec {
            format: Format::FLOAT32NE,
            channels: 1,
            rate: RATE,
        };
        let failed = |why: String| OpenError::Failed(CaptureError::DeviceUnavailable(why));
        let mut stream = Stream::new(&mut conn.context, "Témoin", &spec, None)
            .ok_or_else(|| failed("stream".into()))?;
        // 100 ms fragments: few wake-ups; the rest of the buffer as the server likes it.
        let attr = BufferAttr {
            maxlength: u32::MAX,
            tlength: u32::MAX,
            prebuf: u32::MAX,
            minreq: u32::MAX,
            fragsize: RATE * 4 / 10,
        };
        stream
            .connect_record(name, Some(&attr), StreamFlags::ADJUST_LATENCY)
            .map_err(|e| failed(e.to_string().unwrap_or_default()))?;
        let deadline = Instant::now() + ANSWER;
        loop {
            conn.turn(Duration::from_millis(100))
                .map_err(|_| OpenError::Elsewhere)?;
            match stream.get_state() {
                StreamState::Ready => break,
                StreamState::Failed | StreamState::Terminated => {
                    let err = conn.context.errno();
                    return Err(
                        if pa::error::Code::try_from(err) == Ok(pa::error::Code::NoEntity) {
                            OpenError::Elsewhere
                        } else {
                            failed(err.to_string().unwrap_or_default())
                        },
                    );
                }
                _ if Instant::now() > deadline => {
                    return Err(OpenError::Failed(CaptureError::NoAnswer));
                }
                _ => {}
            }
        }
        let source = stream
            .get_device_name()
            .map(|s| s.to_string())
            .unwrap_or_default();
        let device = conn.description(&source).unwrap_or(source);
        Ok(Reader {
            stream,
            conn,
            opened: Opened {
                device,
                rate: RATE,
                channels: 1,
            },
        })
    }

    /// Reads until told to stop, or until the server goes (then the outlet is marked failed).
    pub(super) fn run(mut self, outlet: &Outlet, stop: &Receiver<()>) {
        let format = (RATE, 1);
        while outlet.live() && stop.is_empty() {
            // Woken by each fragment; at least four times a second to see a stop.
            let turned = self.conn.turn(Duration::from_millis(250));
            if turned.is_err()
                || self.conn.context.get_state() != ContextState::Ready
                || self.stream.get_state() != StreamState::Ready
            {
                outlet.fail();
                break;
            }
            loop {
                match self.stream.peek() {
                    Ok(PeekResult::Data(bytes)) => {
                        outlet.forward(
                            bytes
                                .chunks_exact(4)
                                .map(|b| f32::from_ne_bytes([b[0], b[1], b[2], b[3]])),
                            format,
                        );
                        let _ = self.stream.discard();
                    }
                    Ok(PeekResult::Hole(_)) => {
                        let _ = self.stream.discard();
                    }
                    Ok(PeekResult::Empty) => break,
                    Err(_) => {
                        outlet.fail();
                        return;
                    }
                }
            }
        }
        let _ = self.stream.disconnect();
    }
}
