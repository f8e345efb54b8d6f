// Settings › General: the user's role (for approvals), the data view role (masking), the active language, where the
// database lives, the app version (all from app_info), "back up now", restore from a backup
// (with a preview) and re-keying.
import { KeyOutlined, RollbackOutlined, SaveOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { App, Button, Descriptions, Popconfirm, Space, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { BackupChoice } from "../bindings/BackupChoice";
import { APP_INFO_KEY, useAppInfo } from "../ipc/appInfo";
import { asLanguage } from "../i18n/language";
import { toIpcError } from "../ipc/call";
import { backupNow, chooseBackup, rekeyDatabase } from "../ipc/commands";
import { BackupKeepSetting } from "./BackupKeepSetting";
import { useReportError } from "../components/useReportError";
import { RestoreBackupModal } from "../security/RestoreBackupModal";
import { DataViewRoleSetting } from "./DataViewRoleSetting";
import { RoleSetting } from "./RoleSetting";

// A variable, not a literal: data-* keys pass the type check only outside object literals.
const REKEY_OK = { "data-testid": "settings-rekey-confirm" };

export function GeneralSettings() {
  const { t, i18n } = useTranslation();
  const { data: info } = useAppInfo();
  const { message } = App.useApp();
  const reportError = useReportError();
  const client = useQueryClient();
  const [backingUp, setBackingUp] = useState(false);
  const [choosing, setChoosing] = useState(false);
  const [rekeying, setRekeying] = useState(false);
  const [choice, setChoice] = useState<BackupChoice | null>(null);
  if (!info) return null;
  const pickBackup = async () => {
    setChoosing(true);
    try {
      setChoice(await chooseBackup());
    } catch (e) {
      reportError(toIpcError(e));
    } finally {
      setChoosing(false);
    }
  };
  const rekey = async () => {
    setRekeying(true);
    try {
      // The new recovery key comes back in app_info; the shell shows it until acknowledged.
      client.setQueryData(APP_INFO_KEY, await rekeyDatabase());
    } catch (e) {
      reportError(toIpcError(e));
    } finally {
      setRekeying(false);
    }
  };
  const backup = async () => {
    setBackingUp(true);
    try {
      const path = await backupNow();
      if (path) void message.success({ content: t("settings.backupDone", { path }), className: "backup-success" });
    } catch (e) {
      reportError(toIpcError(e));
    } finally {
      setBackingUp(false);
    }
  };
  const counts = info.counts;
  return (
    <>
      <Descriptions bordered column={1} size="small" className="settings-list">
        <Descriptions.Item label={t("settings.role")}>
          <Space direction="vertical">
            <RoleSetting />
            <Typography.Text type="secondary">{t("settings.roleHint")}</Typography.Text>
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t("settings.dataViewRole")}>
          <Space direction="vertical">
            <DataViewRoleSetting />
            <Typography.Text type="secondary">{t("settings.dataViewRoleHint")}</Typography.Text>
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t("settings.language")}>
          <span data-testid="settings-language">{t(`lang.${asLanguage(i18n.resolvedLanguage)}`)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t("settings.dbPath")}>
          <Typography.Text code copyable data-testid="settings-db-path">
            {info.db_path}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t("settings.version")}>
          <span data-testid="settings-version">{info.version}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t("settings.backup")}>
          <Space wrap>
            <Button icon={<SaveOutlined />} loading={backingUp} onClick={() => void backup()} data-testid="settings-backup">
              {t("settings.backupNow")}
            </Button>
            <Button icon={<RollbackOutlined />} loading={choosing} onClick={() => void pickBackup()} data-testid="settings-restore">
              {t("settings.restore")}
            </Button>
            <BackupKeepSetting />
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t("settings.encryption")}>
          <Space direction="vertical">
            <Typography.Text type="secondary">{t("settings.encryptionHint")}</Typography.Text>
            <Popconfirm
              title={t("settings.rekeyConfirm")}
              description={t("settings.rekeyHint")}
              okText={t("settings.rekey")}
              okButtonProps={REKEY_OK}
              onConfirm={() => void rekey()}
            >
              <Button icon={<KeyOutlined />} loading={rekeying} data-testid="settings-rekey">
                {t("settings.rekey")}
              </Button>
            </Popconfirm>
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t("settings.records")}>
          {t("nav.customers")} {String(counts.customers)} · {t("nav.contacts")} {String(counts.contacts)} ·{" "}
          {t("nav.products")} {String(counts.products)} · {t("nav.opportunities")} {String(counts.opportunities)}
        </Descriptions.Item>
      </Descriptions>
      {choice && (
        <RestoreBackupModal
          choice={choice}
          onClose={() => setChoice(null)}
          onRestored={(report) => {
            setChoice(null);
            void message.success({
              content: t("restore.done", { path: report.safety_copy }),
              className: "restore-success",
              duration: 8,
            });
          }}
        />
      )}
    </>
  );
}
