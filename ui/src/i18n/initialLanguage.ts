// Decides the first language: the saved choice, else Chinese when the OS or the
// webview locale is Chinese, else English.
import type { AppInfo } from "../bindings/AppInfo";
import type { Language } from "../bindings/Language";

export function initialLanguage(info: Pick<AppInfo, "language" | "os_locale">, navigatorLanguage: string): Language {
  if (info.language) return info.language;
  const isZh = (locale: string | null) => (locale ?? "").toLowerCase().startsWith("zh");
  return isZh(info.os_locale) || isZh(navigatorLanguage) ? "zh-CN" : "en";
}
