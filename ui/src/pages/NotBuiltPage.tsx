// Placeholder for areas that come in a later release: says so plainly, shows nothing fake.
import { Result } from "antd";
import { useTranslation } from "react-i18next";

export function NotBuiltPage() {
  const { t } = useTranslation();
  return <Result status="info" title={t("notBuilt.title")} data-testid="not-built" />;
}
