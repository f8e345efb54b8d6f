// Picks the zh or en half of a bilingual text from the core by the UI language.
export const isZh = (language: string | undefined) => (language ?? "").startsWith("zh");
export const pick = (language: string | undefined, zh: string, en: string) => (isZh(language) ? zh || en : en || zh);
