// Targets (年度→季度→月度): set the year, a quarter or a month for the team or one owner;
// the periods without their own target follow (the rest of the year split evenly), shown in
// grey. Enter or leaving a cell saves it; an emptied cell clears that period's own target.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Input, InputNumber, Modal, Select, Space, Table, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { OwnerChoice } from "../bindings/OwnerChoice";
import type { TargetCell } from "../bindings/TargetCell";
import { useReportError } from "../components/useReportError";
import { toIpcError } from "../ipc/call";
import { saveTarget, targetBreakdown } from "../ipc/dashboard";
import { groupDigits } from "../format/decimal";

type Props = { open: boolean; onClose: () => void; owners: OwnerChoice[]; currency: string; initialYear: number };

function CellInput({ cell, onSave }: { cell: TargetCell; onSave: (amount: string | null) => void }) {
  const [text, setText] = useState<string | null>(null);
  const shown = text ?? (cell.explicit ? (cell.amount ?? "") : "");
  const commit = () => {
    if (text === null) return;
    const v = text.trim().replace(/,/g, "");
    setText(null);
    if (v === (cell.explicit ? cell.amount : "")) return;
    onSave(v === "" ? null : v);
  };
  return (
    <Input
      size="small"
      value={shown}
      placeholder={cell.amount == null ? "" : groupDigits(cell.amount)}
      onChange={(e) => setText(e.target.value)}
      onBlur={commit}
      onPressEnter={commit}
      className={cell.explicit ? "target-explicit" : "target-derived"}
      data-testid={`target-${cell.period}`}
    />
  );
}

export function TargetsModal({ open, onClose, owners, currency, initialYear }: Props) {
  const { t } = useTranslation();
  const reportError = useReportError();
  const client = useQueryClient();
  const [year, setYear] = useState(initialYear);
  const [owner, setOwner] = useState("");
  const key = ["dashboard", "targets", year, owner, currency];
  const breakdown = useQuery({ queryKey: key, queryFn: () => targetBreakdown(year, owner, currency), enabled: open });
  const save = async (period: string, amount: string | null) => {
    try {
      const next = await saveTarget({ period, owner, currency, amount });
      client.setQueryData(key, next);
      void client.invalidateQueries({ queryKey: ["dashboard", "figures"] });
    } catch (e) {
      reportError(toIpcError(e));
    }
  };
  const b = breakdown.data;
  const rows: TargetCell[] = b ? [b.year_target, ...b.quarters, ...b.months] : [];
  return (
    <Modal open={open} onCancel={onClose} onOk={onClose} title={t("dashboard.target.modalTitle")} width={560} cancelButtonProps={{ style: { display: "none" } }} destroyOnHidden>
      <Space wrap className="targets-controls">
        <InputNumber value={year} min={1900} max={9999} onChange={(v) => v && setYear(v)} data-testid="targets-year" />
        <Select
          value={owner}
          style={{ minWidth: 180 }}
          onChange={setOwner}
          options={[{ value: "", label: t("dashboard.target.team") }, ...owners.map((o) => ({ value: o.value, label: o.label }))]}
          data-testid="targets-owner"
        />
        <Typography.Text type="secondary">{currency}</Typography.Text>
      </Space>
      <Typography.Paragraph type="secondary">{t("dashboard.target.help")}</Typography.Paragraph>
      <Table<TargetCell>
        size="small"
        pagination={false}
        rowKey="period"
        dataSource={rows}
        scroll={{ y: 360 }}
        columns={[
          { key: "period", title: t("dashboard.target.period"), width: 110, render: (_, c) => (c.period.length === 4 ? <strong>{c.period}</strong> : c.period) },
          { key: "amount", title: t("dashboard.target.amount"), render: (_, c) => <CellInput key={`${c.period}-${c.amount}-${c.explicit}`} cell={c} onSave={(a) => void save(c.period, a)} /> },
        ]}
      />
    </Modal>
  );
}
