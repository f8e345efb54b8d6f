// The contract's clauses in print order, zh and en side by side (placeholders filled in as
// printed), each marked with where its text came from and the open flags that point at it;
// edit the text, swap to one of the library's fallback positions, or add a free-text clause.
import { EditOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Card, Select, Space, Tag, Tooltip, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ContractClause } from "../bindings/ContractClause";
import type { ContractDetail } from "../bindings/ContractDetail";
import { addContractClause, chooseContractFallback, editContractClause } from "../ipc/contracts";
import { ClauseEditModal, type ClauseText } from "./ClauseEditModal";
import { EDITABLE, SEVERITY_COLORS } from "./status";
import type { RunChange } from "./useContractChange";

type Props = { detail: ContractDetail; run: RunChange; busy: string | null };
type Editing = { position: number | null; initial: ClauseText } | null;

const short = (s: string) => (s.length > 48 ? `${s.slice(0, 48)}…` : s);

export function ClauseList({ detail: d, run, busy }: Props) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Editing>(null);
  const id = d.contract.id;
  const editable = EDITABLE.includes(d.contract.status);
  const filled = (n: number) => d.filled.find((f) => f.position === n);
  const lockedTip = editable ? undefined : t("contracts.locked");

  const sourceTag = (c: ContractClause) => {
    const label = c.source === "fallback" ? t("contracts.clauses.fallbackN", { n: c.fallback_position ?? 0 }) : t(`contracts.clauses.source.${c.source}`);
    const color = { standard: "default", fallback: "blue", edited: "gold", free: "purple" }[c.source];
    return <Tag color={color} data-testid={`clause-${c.position}-source`}>{label}</Tag>;
  };

  const fallbackPicker = (c: ContractClause) => {
    const lib = d.library.find((l) => l.clause_key === c.clause_key);
    if (!lib || lib.fallbacks.length === 0) return null;
    const current = c.source === "fallback" ? (c.fallback_position ?? 0) : c.source === "standard" ? 0 : undefined;
    return (
      <Select<number>
        size="small"
        className="fallback-select"
        value={current}
        placeholder={t("contracts.clauses.swap")}
        disabled={!editable}
        loading={busy === `swap-${c.position}`}
        popupMatchSelectWidth={false}
        virtual={false}
        onChange={(k) => void run(`swap-${c.position}`, () => chooseContractFallback(id, c.position, k), t("contracts.clauses.swapped", { n: c.position }))}
        options={[
          { value: 0, label: t("contracts.clauses.standard"), title: lib.zh },
          ...lib.fallbacks.map((f, i) => ({ value: i + 1, label: `${t("contracts.clauses.fallbackN", { n: i + 1 })}: ${short(f.zh)}`, title: `${f.zh}\n${f.en}` })),
        ]}
        optionRender={(o) => <span data-testid={`clause-${c.position}-fallback-${String(o.value)}`}>{o.label}</span>}
        data-testid={`clause-${c.position}-fallback`}
      />
    );
  };

  const save = async (position: number | null, x: ClauseText) => {
    const err = await run(
      position === null ? "add" : `edit-${position}`,
      () => (position === null ? addContractClause(id, x.topic, x.title_zh, x.title_en, x.zh, x.en) : editContractClause(id, position, x.zh, x.en)),
      t("common.saved"),
    );
    return err === null ? null : err.fields;
  };

  return (
    <Card
      size="small"
      title={t("contracts.clauses.title", { n: d.contract.clauses.length })}
      data-testid="contract-clauses"
      extra={
        <Tooltip title={lockedTip}>
          <Button size="small" icon={<PlusOutlined />} disabled={!editable}
            onClick={() => setEditing({ position: null, initial: { zh: "", en: "", topic: "scope", title_zh: "", title_en: "" } })} data-testid="clause-add">
            {t("contracts.clauses.add")}
          </Button>
        </Tooltip>
      }
    >
      {d.contract.clauses.map((c) => {
        const flags = d.review.flags.filter((f) => f.status === "open" && f.clause_position === c.position);
        const text = filled(c.position);
        return (
          <div key={c.position} className={flags.some((f) => f.severity === "high") ? "clause clause-flagged" : "clause"} data-testid={`clause-${c.position}`}>
            <div className="clause-head">
              <Typography.Text strong>
                §{c.position} {c.title_zh} · {c.title_en}
              </Typography.Text>
              {sourceTag(c)}
              {flags.map((f) => (
                <Tag key={f.id} color={SEVERITY_COLORS[f.severity]}>{f.rule_id}</Tag>
              ))}
              <span className="toolbar-spacer" />
              <Space size={6}>
                {fallbackPicker(c)}
                <Tooltip title={lockedTip}>
                  <Button size="small" icon={<EditOutlined />} disabled={!editable}
                    onClick={() => setEditing({ position: c.position, initial: { zh: c.zh, en: c.en, topic: c.topic, title_zh: c.title_zh, title_en: c.title_en } })}
                    data-testid={`clause-${c.position}-edit`}>
                    {t("common.edit")}
                  </Button>
                </Tooltip>
              </Space>
            </div>
            <div className="clause-texts">
              <div className="clause-text" lang="zh-CN" data-testid={`clause-${c.position}-zh`}>{text?.zh ?? c.zh}</div>
              <div className="clause-text" lang="en" data-testid={`clause-${c.position}-en`}>{text?.en ?? c.en}</div>
            </div>
          </div>
        );
      })}
      {editing && <ClauseEditModal position={editing.position} initial={editing.initial} onSave={(x) => save(editing.position, x)} onClose={() => setEditing(null)} />}
    </Card>
  );
}
