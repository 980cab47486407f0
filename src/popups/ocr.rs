//! Reading a pop-up window's text from its pixels, where the worker enables it (`ocr = true` in the
//! rules): a title is rarely the message. The window's image is taken from the X server, enlarged
//! (small UI fonts read badly), and handed to Tesseract (Debian's `tesseract-ocr`, French and
//! English) through a pipe. Memory only: the image is never written anywhere, and is wiped once
//! read.

use std::io::Write;
use std::process::{Command, Stdio};

use x11rb::connection::Connection;
use x11rb::protocol::xproto::{ConnectionExt, ImageFormat, ImageOrder, Window};
use x11rb::rust_connection::RustConnection;
use zeroize::Zeroizing;

/// Windows larger than this are not pop-ups (a browser, the CRM): not read whole.
pub const MAX_WIDTH: u16 = 1200;
pub const MAX_HEIGHT: u16 = 900;
/// Windows larger than this (a browser, the CRM) are read where they change.
pub const FOLLOW_WIDTH: u16 = 640;
pub const FOLLOW_HEIGHT: u16 = 480;
/// Small windows are enlarged this many times before reading.
const SCALE: usize = 3;

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum OcrError {
    #[error("window gone or not viewable: {0}")]
    Grab(String),
    #[error("window too large to be a pop-up ({0}×{1})")]
    TooLarge(u16, u16),
    #[error("unsupported pixel format ({0} bits per pixel)")]
    Format(u8),
    #[error(
        "tesseract cannot run ({0}); install tesseract-ocr, tesseract-ocr-fra and tesseract-ocr-eng"
    )]
    Missing(String),
    #[error("tesseract failed: {0}")]
    Failed(String),
}

/// The text in `window`, read by OCR.
pub fn read_window(conn: &RustConnection, window: Window) -> Result<String, OcrError> {
    let image = grab(conn, window, None)?;
    tesseract(&image)
}

/// The text in a part of `window` (x, y, width, height), read by OCR; `None` when that part
/// shows exactly what it showed when last read (`last`, updated).
pub fn read_region(
    conn: &RustConnection,
    window: Window,
    part: (i16, i16, u16, u16),
    last: &mut Option<u64>,
) -> Result<Option<String>, OcrError> {
    let image = grab(conn, window, Some(part))?;
    let seen = {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        image.hash(&mut h);
        h.finish()
    };
    if *last == Some(seen) {
        return Ok(None);
    }
    *last = Some(seen);
    tesseract(&image).map(Some)
}

/// The window (or a part of it) as a binary PPM image, enlarged.
fn grab(
    conn: &RustConnection,
    w: Window,
    part: Option<(i16, i16, u16, u16)>,
) -> Result<Zeroizing<Vec<u8>>, OcrError> {
    let err = |e: &dyn std::fmt::Display| OcrError::Grab(e.to_string());
    let geo = conn
        .get_geometry(w)
        .map_err(|e| err(&e))?
        .reply()
        .map_err(|e| err(&e))?;
    let (x, y, width, height) = match part {
        // Clipped to the window.
        Some((x, y, pw, ph)) => {
            let (x, y) = (x.max(0), y.max(0));
            let pw = pw.min(geo.width.saturating_sub(x as u16));
            let ph = ph.min(geo.height.saturating_sub(y as u16));
            (x, y, pw, ph)
        }
        None => (0, 0, geo.width, geo.height),
    };
    if width > MAX_WIDTH || height > MAX_HEIGHT {
        return Err(OcrError::TooLarge(width, height));
    }
    if width == 0 || height == 0 {
        return Err(OcrError::Grab("nothing to read".into()));
    }
    let geo = x11rb::protocol::xproto::GetGeometryReply {
        width,
        height,
        ..geo
    };
    let reply = conn
        .get_image(ImageFormat::Z_PIXMAP, w, x, y, width, height, !0)
        .map_err(|e| err(&e))?
        .reply()
        .map_err(|e| err(&e))?;
    let data = Zeroizing::new(reply.data);
    let setup = conn.setup();
    let bpp = setup
        .pixmap_formats
        .iter()
        .find(|f| f.depth == reply.depth)
        .map_or(0, |f| f.bits_per_pixel);
    if bpp != 32 && bpp != 24 {
        return Err(OcrError::Format(bpp));
    }
    let (width, height) = (geo.width as usize, geo.height as usize);
    let step = bpp as usize / 8;
    let stride = data.len() / height.max(1);
    let lsb = setup.image_byte_order == ImageOrder::LSB_FIRST;
    let mut ppm = Zeroizing::new(Vec::with_capacity(width * height * 3 * SCALE * SCALE + 32));
    ppm.extend_from_slice(format!("P6\n{} {}\n255\n", width * SCALE, height * SCALE).as_bytes());
    let mut row = Zeroizing::new(Vec::with_capacity(width * 3 * SCALE));
    for y in 0..height {
        row.clear();
        for x in 0..width {
            let p = &data[y * stride + x * step..y * stride + x * step + 3];
            // TrueColor 24/32 bits: blue, green, red in memory when least significant first.
            let rgb = if lsb {
                [p[2], p[1], p[0]]
            } else {
                [p[0], p[1], p[2]]
            };
            for _ in 0..SCALE {
                row.extend_from_slice(&rgb);
            }
        }
        for _ in 0..SCALE {
            ppm.extend_from_slice(&row);
        }
    }
    Ok(ppm)
}

/// Runs Tesseract on an in-memory image (standard input to standard output).
fn tesseract(image: &[u8]) -> Result<String, OcrError> {
    let mut child = Command::new("tesseract")
        .args(["stdin", "stdout", "-l", "fra+eng", "--psm", "6"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| OcrError::Missing(e.to_string()))?;
    let mut stdin = child.stdin.take().expect("piped");
    let written = stdin.write_all(image);
    drop(stdin);
    let out = child
        .wait_with_output()
        .map_err(|e| OcrError::Failed(e.to_string()))?;
    if let Err(e) = written {
        return Err(OcrError::Failed(e.to_string()));
    }
    if !out.status.success() {
        let why = String::from_utf8_lossy(&out.stderr);
        return Err(if why.contains("Failed loading language") {
            OcrError::Missing(why.lines().next().unwrap_or("").to_string())
        } else {
            OcrError::Failed(why.lines().last().unwrap_or("").to_string())
        });
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}
