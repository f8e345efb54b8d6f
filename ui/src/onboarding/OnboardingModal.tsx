// First run: asks whether to load demo data or start empty, then tells the server
// (finish_onboarding) and refreshes every query.
import { DatabaseOutlined, ExperimentOutlined } from "@ant-design/icons";
import { Button, Modal, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useReportError } from "../components/useReportError";
import { useFinishOnboarding } from "../ipc/appInfo";

export function OnboardingModal() {
  const { t } = useTranslation();
  const finish = useFinishOnboarding();
  const reportError = useReportError();
  const choose = (loadDemo: boolean) => finish.mutate(loadDemo, { onError: reportError });
  const busy = finish.isPending ? finish.variables : undefined;

  return (
    <Modal open title={t("onboarding.title")} closable={false} maskClosable={false} keyboard={false} footer={null} width={520}>
      <Typography.Paragraph>{t("onboarding.intro")}</Typography.Paragraph>
      <Space direction="vertical" size="middle" className="onboarding-choices">
        <div>
          <Button
            type="primary"
            icon={<ExperimentOutlined />}
            block
            loading={busy === true}
            disabled={finish.isPending}
            onClick={() => choose(true)}
            data-testid="onboarding-demo"
          >
            {t("onboarding.demo")}
          </Button>
          <Typography.Text type="secondary">{t("onboarding.demoHint")}</Typography.Text>
        </div>
        <div>
          <Button
            icon={<DatabaseOutlined />}
            block
            loading={busy === false}
            disabled={finish.isPending}
            onClick={() => choose(false)}
            data-testid="onboarding-empty"
          >
            {t("onboarding.empty")}
          </Button>
          <Typography.Text type="secondary">{t("onboarding.emptyHint")}</Typography.Text>
        </div>
      </Space>
    </Modal>
  );
}
