//! Serialises a [`Canvas`] into PDF 1.7 bytes: catalog, page tree, one shared resource
//! dictionary, the fonts as subset CID fonts (Type0 + CIDFontType0 for CFF outlines or
//! CIDFontType2 for TrueType outlines, Identity-H, `/W` widths, ToUnicode CMap) and images.
//! The subset tag (`ABCDEF+`) is derived from the glyph set, so equal input gives equal bytes.

use super::canvas::{num, Canvas, GlyphUse};
use super::fonts::FontFace;
use super::image::Image;
use crate::error::{CoreError, CoreResult};
use std::io::Write;

/// Zlib level for page content: 3 is within ~3% of level 6's size at ~60% of its time.
const ZLIB_LEVEL: u8 = 3;
/// CFF charstrings barely compress (~9% at any level): level 1, the cheapest.
const CFF_ZLIB_LEVEL: u8 = 1;
/// TrueType glyphs compress ~35%; level 6 keeps a 60-line quote under 60 KB with a TrueType
/// font (WenQuanYi), level 1 would not.
const TRUETYPE_ZLIB_LEVEL: u8 = 6;

pub(crate) struct DocInfo<'a> {
    pub title: &'a str,
}

struct Out {
    buf: Vec<u8>,
    offsets: Vec<usize>,
}

impl Out {
    fn begin(&mut self, id: usize) {
        if self.offsets.len() <= id {
            self.offsets.resize(id + 1, 0);
        }
        self.offsets[id] = self.buf.len();
        let _ = writeln!(self.buf, "{id} 0 obj");
    }

    fn obj(&mut self, id: usize, body: &[u8]) {
        self.begin(id);
        self.buf.extend_from_slice(body);
        self.buf.extend_from_slice(b"\nendobj\n");
    }

    /// A Flate-compressed stream; `extra` goes into the dictionary.
    fn stream(&mut self, id: usize, extra: &str, raw: &[u8]) {
        self.stream_level(id, extra, raw, ZLIB_LEVEL);
    }

    fn stream_level(&mut self, id: usize, extra: &str, raw: &[u8], level: u8) {
        let data = miniz_oxide::deflate::compress_to_vec_zlib(raw, level);
        self.stream_encoded(id, &format!("/Filter /FlateDecode {extra}"), &data);
    }

    fn stream_encoded(&mut self, id: usize, dict: &str, data: &[u8]) {
        self.begin(id);
        let _ = write!(self.buf, "<< {dict} /Length {} >>\nstream\n", data.len());
        self.buf.extend_from_slice(data);
        self.buf.extend_from_slice(b"\nendstream\nendobj\n");
    }
}

/// A PDF text string: ASCII literal when possible, else UTF-16BE with BOM in hex.
fn text_string(s: &str) -> String {
    if s.chars().all(|c| c.is_ascii_graphic() || c == ' ') {
        let escaped = s.replace('\\', "\\\\").replace('(', "\\(").replace(')', "\\)");
        return format!("({escaped})");
    }
    let mut out = String::from("<FEFF");
    for u in s.encode_utf16() {
        out.push_str(&format!("{u:04X}"));
    }
    out.push('>');
    out
}

