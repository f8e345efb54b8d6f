// Shown once, right after a new encrypted database was created: the recovery key the user
// must write down (the only way back in if the keychain entry is lost). It stays until the
// user confirms; the server forgets the key then.
import { CopyOutlined, LockOutlined } from "@ant-design/icons";
import { App, Button, Modal, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useReportError } from "../components/useReportError";
import { useAcknowledgeRecoveryKey } from "../ipc/appInfo";

export function RecoveryKeyModal({ recoveryKey }: { recoveryKey: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const acknowledge = useAcknowledgeRecoveryKey();
  const reportError = useReportError();
  const copy = async () => {
    await navigator.clipboard.writeText(recoveryKey);
    void message.success(t("recovery.copied"));
  };

  return (
    <Modal
      open
      title={
        <Space>
          <LockOutlined />
          {t("recovery.title")}
        </Space>
      }
      closable={false}
      maskClosable={false}
      keyboard={false}
      width={560}
      footer={
        <Space>
          <Button icon={<CopyOutlined />} onClick={() => void copy()}>
            {t("recovery.copy")}
          </Button>
          <Button
            type="primary"
            loading={acknowledge.isPending}
            onClick={() => acknowledge.mutate(undefined, { onError: reportError })}
            data-testid="recovery-ack"
          >
            {t("recovery.confirm")}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph>{t("recovery.intro")}</Typography.Paragraph>
      <Typography.Paragraph code className="recovery-key" data-testid="recovery-key">
        {recoveryKey}
      </Typography.Paragraph>
    </Modal>
  );
}
