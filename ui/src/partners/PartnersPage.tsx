// The Partners & profit-share area: partners and reps, sales lines and their imports, the
// watched inbox, plans (the form editor), statements (run, review, lock, export) and what-if.
// Each tab is its own component; the tab labels carry `partners-tab-<key>` test ids.
import { Tabs, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import "./partners.css";
import { InboxTab } from "./InboxTab";
import { PartnerListTab } from "./PartnerListTab";
import { PlansTab } from "./PlansTab";
import { SalesTab } from "./SalesTab";
import { StatementsTab } from "./StatementsTab";
import { WhatIfTab } from "./WhatIfTab";

const TABS = ["partners", "sales", "inbox", "plans", "statements", "whatif"] as const;
type TabKey = (typeof TABS)[number];

export function PartnersPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<TabKey>("partners");
  const content = (key: TabKey) => {
    switch (key) {
      case "partners":
        return <PartnerListTab />;
      case "sales":
        return <SalesTab />;
      case "inbox":
        return <InboxTab />;
      case "plans":
        return <PlansTab />;
      case "statements":
        return <StatementsTab />;
      case "whatif":
        return <WhatIfTab />;
    }
  };
  return (
    <div className="partners-page">
      <Typography.Title level={4} className="page-title">
        {t("partners.title")}
      </Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k as TabKey)}
        destroyOnHidden
        items={TABS.map((key) => ({ key, label: <span data-testid={`partners-tab-${key}`}>{t(`partners.tabs.${key}`)}</span>, children: content(key) }))}
      />
    </div>
  );
}