pub(crate) fn write(canvas: Canvas<'_>, info: &DocInfo<'_>) -> CoreResult<Vec<u8>> {
    let pages = canvas.pages.len().max(1);
    // Fonts actually used: slot 0 = regular, slot 1 = bold face (when one is loaded).
    let fonts: Vec<(usize, &FontFace, &GlyphUse)> = [0usize, 1]
        .into_iter()
        .filter(|&s| canvas.used[s].glyphs.len() > 1)
        .map(|s| (s, canvas.fonts.face(s == 1), &canvas.used[s]))
        .collect();

    // Object ids: 1 catalog, 2 pages, 3 info, 4 resources, then 5 per font, 2 per image, 2 per page.
    let font_base = 5;
    let image_base = font_base + 5 * fonts.len();
    let page_base = image_base + 2 * canvas.images.len();
    let size = page_base + 2 * pages;

    let mut out = Out { buf: Vec::with_capacity(64 * 1024), offsets: vec![0; size] };
    out.buf.extend_from_slice(b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n");
    out.obj(1, b"<< /Type /Catalog /Pages 2 0 R >>");
    let kids: Vec<String> = (0..pages).map(|i| format!("{} 0 R", page_base + 2 * i)).collect();
    let (w, h) = (canvas.width, canvas.height);
    let mut media = Vec::new();
    for v in [0.0, 0.0, w, h] {
        num(&mut media, v);
        media.push(b' ');
    }
    let media = String::from_utf8_lossy(&media).trim_end().to_string();
    out.obj(2, format!("<< /Type /Pages /Kids [{}] /Count {pages} /MediaBox [{media}] >>", kids.join(" ")).as_bytes());
    out.obj(3, format!("<< /Title {} /Producer (DealDesk) >>", text_string(info.title)).as_bytes());

    let mut res = String::from("<< /ProcSet [/PDF /Text /ImageB /ImageC] /Font <<");
    for (k, (slot, _, _)) in fonts.iter().enumerate() {
        res.push_str(&format!(" /F{slot} {} 0 R", font_base + 5 * k));
    }
    res.push_str(" >> /XObject <<");
    for i in 0..canvas.images.len() {
        res.push_str(&format!(" /Im{i} {} 0 R", image_base + 2 * i));
    }
    res.push_str(" >> >>");
    out.obj(4, res.as_bytes());

    for (k, (_, face, used)) in fonts.iter().enumerate() {
        write_font(&mut out, font_base + 5 * k, face, used)?;
    }
    for (i, image) in canvas.images.iter().enumerate() {
        write_image(&mut out, image_base + 2 * i, image);
    }
    for i in 0..pages {
        let id = page_base + 2 * i;
        out.obj(id, format!("<< /Type /Page /Parent 2 0 R /Resources 4 0 R /Contents {} 0 R >>", id + 1).as_bytes());
        let content = canvas.pages.get(i).map(|p| p.content()).unwrap_or_default();
        out.stream(id + 1, "", &content);
    }

    let xref = out.buf.len();
    let _ = write!(out.buf, "xref\n0 {size}\n0000000000 65535 f \n");
    for id in 1..size {
        let _ = writeln!(out.buf, "{:010} 00000 n ", out.offsets[id]);
    }
    let _ = write!(out.buf, "trailer\n<< /Size {size} /Root 1 0 R /Info 3 0 R >>\nstartxref\n{xref}\n%%EOF\n");
    Ok(out.buf)
}

/// Six uppercase letters from a hash of the glyph set (the PDF subset-tag convention).
fn subset_tag(used: &GlyphUse) -> String {
    let mut h: u64 = 0xcbf29ce484222325;
    for gid in used.remapper.remapped_gids() {
        h = (h ^ u64::from(gid)).wrapping_mul(0x100000001b3);
    }
    (0..6).map(|i| char::from(b'A' + ((h >> (i * 5)) % 26) as u8)).collect()
}

fn write_font(out: &mut Out, id: usize, face: &FontFace, used: &GlyphUse) -> CoreResult<()> {
    let (cid_id, desc_id, file_id, tounicode_id) = (id + 1, id + 2, id + 3, id + 4);
    let name = format!("{}+{}", subset_tag(used), face.postscript_name());
    let program = if face.is_cff {
        face.cff_subset(&used.remapper)?
    } else {
        subsetter::subset(face.data(), face.index(), &used.remapper)
            .map_err(|e| CoreError::BadRequest(format!("the PDF font {} cannot be subset ({e}); choose another font in Settings › PDF", face.path().display())))?
    };
    out.obj(
        id,
        format!("<< /Type /Font /Subtype /Type0 /BaseFont /{name} /Encoding /Identity-H /DescendantFonts [{cid_id} 0 R] /ToUnicode {tounicode_id} 0 R >>")
            .as_bytes(),
    );
    let mut widths = String::with_capacity(used.glyphs.len() * 5);
    for (_, adv) in &used.glyphs {
        widths.push_str(&face.pdf_width(*adv).to_string());
        widths.push(' ');
    }
    let (subtype, gidmap) = if face.is_cff { ("CIDFontType0", "") } else { ("CIDFontType2", " /CIDToGIDMap /Identity") };
    out.obj(
        cid_id,
        format!(
            "<< /Type /Font /Subtype /{subtype} /BaseFont /{name} /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor {desc_id} 0 R /DW 1000 /W [0 [{}]]{gidmap} >>",
            widths.trim_end()
        )
        .as_bytes(),
    );
    let scale = 1000.0 / face.units_per_em;
    let bb = face.bbox.map(|v| (f32::from(v) * scale).round() as i32);
    let stem_v = if face.weight >= 600 { 140 } else { 80 };
    let file_key = if face.is_cff { "FontFile3" } else { "FontFile2" };
    out.obj(
        desc_id,
        format!(
            "<< /Type /FontDescriptor /FontName /{name} /Flags 4 /FontBBox [{} {} {} {}] /ItalicAngle 0 /Ascent {} /Descent {} /CapHeight {} /StemV {stem_v} /{file_key} {file_id} 0 R >>",
            bb[0],
            bb[1],
            bb[2],
            bb[3],
            (face.ascender * 1000.0).round(),
            (face.descender * 1000.0).round(),
            (face.cap_height * 1000.0).round()
        )
        .as_bytes(),
    );
    if face.is_cff {
        out.stream_level(file_id, "/Subtype /CIDFontType0C", &program, CFF_ZLIB_LEVEL);
    } else {
        out.stream_level(file_id, &format!("/Length1 {}", program.len()), &program, TRUETYPE_ZLIB_LEVEL);
    }
    out.stream(tounicode_id, "", &to_unicode(used));
    Ok(())
}

fn to_unicode(used: &GlyphUse) -> Vec<u8> {
    let mut s = Vec::with_capacity(used.glyphs.len() * 16 + 512);
    s.extend_from_slice(
        b"/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
    );
    let entries: Vec<(usize, char)> = used.glyphs.iter().enumerate().skip(1).map(|(gid, (c, _))| (gid, *c)).collect();
    for chunk in entries.chunks(100) {
        let _ = writeln!(s, "{} beginbfchar", chunk.len());
        for (gid, c) in chunk {
            let _ = write!(s, "<{gid:04X}> <");
            let mut units = [0u16; 2];
            for u in c.encode_utf16(&mut units) {
                let _ = write!(s, "{u:04X}");
            }
            s.extend_from_slice(b">\n");
        }
        s.extend_from_slice(b"endbfchar\n");
    }
    s.extend_from_slice(b"endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    s
}

fn write_image(out: &mut Out, id: usize, image: &Image) {
    let smask_ref = if image.smask.is_some() { format!(" /SMask {} 0 R", id + 1) } else { String::new() };
    let decode = if image.invert { " /Decode [1 0 1 0 1 0 1 0]" } else { "" };
    let dict = format!(
        "/Type /XObject /Subtype /Image /Width {} /Height {} /ColorSpace /{} /BitsPerComponent 8 /Filter /{}{decode}{smask_ref}",
        image.width, image.height, image.color_space, image.filter
    );
    out.stream_encoded(id, &dict, &image.data);
    // Always emit the second object so ids stay fixed; a 1×1 unused mask is harmless.
    let (mask, w, h) = match &image.smask {
        Some(m) => (m.clone(), image.width, image.height),
        None => (miniz_oxide::deflate::compress_to_vec_zlib(&[255], 6), 1, 1),
    };
    out.stream_encoded(
        id + 1,
        &format!("/Type /XObject /Subtype /Image /Width {w} /Height {h} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode"),
        &mask,
    );
}
