// Which folder is watched for partners' sales reports: chosen in the native folder dialog
// (opened by the app, never a typed path), or the app's own `inbox/` beside the database.
// Also: one sub-folder per partner, and stop watching. Shown in Settings and on the inbox tab.
import { FolderOpenOutlined } from "@ant-design/icons";
import { Alert, App, Button, Descriptions, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { InboxStatus } from "../bindings/InboxStatus";
import { useReportError } from "../components/useReportError";
import { toIpcError } from "../ipc/call";
import { chooseInboxFolder, makePartnerFolders, stopInbox, watchDefaultInbox } from "../ipc/partners";
import { useInboxStatus, useRefreshPartners } from "./queries";

export function InboxSetting() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const status = useInboxStatus();
  const refresh = useRefreshPartners();
  const reportError = useReportError();
  const [busy, setBusy] = useState<string | null>(null);
  const run = async (key: string, f: () => Promise<InboxStatus | null>) => {
    setBusy(key);
    try {
      if (await f()) {
        refresh();
        void message.success(t("partners.inbox.updated"));
      }
    } catch (e) {
      reportError(toIpcError(e));
    } finally {
      setBusy(null);
    }
  };
  const s = status.data;
  return (
    <div data-testid="inbox-setting">
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t("partners.inbox.folder")}>
          {s?.folder ? (
            <Typography.Text copyable data-testid="inbox-folder" data-path={s.folder}>
              {s.folder}
            </Typography.Text>
          ) : (
            <span className="muted" data-testid="inbox-folder-none">{t("partners.inbox.noFolder")}</span>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t("partners.inbox.state")}>
          <Tag color={s?.watching ? "green" : "default"} data-testid="inbox-watching" data-watching={s?.watching ? "yes" : "no"}>
            {t(s?.watching ? "partners.inbox.watching" : "partners.inbox.notWatching")}
          </Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t("partners.inbox.partnerFolders")}>
          {(s?.partner_folders ?? []).length === 0 ? "—" : s?.partner_folders.map((c) => <Tag key={c}>{c}/</Tag>)}
        </Descriptions.Item>
      </Descriptions>
      <Alert className="section" style={{ marginTop: 12 }} type="info" showIcon message={t("partners.inbox.howItWorks")} />
      <Space wrap>
        <Button type="primary" icon={<FolderOpenOutlined />} loading={busy === "choose"} onClick={() => void run("choose", chooseInboxFolder)} data-testid="inbox-choose">
          {t("partners.inbox.choose")}
        </Button>
        <Button loading={busy === "default"} onClick={() => void run("default", watchDefaultInbox)} data-testid="inbox-use-default">
          {t("partners.inbox.useDefault", { path: s?.default_folder ?? "" })}
        </Button>
        <Button disabled={!s?.folder} loading={busy === "folders"} onClick={() => void run("folders", makePartnerFolders)} data-testid="inbox-partner-folders">
          {t("partners.inbox.makeFolders")}
        </Button>
        <Button danger disabled={!s?.folder} loading={busy === "stop"} onClick={() => void run("stop", stopInbox)} data-testid="inbox-stop">
          {t("partners.inbox.stop")}
        </Button>
      </Space>
    </div>
  );
}
