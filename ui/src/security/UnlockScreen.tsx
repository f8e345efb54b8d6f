// Shown instead of the app when the database's key is missing from this computer's
// credential store or does not open it (a copied database, a lost keychain entry): enter the
// recovery key, or move the unreadable file aside and start a new database.
import { LockOutlined } from "@ant-design/icons";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Card, Form, Input, Popconfirm, Space, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { AppInfo } from "../bindings/AppInfo";
import { APP_INFO_KEY } from "../ipc/appInfo";
import { toIpcError } from "../ipc/call";
import { startNewDatabase, unlockDatabase } from "../ipc/commands";

// A variable, not a literal: data-* keys pass the type check only outside object literals.
const START_NEW_OK = { danger: true, "data-testid": "unlock-start-new-confirm" };

export function UnlockScreen({ info }: { info: AppInfo }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [recoveryKey, setRecoveryKey] = useState("");
  const opened = async (next: AppInfo) => {
    client.setQueryData(APP_INFO_KEY, next);
    await client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== APP_INFO_KEY[0] });
  };
  const unlock = useMutation({ mutationFn: () => unlockDatabase(recoveryKey), onSuccess: opened });
  const startNew = useMutation({ mutationFn: startNewDatabase, onSuccess: opened });
  const error = unlock.error ?? startNew.error;

  return (
    <div className="unlock-screen">
      <Card
        title={
          <Space>
            <LockOutlined />
            {t("unlock.title")}
          </Space>
        }
        className="unlock-card"
      >
        <Typography.Paragraph>{t("unlock.intro")}</Typography.Paragraph>
        <Typography.Paragraph type="secondary" data-testid="unlock-reason">
          {info.locked}
        </Typography.Paragraph>
        <Form layout="vertical" onFinish={() => unlock.mutate()}>
          <Form.Item label={t("unlock.keyLabel")} required>
            <Input
              value={recoveryKey}
              onChange={(e) => setRecoveryKey(e.target.value)}
              placeholder="XXXXXXXX-XXXXXXXX-…"
              autoFocus
              spellCheck={false}
              className="recovery-input"
              data-testid="unlock-key"
            />
          </Form.Item>
          {error && (
            <Alert type="error" showIcon message={toIpcError(error).message} className="unlock-error" data-testid="unlock-error" />
          )}
          <Space className="unlock-actions">
            <Button
              type="primary"
              htmlType="submit"
              disabled={recoveryKey.trim() === ""}
              loading={unlock.isPending}
              data-testid="unlock-submit"
            >
              {t("unlock.submit")}
            </Button>
            <Popconfirm
              title={t("unlock.startNewConfirm")}
              description={t("unlock.startNewHint")}
              okText={t("unlock.startNew")}
              okButtonProps={START_NEW_OK}
              onConfirm={() => startNew.mutate()}
            >
              <Button danger loading={startNew.isPending} data-testid="unlock-start-new">
                {t("unlock.startNew")}
              </Button>
            </Popconfirm>
          </Space>
        </Form>
      </Card>
    </div>
  );
}
