// The window frame: title and language switch on top, navigation on the left, the
// selected area's page in the middle.
import { Layout, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { AreaView } from "./AreaView";
import type { Area } from "./areas";
import { LanguageSwitch } from "./LanguageSwitch";
import { NavMenu } from "./NavMenu";

export function AppLayout() {
  const { t } = useTranslation();
  const [area, setArea] = useState<Area>("customers");
  return (
    <Layout className="app-layout">
      <Layout.Header className="app-header">
        <Typography.Title level={5} className="app-title" data-testid="app-title">
          {t("app.title")}
        </Typography.Title>
        <LanguageSwitch />
      </Layout.Header>
      <Layout>
        <Layout.Sider width={232} className="app-sider" theme="light">
          <NavMenu area={area} onSelect={setArea} />
        </Layout.Sider>
        <Layout.Content className="app-content">
          <AreaView area={area} />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
