// Settings: the active language, where the database lives, the app version (all from
// app_info), and "back up now".
import { SaveOutlined } from "@ant-design/icons";
import { App, Button, Descriptions, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useAppInfo } from "../ipc/appInfo";
import { asLanguage } from "../i18n/language";
import { toIpcError } from "../ipc/call";
import { backupNow } from "../ipc/commands";
import { useReportError } from "../components/useReportError";

export function SettingsPage() {
  const { t, i18n } = useTranslation();
  const { data: info } = useAppInfo();
  const { message } = App.useApp();
  const reportError = useReportError();
  const [backingUp, setBackingUp] = useState(false);
  if (!info) return null;
  const backup = async () => {
    setBackingUp(true);
    try {
      const path = await backupNow();
      if (path) void message.success({ content: t("settings.backupDone", { path }), className: "backup-success" });
    } catch (e) {
      reportError(toIpcError(e));
    } finally {
      setBackingUp(false);
    }
  };
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
        <Descriptions.Item label={t("settings.backup")}>
          <Button icon={<SaveOutlined />} loading={backingUp} onClick={() => void backup()} data-testid="settings-backup">
            {t("settings.backupNow")}
          </Button>
        </Descriptions.Item>
        <Descriptions.Item label={t("settings.records")}>
          {t("nav.customers")} {String(counts.customers)} · {t("nav.contacts")} {String(counts.contacts)} ·{" "}
          {t("nav.products")} {String(counts.products)} · {t("nav.opportunities")} {String(counts.opportunities)}
        </Descriptions.Item>
      </Descriptions>
    </div>
  );
}
