// The privacy screen (隐私屏) for a trade-show stand: a header button and Ctrl+Shift+P turn it
// on or off; while on, a banner says so and every list shows the trade_show policy (the
// server applies it; the toggle refreshes all queries). It is saved in the database, so a
// restart stays masked.
import { EyeInvisibleOutlined, EyeOutlined } from "@ant-design/icons";
import { Alert, Button, Space, Tag, Tooltip } from "antd";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useReportError } from "../components/useReportError";
import { useDataView, useSetPrivacyScreen } from "../ipc/masking";

/** True for the privacy-screen shortcut: Ctrl+Shift+P (Cmd+Shift+P on macOS). */
export const isPrivacyShortcut = (e: KeyboardEvent) =>
  (e.ctrlKey || e.metaKey) && e.shiftKey && !e.altKey && e.key.toLowerCase() === "p";

function useTogglePrivacy() {
  const view = useDataView();
  const set = useSetPrivacyScreen();
  const reportError = useReportError();
  const on = view.data?.privacy_screen ?? false;
  const toggle = () => {
    if (!view.data || set.isPending) return;
    set.mutate(!on, { onError: reportError });
  };
  return { on, toggle, busy: set.isPending, ready: view.data !== undefined };
}

export function PrivacyToggle() {
  const { t } = useTranslation();
  const { on, toggle, busy, ready } = useTogglePrivacy();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!isPrivacyShortcut(e)) return;
      e.preventDefault();
      toggle();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });
  const role = useDataView().data?.role;
  return (
    <Space size="small">
      {role && (
        <Tooltip title={t("settings.dataViewRoleHint")}>
          <Tag className="data-view-badge" color={role === "admin" ? "default" : "blue"} data-testid="data-view-badge">
            {t("masking.viewBadge", { role: t(`dataViewRole.${role}`) })}
          </Tag>
        </Tooltip>
      )}
      <Tooltip title={t("masking.privacyTooltip")}>
      <Button
        size="small"
        type={on ? "primary" : "default"}
        danger={on}
        icon={on ? <EyeInvisibleOutlined /> : <EyeOutlined />}
        aria-pressed={on}
        loading={busy}
        disabled={!ready}
        onClick={toggle}
        data-testid="privacy-toggle"
      >
        {t(on ? "masking.privacyOn" : "masking.privacyOff")}
      </Button>
      </Tooltip>
    </Space>
  );
}

export function PrivacyBanner() {
  const { t } = useTranslation();
  const view = useDataView();
  if (!view.data?.privacy_screen) return null;
  return (
    <Alert
      banner
      type="warning"
      showIcon
      icon={<EyeInvisibleOutlined />}
      className="privacy-banner"
      message={<span data-testid="privacy-banner">{t("masking.privacyBanner")}</span>}
    />
  );
}
