//! The text of a .docx contract for `risk check`: the paragraphs of word/document.xml (runs
//! joined, one line per paragraph, tabs and breaks kept), XML entities decoded.

use crate::error::{CoreError, CoreResult};
use std::io::Read;

/// Whether `bytes` look like a zip (a .docx) rather than plain text.
pub fn is_docx(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

pub fn text(file_name: &str, bytes: &[u8]) -> CoreResult<String> {
    let bad = |why: String| CoreError::BadRequest(format!("{file_name}: not a readable .docx ({why})"));
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| bad(e.to_string()))?;
    let mut xml = String::new();
    zip.by_name("word/document.xml").map_err(|e| bad(e.to_string()))?.read_to_string(&mut xml).map_err(|e| bad(e.to_string()))?;
    Ok(paragraphs(&xml))
}

fn decode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let tail = &rest[amp..];
        let Some(semi) = tail.find(';').filter(|i| *i <= 10) else {
            out.push('&');
            rest = &tail[1..];
            continue;
        };
        let entity = &tail[1..semi];
        let ch = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            e if e.starts_with("#x") => u32::from_str_radix(&e[2..], 16).ok().and_then(char::from_u32),
            e if e.starts_with('#') => e[1..].parse().ok().and_then(char::from_u32),
            _ => None,
        };
        match ch {
            Some(c) => out.push(c),
            None => out.push_str(&tail[..=semi]),
        }
        rest = &tail[semi + 1..];
    }
    out.push_str(rest);
    out
}

/// Paragraph text from WordprocessingML: `<w:t>` runs, `<w:tab/>`, `<w:br/>`, `</w:p>`.
pub fn paragraphs(xml: &str) -> String {
    let mut out = String::new();
    let mut rest = xml;
    while let Some(lt) = rest.find('<') {
        let Some(gt) = rest[lt..].find('>') else { break };
        let tag = &rest[lt + 1..lt + gt];
        let after = &rest[lt + gt + 1..];
        let name = tag.split(|c: char| c.is_whitespace() || c == '/').next().unwrap_or("");
        match name {
            "w:t" if !tag.ends_with('/') => {
                let end = after.find("</w:t>").unwrap_or(after.len());
                out.push_str(&decode(&after[..end]));
                rest = &after[end..];
                continue;
            }
            "w:tab" => out.push('\t'),
            "w:br" | "w:cr" => out.push('\n'),
            "" if tag == "/w:p" => out.push('\n'),
            _ => {}
        }
        rest = after;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_join_and_paragraphs_become_lines() {
        let xml = r#"<w:document><w:body><w:p><w:r><w:t>甲方有权</w:t></w:r><w:r><w:t xml:space="preserve">随时解除 &amp; </w:t></w:r></w:p><w:p><w:r><w:t>Second</w:t><w:tab/><w:t>line</w:t></w:r></w:p></w:body></w:document>"#;
        assert_eq!(paragraphs(xml), "甲方有权随时解除 & \nSecond\tline\n");
    }
}
