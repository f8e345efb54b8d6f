// The window frame: title, privacy screen toggle (Ctrl+Shift+P) and language switch on top,
// the privacy screen banner under them while it is on, navigation on the left, the selected
// area's page in the middle.
import { Layout, Space, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { AreaView } from "./AreaView";
import type { Area } from "./areas";
import { PrivacyBanner, PrivacyToggle } from "../masking/PrivacyScreen";
import { LanguageSwitch } from "./LanguageSwitch";
import { NavMenu } from "./NavMenu";

export function AppLayout() {
  const { t } = useTranslation();
  const [area, setArea] = useState<Area>("customers");
  // Counts clicks in the navigation, so clicking the open area again starts it afresh
  // (e.g. Quotes goes back from a quote to the list).
  const [visit, setVisit] = useState(0);
  const select = (next: Area) => {
    setArea(next);
    setVisit((v) => v + 1);
  };
  return (
    <Layout className="app-layout">
      <Layout.Header className="app-header">
        <Typography.Title level={5} className="app-title" data-testid="app-title">
          {t("app.title")}
        </Typography.Title>
        <Space size="middle">
          <PrivacyToggle />
          <LanguageSwitch />
        </Space>
      </Layout.Header>
      <PrivacyBanner />
      <Layout>
        <Layout.Sider width={232} className="app-sider" theme="light">
          <NavMenu area={area} onSelect={select} />
        </Layout.Sider>
        <Layout.Content className="app-content">
          <AreaView area={area} visit={visit} />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
