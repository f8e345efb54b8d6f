// Settings in tabs: General (role, language, database, backups, encryption), Quote rules
// (pricing, approval thresholds, numbering, volume breaks) and Letterhead & print.
import { Card, Tabs, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { InboxSetting } from "../partners/InboxSetting";
import { GeneralSettings } from "../settings/GeneralSettings";
import { PrintSettingsForm } from "../settings/PrintSettingsForm";
import { QuoteRulesForm } from "../settings/QuoteRulesForm";
import { VolumeBreaksEditor } from "../settings/VolumeBreaksEditor";

export function SettingsPage() {
  const { t } = useTranslation();
  const tab = (key: string, children: React.ReactNode) => ({
    key,
    label: <span data-testid={`settings-tab-${key}`}>{t(`settings.tabs.${key}`)}</span>,
    children,
  });
  return (
    <div className="settings-page">
      <Typography.Title level={4} className="page-title">
        {t("settings.title")}
      </Typography.Title>
      <Tabs
        className="settings-tabs"
        destroyOnHidden
        items={[
          tab("general", <GeneralSettings />),
          tab(
            "quotes",
            <div className="settings-sections">
              <Card size="small" title={t("settings.rulesTitle")}>
                <QuoteRulesForm />
              </Card>
              <Card size="small" title={t("settings.breaks.title")}>
                <VolumeBreaksEditor />
              </Card>
            </div>,
          ),
          tab(
            "print",
            <div className="settings-sections">
              <Card size="small" title={t("settings.print.title")}>
                <PrintSettingsForm />
              </Card>
            </div>,
          ),
          // channel partners: the watched inbox folder
          {
            key: "inbox",
            label: <span data-testid="settings-tab-inbox">{t("partners.settingsTab")}</span>,
            children: (
              <div className="settings-sections">
                <Card size="small" title={t("partners.inbox.settingTitle")}>
                  <InboxSetting />
                </Card>
              </div>
            ),
          },
        ]}
      />
    </div>
  );
}
