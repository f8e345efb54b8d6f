// Waits for app_info (whose loading applies the initial language), provides antd's
// locale and theme, and shows onboarding on first run (or the unlock screen when the
// database's key is missing or wrong).
import { App as AntApp, Button, ConfigProvider, Result, Spin } from "antd";
import { useTranslation } from "react-i18next";
import { antdLocale, asLanguage } from "./i18n/language";
import { useAppInfo } from "./ipc/appInfo";
import { AppLayout } from "./layout/AppLayout";
import { OnboardingModal } from "./onboarding/OnboardingModal";
import { RecoveryKeyModal } from "./onboarding/RecoveryKeyModal";
import { UnlockScreen } from "./security/UnlockScreen";
import { theme } from "./theme";

export function AppShell() {
  const { t, i18n } = useTranslation();
  const info = useAppInfo();
  let content;
  if (info.isError) {
    content = (
      <Result
        status="error"
        title={t("app.backendError")}
        subTitle={info.error.message}
        extra={<Button onClick={() => void info.refetch()}>{t("app.retry")}</Button>}
      />
    );
  } else if (!info.data) {
    content = <Spin size="large" className="app-loading" tip={t("app.loading")} fullscreen />;
  } else if (info.data.locked) {
    content = <UnlockScreen info={info.data} />;
  } else {
    content = (
      <>
        <AppLayout />
        {info.data.recovery_key ? (
          <RecoveryKeyModal recoveryKey={info.data.recovery_key} />
        ) : (
          !info.data.onboarded && <OnboardingModal />
        )}
      </>
    );
  }

  return (
    <ConfigProvider
      locale={antdLocale(asLanguage(i18n.resolvedLanguage))}
      theme={theme}
      componentSize="middle"
      button={{ autoInsertSpace: false }}
    >
      <AntApp className="app-root">{content}</AntApp>
    </ConfigProvider>
  );
}
