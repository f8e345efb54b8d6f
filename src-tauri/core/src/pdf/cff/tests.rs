//! Assembled CID-keyed fonts read back glyph for glyph.

use super::*;

#[test]
fn an_assembled_font_reads_back_glyph_for_glyph() {
    let Ok(set) = super::super::fonts::FontSet::load(None) else {
        eprintln!("no CJK font on this machine: skipped");
        return;
    };
    let face = &set.regular;
    if !face.is_cff {
        eprintln!("{} is not a CFF font: skipped", face.path().display());
        return;
    }
    let mut cache = CffCache::default();
    let mut remapper = GlyphRemapper::new();
    for c in "报价单 Quotation 门直骨 0123".chars() {
        remapper.remap(face.glyph(c).gid);
    }
    let cff = cache.subset(face.data(), face.index(), &remapper).expect("subset");
    let parsed = Parsed::read(&cff).expect("the assembled CFF parses");
    assert_eq!(parsed.charstrings.len(), usize::from(remapper.num_gids()));
    for (new, old) in remapper.remapped_gids().enumerate() {
        assert_eq!(&cff[parsed.charstrings[new].clone()], cache.glyphs[&old].0.as_slice(), "glyph {old}");
    }
    // A second document reuses the cache: no glyph is fetched twice.
    let cached = cache.glyphs.len();
    remapper.remap(face.glyph('门').gid);
    cache.subset(face.data(), face.index(), &remapper).expect("subset");
    assert_eq!(cache.glyphs.len(), cached);
}
