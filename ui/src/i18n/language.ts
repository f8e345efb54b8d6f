// Maps the active i18next language to the app's Language type and antd's locale
// (ESM locale modules: the CJS "antd/locale/*" re-exports lose their default export).
import enUS from "antd/es/locale/en_US";
import zhCN from "antd/es/locale/zh_CN";
import type { Locale } from "antd/es/locale";
import type { Language } from "../bindings/Language";

export const LANGUAGES: readonly Language[] = ["zh-CN", "en"];

export function asLanguage(lng: string | undefined): Language {
  return lng === "en" ? "en" : "zh-CN";
}

export function antdLocale(language: Language): Locale {
  return language === "en" ? enUS : zhCN;
}
