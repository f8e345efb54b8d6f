// zh-CN / English switch (plain buttons, easy for WebDriver); switching applies at
// once and is saved with set_language so it survives a restart.
import { Button, Space } from "antd";
import { useTranslation } from "react-i18next";
import type { Language } from "../bindings/Language";
import { useReportError } from "../components/useReportError";
import { useSetLanguage } from "../ipc/appInfo";
import { asLanguage, LANGUAGES } from "../i18n/language";

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current = asLanguage(i18n.resolvedLanguage);
  const save = useSetLanguage();
  const reportError = useReportError();

  const choose = (language: Language) => {
    if (language === current) return;
    void i18n.changeLanguage(language);
    save.mutate(language, { onError: reportError });
  };

  return (
    <Space.Compact data-testid="lang-switch" aria-label={t("lang.label")} role="group">
      {LANGUAGES.map((language) => (
        <Button
          key={language}
          size="small"
          type={language === current ? "primary" : "default"}
          aria-pressed={language === current}
          onClick={() => choose(language)}
          data-testid={`lang-${language}`}
        >
          {t(`lang.${language}`)}
        </Button>
      ))}
    </Space.Compact>
  );
}
