// Settings › General › Backup: how many daily backups the app keeps in backups/ (1–365,
// 7 unless changed). Saved when the field is left or Enter is pressed; a refusal shows the
// server's field message under the field.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { App, InputNumber, Space, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { IpcError } from "../bindings/IpcError";
import { toIpcError } from "../ipc/call";
import { backupKeep, setBackupKeep } from "../ipc/commands";

const KEY = ["backup_keep"];

export function BackupKeepSetting() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const current = useQuery({ queryKey: KEY, queryFn: backupKeep });
  // undefined: not being edited; null: the field was emptied.
  const [typed, setTyped] = useState<number | null | undefined>(undefined);
  const [error, setError] = useState<IpcError | null>(null);
  const save = async () => {
    if (typed === undefined) return;
    if (typed === null || typed === current.data) {
      setTyped(undefined); // emptied or unchanged: show the stored number again
      return;
    }
    try {
      client.setQueryData(KEY, await setBackupKeep(typed));
      setError(null);
      setTyped(undefined);
      void message.success(t("settings.backupKeepSaved", { n: typed }));
    } catch (e) {
      setError(toIpcError(e));
    }
  };
  return (
    <Space direction="vertical" size={2}>
      <Space>
        <Typography.Text>{t("settings.backupKeep")}</Typography.Text>
        <InputNumber<number>
          value={typed === undefined ? (current.data ?? null) : typed}
          precision={0}
          onChange={(v) => setTyped(v)}
          onBlur={() => void save()}
          onPressEnter={() => void save()}
          style={{ width: 90 }}
          data-testid="settings-backup-keep"
        />
      </Space>
      {error && <Typography.Text type="danger" data-testid="error-keep">{error.fields[0]?.message ?? error.message}</Typography.Text>}
    </Space>
  );
}
