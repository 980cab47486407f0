//! The PC's camera, for one thing only: reading the QR code of a worker's key, which they show
//! the works council on their own screen or phone. Frames are looked at in memory as grey levels
//! and dropped; nothing is kept or shown.
//!
//! nokhwa opens the first camera (V4L2 on Linux; Media Foundation on Windows, built there by the
//! same `input-native` feature); its frames are turned to grey here, MJPEG through `image`, so
//! nokhwa's C decoder is not built.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use nokhwa::pixel_format::LumaFormat;
use nokhwa::utils::{ApiBackend, CameraIndex, FrameFormat, RequestedFormat, RequestedFormatType};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CameraError {
    #[error("no camera found")]
    NoCamera,
    /// Found, but it cannot be opened (taken by another program, no permission…).
    #[error("the camera cannot be opened: {0}")]
    CannotOpen(String),
}

/// Shows each frame, in grey, to `look` until it finds what it looks for, `within` passes, or
/// `stop` is set (then `Ok(None)`).
pub fn scan<T>(
    within: Duration,
    stop: &AtomicBool,
    mut look: impl FnMut(usize, usize, &[u8]) -> Option<T>,
) -> Result<Option<T>, CameraError> {
    let cameras = nokhwa::query(ApiBackend::Auto).unwrap_or_default();
    let first = cameras.first().ok_or(CameraError::NoCamera)?;
    let format = RequestedFormat::new::<LumaFormat>(RequestedFormatType::AbsoluteHighestFrameRate);
    let index = match first.index() {
        CameraIndex::Index(i) => CameraIndex::Index(*i),
        CameraIndex::String(s) => CameraIndex::String(s.clone()),
    };
    let mut camera =
        nokhwa::Camera::new(index, format).map_err(|e| CameraError::CannotOpen(e.to_string()))?;
    camera
        .open_stream()
        .map_err(|e| CameraError::CannotOpen(e.to_string()))?;
    let deadline = Instant::now() + within;
    let mut found = None;
    while found.is_none() && Instant::now() < deadline && !stop.load(Ordering::Relaxed) {
        let frame = match camera.frame() {
            Ok(f) => f,
            Err(e) => {
                let _ = camera.stop_stream();
                return Err(CameraError::CannotOpen(e.to_string()));
            }
        };
        let size = frame.resolution();
        let (w, h) = (size.width() as usize, size.height() as usize);
        if let Some((w, h, grey)) = grey(frame.source_frame_format(), w, h, frame.buffer()) {
            found = look(w, h, &grey);
        }
    }
    let _ = camera.stop_stream();
    Ok(found)
}

/// A frame as grey levels, one byte a pixel: its size and pixels (`None`: not a frame).
pub fn grey(
    format: FrameFormat,
    width: usize,
    height: usize,
    data: &[u8],
) -> Option<(usize, usize, Vec<u8>)> {
    let n = width * height;
    let pixels = match format {
        FrameFormat::MJPEG => {
            let img = image::load_from_memory_with_format(data, image::ImageFormat::Jpeg)
                .ok()?
                .into_luma8();
            return Some((img.width() as usize, img.height() as usize, img.into_raw()));
        }
        // Y U Y V: the luma is every other byte.
        FrameFormat::YUYV => data.get(..2 * n)?.iter().step_by(2).copied().collect(),
        // The luma plane comes first.
        FrameFormat::NV12 | FrameFormat::GRAY => data.get(..n)?.to_vec(),
        FrameFormat::RAWRGB | FrameFormat::RAWBGR => data
            .get(..3 * n)?
            .chunks_exact(3)
            .map(|p| ((u16::from(p[0]) + 2 * u16::from(p[1]) + u16::from(p[2])) / 4) as u8)
            .collect(),
    };
    Some((width, height, pixels))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A grey gradient as each format a camera may give.
    #[test]
    fn every_camera_format_gives_the_same_grey_levels() {
        let (w, h) = (16usize, 8usize);
        let luma: Vec<u8> = (0..w * h).map(|i| (i * 2) as u8).collect();
        let yuyv: Vec<u8> = luma.iter().flat_map(|y| [*y, 128]).collect();
        assert_eq!(grey(FrameFormat::YUYV, w, h, &yuyv).unwrap().2, luma);
        let nv12: Vec<u8> = luma.iter().copied().chain([128; 64]).collect();
        assert_eq!(grey(FrameFormat::NV12, w, h, &nv12).unwrap().2, luma);
        let rgb: Vec<u8> = luma.iter().flat_map(|y| [*y, *y, *y]).collect();
        assert_eq!(grey(FrameFormat::RAWRGB, w, h, &rgb).unwrap().2, luma);
        let mut jpeg = Vec::new();
        image::GrayImage::from_raw(w as u32, h as u32, luma.clone())
            .unwrap()
            .write_to(
                &mut std::io::Cursor::new(&mut jpeg),
                image::ImageFormat::Jpeg,
            )
            .unwrap();
        let (jw, jh, j) = grey(FrameFormat::MJPEG, w, h, &jpeg).unwrap();
        assert_eq!((jw, jh), (w, h));
        let off = j
            .iter()
            .zip(&luma)
            .map(|(a, b)| a.abs_diff(*b))
            .max()
            .unwrap();
        assert!(off <= 8, "JPEG is lossy, not that lossy: {off}");
        assert!(
            grey(FrameFormat::YUYV, w, h, &yuyv[..10]).is_none(),
            "a cut frame"
        );
    }

    /// This machine has no camera (tests run without one): said as such, not as a failure to
    /// open one.
    #[test]
    fn no_camera_is_said_as_such() {
        if std::path::Path::new("/dev/video0").exists() {
            return;
        }
        let stop = AtomicBool::new(false);
        let r = scan(Duration::from_secs(1), &stop, |_, _, _| Some(()));
        assert_eq!(r, Err(CameraError::NoCamera));
    }
}
