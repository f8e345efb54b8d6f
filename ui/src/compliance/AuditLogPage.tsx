// Compliance › Audit log: the append-only log newest first (when, who, action, entity,
// record, detail), paged on the server. The server masks the actor through the data view
// and every kind of personal data in details, so nothing here shows it in clear.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Alert, Table, Tag, Typography } from "antd";
import { useState, type HTMLAttributes } from "react";
import { useTranslation } from "react-i18next";
import type { AuditEntry } from "../bindings/AuditEntry";
import { timestampText } from "../format/display";
import { listAudit } from "../ipc/masking";

/** The detail JSON as `key: value` pairs; anything else as it is. */
function detailText(detail: string): string {
  try {
    const value: unknown = JSON.parse(detail);
    if (value && typeof value === "object" && !Array.isArray(value)) {
      const pairs = Object.entries(value as Record<string, unknown>).map(([k, v]) => `${k}: ${typeof v === "string" ? v : JSON.stringify(v)}`);
      return pairs.join(" · ");
    }
  } catch {
    // not JSON: shown as stored
  }
  return detail;
}

export function AuditLogPage() {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const result = useQuery({
    queryKey: ["audit", page, pageSize],
    queryFn: () => listAudit(page, pageSize),
    placeholderData: keepPreviousData,
    // Every action anywhere appends entries: read the log afresh whenever the page opens.
    staleTime: 0,
  });
  const actionLabel = (a: string) => t(`audit.actions.${a}`, { defaultValue: a });
  return (
    <div className="table-page">
      <div className="table-toolbar">
        <Typography.Title level={4} className="page-title">{t("audit.title")}</Typography.Title>
        <span className="table-total" data-testid="audit-total">{t("common.total", { n: Number(result.data?.total ?? 0) })}</span>
      </div>
      {result.isError && <Alert type="error" showIcon message={t(`errorKind.${result.error.kind}`)} description={result.error.message} />}
      <div data-testid="audit-table">
        <Table<AuditEntry>
          rowKey="seq"
          size="small"
          loading={result.isFetching}
          dataSource={result.data?.items ?? []}
          onRow={(e) => ({ "data-testid": `audit-row-${e.seq}`, "data-action": e.action }) as HTMLAttributes<HTMLElement>}
          pagination={{
            current: page,
            pageSize,
            total: Number(result.data?.total ?? 0),
            showSizeChanger: true,
            size: "small",
            onChange: (p, s) => {
              setPage(s === pageSize ? p : 1);
              setPageSize(s);
            },
          }}
          scroll={{ x: 900, y: "calc(100vh - 230px)" }}
          columns={[
            { key: "seq", title: "#", width: 50, render: (_, e) => e.seq },
            { key: "at", title: t("audit.at"), width: 140, render: (_, e) => timestampText(e.at, i18n.language) },
            { key: "actor", title: t("audit.actor"), width: 90, render: (_, e) => e.actor },
            { key: "action", title: t("audit.action"), width: 120, render: (_, e) => <Tag data-testid={`audit-action-${e.seq}`}>{actionLabel(e.action)}</Tag> },
            { key: "entity", title: t("audit.entity"), width: 90, render: (_, e) => t(`audit.entities.${e.entity}`, { defaultValue: e.entity }) },
            { key: "entity_id", title: t("audit.record"), width: 110, ellipsis: true, render: (_, e) => <span className="mono" title={e.entity_id}>{e.entity_id}</span> },
            { key: "detail", title: t("audit.detail"), width: 300, render: (_, e) => <span className="audit-detail" data-testid={`audit-detail-${e.seq}`}>{detailText(e.detail)}</span> },
          ]}
        />
      </div>
    </div>
  );
}
