// What arrived in the watched inbox and what happened to it: imported (moved to imported/),
// rejected (moved to rejected/ with <name>.errors.txt: row, column, reason), duplicate (the
// same bytes were imported before), failed (left in place, tried again on the next start).
// The list is stored (it survives a restart) and grows live through the inbox subscription.
import { useQueryClient } from "@tanstack/react-query";
import { Card, Table, Tag } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import type { InboxEvent } from "../bindings/InboxEvent";
import type { InboxOutcome } from "../bindings/InboxOutcome";
import { timestampText } from "../format/display";
import { subscribeInbox } from "../ipc/partners";
import { InboxSetting } from "./InboxSetting";
import { PARTNERS, useInboxEvents } from "./queries";

const COLORS: Record<InboxOutcome, string> = { imported: "green", rejected: "red", duplicate: "orange", failed: "default" };

/** Subscribes to the inbox once while mounted; every event refreshes the partner area. */
export function useInboxFeed() {
  const client = useQueryClient();
  useEffect(() => {
    subscribeInbox((ev) => {
      client.setQueryData<InboxEvent[]>([...PARTNERS, "inbox-events"], (old) => [ev, ...(old ?? []).filter((o) => o.id !== ev.id)]);
      void client.invalidateQueries({ queryKey: PARTNERS, predicate: (q) => q.queryKey[1] !== "inbox-events" });
    }).catch(() => undefined);
  }, [client]);
}

export function InboxTab() {
  const { t, i18n } = useTranslation();
  const events = useInboxEvents();
  useInboxFeed();
  const columns: ColumnsType<InboxEvent> = [
    { key: "at", title: t("partners.inbox.at"), width: 150, render: (_, e) => timestampText(e.at, i18n.language) },
    { key: "folder", title: t("partners.inbox.folderCol"), width: 90, render: (_, e) => e.partner ?? t("partners.inbox.shared") },
    { key: "file", title: t("partners.inbox.file"), render: (_, e) => e.file_name },
    {
      key: "outcome",
      title: t("partners.inbox.outcome"),
      width: 110,
      render: (_, e) => (
        <Tag color={COLORS[e.outcome]} data-testid={`inbox-outcome-${e.file_name}`} data-outcome={e.outcome}>
          {t(`partners.inboxOutcome.${e.outcome}`)}
        </Tag>
      ),
    },
    { key: "lines", title: t("partners.inbox.lines"), width: 70, align: "right", render: (_, e) => e.lines },
    { key: "moved", title: t("partners.inbox.movedTo"), width: 200, render: (_, e) => e.moved_to || "—" },
    { key: "message", title: t("partners.inbox.message"), ellipsis: true, render: (_, e) => e.message },
  ];
  return (
    <div className="inbox-events" data-testid="inbox-tab">
      <Card size="small" title={t("partners.inbox.settingTitle")} className="section">
        <InboxSetting />
      </Card>
      <Card size="small" title={t("partners.inbox.eventsTitle")}>
        <Table<InboxEvent>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={events.data ?? []}
          loading={events.isLoading}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          expandable={{
            rowExpandable: (e) => e.problems.length > 0,
            expandedRowRender: (e) => (
              <ul className="problems">
                {e.problems.map((p, i) => (
                  <li key={i}>{t("import.problem", { row: p.row, column: p.column, value: p.value, message: p.message })}</li>
                ))}
              </ul>
            ),
          }}
          data-testid="inbox-events"
        />
      </Card>
    </div>
  );
}
