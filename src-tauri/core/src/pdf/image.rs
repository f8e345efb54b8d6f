//! Logo images as PDF image XObjects. JPEG passes through untouched (DCTDecode: the PDF viewer
//! decodes it); PNG is decoded, large ones are box-downsampled to print resolution, alpha goes
//! to a soft mask, and pixels are Flate-compressed. Encoding happens once per distinct logo
//! (the engine caches it), not once per document.

use crate::error::{CoreError, CoreResult};

/// An encoded image, ready to be written as an XObject.
pub(crate) struct Image {
    pub width: u32,
    pub height: u32,
    pub color_space: &'static str,
    /// `DCTDecode` (JPEG bytes) or `FlateDecode` (zlib of 8-bit samples).
    pub filter: &'static str,
    pub data: Vec<u8>,
    /// Zlib of 8-bit alpha samples, when the PNG has transparency.
    pub smask: Option<Vec<u8>>,
    /// Adobe CMYK JPEGs store inverted samples.
    pub invert: bool,
}

impl std::fmt::Debug for Image {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Image").field("width", &self.width).field("height", &self.height).field("filter", &self.filter).finish()
    }
}

/// Largest logo side kept in pixels (a 40 mm box at 300 dpi is ~470 px).
const MAX_SIDE: u32 = 800;

fn bad(msg: &str) -> CoreError {
    CoreError::BadRequest(format!("the letterhead logo cannot be used: {msg}; use a PNG or JPEG file"))
}

pub(crate) fn decode(bytes: &[u8]) -> CoreResult<Image> {
    if bytes.starts_with(&[0xFF, 0xD8]) {
        jpeg(bytes)
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        png_image(bytes)
    } else {
        Err(bad("it is neither PNG nor JPEG"))
    }
}

fn jpeg(bytes: &[u8]) -> CoreResult<Image> {
    let mut i = 2;
    let mut adobe = false;
    while i + 4 <= bytes.len() {
        if bytes[i] != 0xFF {
            return Err(bad("the JPEG structure is broken"));
        }
        let marker = bytes[i + 1];
        if marker == 0xFF {
            i += 1;
            continue;
        }
        let len = usize::from(u16::from_be_bytes([bytes[i + 2], bytes[i + 3]]));
        let seg = bytes.get(i + 4..i + 2 + len).ok_or_else(|| bad("the JPEG is truncated"))?;
        if marker == 0xEE && seg.starts_with(b"Adobe") {
            adobe = true;
        }
        let is_sof = matches!(marker, 0xC0..=0xCF) && !matches!(marker, 0xC4 | 0xC8 | 0xCC);
        if is_sof {
            if seg.len() < 6 {
                return Err(bad("the JPEG header is truncated"));
            }
            let height = u32::from(u16::from_be_bytes([seg[1], seg[2]]));
            let width = u32::from(u16::from_be_bytes([seg[3], seg[4]]));
            let color_space = match seg[5] {
                1 => "DeviceGray",
                3 => "DeviceRGB",
                4 => "DeviceCMYK",
                _ => return Err(bad("unsupported JPEG colour components")),
            };
            if width == 0 || height == 0 {
                return Err(bad("the JPEG has no size"));
            }
            let invert = adobe && seg[5] == 4;
            return Ok(Image { width, height, color_space, filter: "DCTDecode", data: bytes.to_vec(), smask: None, invert });
        }
        i += 2 + len;
    }
    Err(bad("no JPEG frame header"))
}

fn png_image(bytes: &[u8]) -> CoreResult<Image> {
    let limits = png::Limits { bytes: 64 << 20 };
    let mut decoder = png::Decoder::new_with_limits(std::io::Cursor::new(bytes), limits);
    decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut reader = decoder.read_info().map_err(|e| bad(&e.to_string()))?;
    let size = reader.output_buffer_size().ok_or_else(|| bad("the PNG is too large"))?;
    let mut buf = vec![0; size];
    let info = reader.next_frame(&mut buf).map_err(|e| bad(&e.to_string()))?;
    let (w, h) = (info.width, info.height);
    let channels = match info.color_type {
        png::ColorType::Grayscale => 1,
        png::ColorType::GrayscaleAlpha => 2,
        png::ColorType::Rgb => 3,
        png::ColorType::Rgba => 4,
        png::ColorType::Indexed => return Err(bad("palette PNG was not expanded")),
    };
    let (color_n, has_alpha) = if channels % 2 == 0 { (channels - 1, true) } else { (channels, false) };
    let mut color = Vec::with_capacity((w * h) as usize * color_n);
    let mut alpha = Vec::with_capacity(if has_alpha { (w * h) as usize } else { 0 });
    for row in buf[..info.buffer_size()].chunks_exact(info.line_size) {
        for px in row[..w as usize * channels].chunks_exact(channels) {
            color.extend_from_slice(&px[..color_n]);
            if has_alpha {
                alpha.push(px[color_n]);
            }
        }
    }
    let (mut w2, mut h2) = (w, h);
    let factor = w.max(h).div_ceil(MAX_SIDE);
    if factor > 1 {
        color = shrink(&color, w, h, color_n, factor);
        if has_alpha {
            alpha = shrink(&alpha, w, h, 1, factor);
        }
        w2 = w / factor;
        h2 = h / factor;
    }
    let opaque = alpha.iter().all(|&a| a == 255);
    Ok(Image {
        width: w2.max(1),
        height: h2.max(1),
        color_space: if color_n == 1 { "DeviceGray" } else { "DeviceRGB" },
        filter: "FlateDecode",
        data: miniz_oxide::deflate::compress_to_vec_zlib(&color, 6),
        smask: (has_alpha && !opaque).then(|| miniz_oxide::deflate::compress_to_vec_zlib(&alpha, 6)),
        invert: false,
    })
}

/// Box-filter downsampling by an integer factor.
fn shrink(src: &[u8], w: u32, h: u32, n: usize, f: u32) -> Vec<u8> {
    let (w2, h2) = ((w / f).max(1), (h / f).max(1));
    let mut out = Vec::with_capacity((w2 * h2) as usize * n);
    for y in 0..h2 {
        for x in 0..w2 {
            for c in 0..n {
                let mut sum = 0u32;
                let mut count = 0u32;
                for yy in y * f..((y + 1) * f).min(h) {
                    for xx in x * f..((x + 1) * f).min(w) {
                        sum += u32::from(src[(yy * w + xx) as usize * n + c]);
                        count += 1;
                    }
                }
                out.push((sum / count.max(1)) as u8);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jpeg_headers_are_read_without_decoding() {
        // SOI, APP14 "Adobe", SOF0 (8-bit, 40 × 30, 4 components), EOI.
        let mut jpeg = vec![0xFF, 0xD8, 0xFF, 0xEE, 0x00, 0x07, b'A', b'd', b'o', b'b', b'e'];
        jpeg.extend_from_slice(&[0xFF, 0xC0, 0x00, 0x0B, 8, 0, 30, 0, 40, 4, 0, 0, 0]);
        jpeg.extend_from_slice(&[0xFF, 0xD9]);
        let img = decode(&jpeg).expect("jpeg");
        assert_eq!((img.width, img.height, img.color_space, img.filter, img.invert), (40, 30, "DeviceCMYK", "DCTDecode", true));
        assert!(decode(b"GIF89a").is_err());
        assert!(decode(&[0xFF, 0xD8, 0xFF]).is_err());
    }
}
