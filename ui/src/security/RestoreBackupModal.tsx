// Restore from a backup, step by step: the backup was chosen in the native dialog (by the
// caller); this shows what it holds (records per table, when it was written), asks for the
// backup's own recovery key when it predates a re-key, and restores only on confirmation,
// after the server has saved a safety copy of the current database.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Descriptions, Input, Modal, Space, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { BackupChoice } from "../bindings/BackupChoice";
import type { BackupInfo } from "../bindings/BackupInfo";
import type { RestoreReport } from "../bindings/RestoreReport";
import { toIpcError } from "../ipc/call";
import { previewBackup, restoreBackup } from "../ipc/commands";

type Props = {
  choice: BackupChoice;
  onClose: () => void;
  onRestored: (report: RestoreReport) => void;
};

export function RestoreBackupModal({ choice, onClose, onRestored }: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [preview, setPreview] = useState<BackupInfo | null>(choice.preview);
  const [recoveryKey, setRecoveryKey] = useState("");
  const keyArg = choice.needs_recovery_key ? recoveryKey : null;
  const check = useMutation({ mutationFn: () => previewBackup(recoveryKey), onSuccess: setPreview });
  const restore = useMutation({
    mutationFn: () => restoreBackup(keyArg),
    onSuccess: async (report) => {
      await client.invalidateQueries();
      onRestored(report);
    },
  });
  const error = check.error ?? restore.error;

  return (
    <Modal
      open
      title={t("restore.title", { file: choice.file_name })}
      onCancel={onClose}
      maskClosable={false}
      width={560}
      footer={
        <Space>
          <Button onClick={onClose}>{t("restore.cancel")}</Button>
          <Button
            type="primary"
            danger
            disabled={!preview}
            loading={restore.isPending}
            onClick={() => restore.mutate()}
            data-testid="restore-confirm"
          >
            {t("restore.confirm")}
          </Button>
        </Space>
      }
    >
      {choice.needs_recovery_key && !preview && (
        <Space direction="vertical" className="restore-key">
          <Typography.Paragraph>{t("restore.needsKey")}</Typography.Paragraph>
          <Space.Compact className="restore-key-row">
            <Input
              value={recoveryKey}
              onChange={(e) => setRecoveryKey(e.target.value)}
              placeholder="XXXXXXXX-XXXXXXXX-…"
              spellCheck={false}
              data-testid="restore-key"
            />
            <Button
              onClick={() => check.mutate()}
              loading={check.isPending}
              disabled={recoveryKey.trim() === ""}
              data-testid="restore-check"
            >
              {t("restore.check")}
            </Button>
          </Space.Compact>
        </Space>
      )}
      {preview && (
        <>
          <Typography.Paragraph>{t("restore.intro")}</Typography.Paragraph>
          <Descriptions bordered column={1} size="small" data-testid="restore-preview">
            <Descriptions.Item label={t("restore.writtenAt")}>
              {new Date(preview.written_at).toLocaleString()}
            </Descriptions.Item>
            <Descriptions.Item label={t("nav.customers")}>
              <span data-testid="restore-customers">{String(preview.counts.customers)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t("nav.contacts")}>{String(preview.counts.contacts)}</Descriptions.Item>
            <Descriptions.Item label={t("nav.products")}>{String(preview.counts.products)}</Descriptions.Item>
            <Descriptions.Item label={t("nav.opportunities")}>{String(preview.counts.opportunities)}</Descriptions.Item>
            <Descriptions.Item label={t("restore.schema")}>{String(preview.schema_version)}</Descriptions.Item>
          </Descriptions>
        </>
      )}
      {error && <Alert type="error" showIcon message={toIpcError(error).message} className="restore-error" />}
    </Modal>
  );
}
