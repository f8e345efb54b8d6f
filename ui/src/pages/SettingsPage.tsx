// Settings: the active language, where the database lives and the app version, all
// from app_info.
import { Descriptions, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useAppInfo } from "../ipc/appInfo";
import { asLanguage } from "../i18n/language";

export function SettingsPage() {
  const { t, i18n } = useTranslation();
  const { data: info } = useAppInfo();
  if (!info) return null;
  const counts = info.counts;
  return (
    <div className="settings-page">
      <Typography.Title level={4} className="page-title">
        {t("settings.title")}
      </Typography.Title>
      <Descriptions bordered column={1} size="small" className="settings-list">
        <Descriptions.Item label={t("settings.language")}>
          <span data-testid="settings-language">{t(`lang.${asLanguage(i18n.resolvedLanguage)}`)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t("settings.dbPath")}>
          <Typography.Text code copyable data-testid="settings-db-path">
            {info.db_path}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t("settings.version")}>
          <span data-testid="settings-version">{info.version}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t("settings.records")}>
          {t("nav.customers")} {String(counts.customers)} · {t("nav.contacts")} {String(counts.contacts)} ·{" "}
          {t("nav.products")} {String(counts.products)} · {t("nav.opportunities")} {String(counts.opportunities)}
        </Descriptions.Item>
      </Descriptions>
    </div>
  );
}
