// Compliance: the audit log (first, as before), subject requests, and the personal-data scan.
import { Tabs } from "antd";
import { useTranslation } from "react-i18next";
import { AuditLogPage } from "./AuditLogPage";
import { ScanPage } from "./ScanPage";
import { SubjectRequestsPage } from "./SubjectRequestsPage";

export function CompliancePage() {
  const { t } = useTranslation();
  return (
    <Tabs
      className="compliance-tabs"
      destroyOnHidden
      items={[
        { key: "audit", label: <span data-testid="compliance-tab-audit">{t("audit.title")}</span>, children: <AuditLogPage /> },
        { key: "subject", label: <span data-testid="compliance-tab-subject">{t("subject.title")}</span>, children: <SubjectRequestsPage /> },
        { key: "scan", label: <span data-testid="compliance-tab-scan">{t("scan.title")}</span>, children: <ScanPage /> },
      ]}
    />
  );
}
