// One risk flag: severity colour, rule id, the clause (§N), the excerpt, why it matters, what
// legal suggests and, where the flag points to a library clause the contract holds, a one-click
// "use fallback"; legal waives an open flag with the reason.
import { Button, Space, Tag, Tooltip, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { MaskedText } from "../masking/MaskedText";
import type { ContractDetail } from "../bindings/ContractDetail";
import type { ReviewFlag } from "../bindings/ReviewFlag";
import { pick } from "./lang";
import { EDITABLE, SEVERITY_COLORS } from "./status";

/** The clause and fallback a flag's suggestion points to, when the contract holds that clause
 *  and it does not already read that way. */
export function flagFallback(d: ContractDetail, f: ReviewFlag): { position: number; fallback: number } | null {
  if (!f.fallback_key) return null;
  const clauses = d.contract.clauses.filter((c) => c.clause_key === f.fallback_key);
  const clause = clauses.find((c) => c.position === f.clause_position) ?? clauses[0];
  if (!clause) return null;
  const fallback = f.fallback_position ?? 0;
  const already = fallback === 0 ? clause.source === "standard" : clause.source === "fallback" && clause.fallback_position === fallback;
  return already ? null : { position: clause.position, fallback };
}

type Props = {
  detail: ContractDetail;
  flag: ReviewFlag;
  isLegal: boolean;
  busy: boolean;
  onUseFallback: (position: number, fallback: number) => void;
  onWaive: () => void;
};

export function FlagCard({ detail, flag: f, isLegal, busy, onUseFallback, onWaive }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const open = f.status === "open";
  const target = open && EDITABLE.includes(detail.contract.status) ? flagFallback(detail, f) : null;
  const id = `flag-${f.rule_id}`;
  return (
    <div className={`flag-card flag-${f.severity} flag-status-${f.status}`} data-testid={id} data-flag-id={f.id} data-status={f.status}>
      <div className="flag-head">
        <Tag color={SEVERITY_COLORS[f.severity]} data-testid={`${id}-severity`}>
          {t(`risk.severity.${f.severity}`)}
        </Tag>
        <Typography.Text strong>{f.rule_id}</Typography.Text>
        {f.clause_position !== null && <Tag className="flag-clause">§{f.clause_position}</Tag>}
        <span className="toolbar-spacer" />
        <Tag color={open ? "red" : f.status === "waived" ? "purple" : "green"} data-testid={`${id}-status`}>
          {t(`risk.flagStatus.${f.status}`, { defaultValue: f.status })}
        </Tag>
      </div>
      <div className="flag-why">{pick(lang, f.why_zh, f.why_en)}</div>
      {f.excerpt && <blockquote className="flag-excerpt">{f.excerpt}</blockquote>}
      {open && (
        <div className="flag-suggestion">
          <Typography.Text type="secondary">{t("contracts.review.suggestion")}</Typography.Text> {pick(lang, f.suggestion_zh, f.suggestion_en)}
          {f.fallback_key && (
            <Typography.Text type="secondary" className="flag-library">
              {" "}
              ({t("contracts.review.library", { key: f.fallback_key })}
              {f.fallback_position ? ` · ${t("contracts.clauses.fallbackN", { n: f.fallback_position })}` : ` · ${t("contracts.clauses.standard")}`})
            </Typography.Text>
          )}
        </div>
      )}
      {f.status === "waived" && (
        <div className="flag-reason">
          <MaskedText table="review_flags" id={f.id} field="decided_by" label={t("masking.fields.decided_by")} masked={f.masked}>
            {t("contracts.review.waivedBy", { who: f.decided_by ?? "?" })}
          </MaskedText>
          :{" "}
          <MaskedText table="review_flags" id={f.id} field="reason" label={t("masking.fields.reason")} masked={f.masked}>
            {f.reason}
          </MaskedText>
        </div>
      )}
      {f.status === "resolved" && f.reason && <div className="flag-reason">{t("contracts.review.resolved")}</div>}
      {open && (
        <Space size={6} className="flag-actions">
          {target && (
            <Button size="small" type="primary" ghost loading={busy} onClick={() => onUseFallback(target.position, target.fallback)} data-testid={`${id}-use-fallback`}>
              {target.fallback === 0 ? t("contracts.review.useStandard", { n: target.position }) : t("contracts.review.useFallback", { n: target.position, k: target.fallback })}
            </Button>
          )}
          <Tooltip title={isLegal ? undefined : t("contracts.review.legalOnly")}>
            <Button size="small" danger disabled={!isLegal} onClick={onWaive} data-testid={`${id}-waive`}>
              {t("contracts.review.waive")}
            </Button>
          </Tooltip>
        </Space>
      )}
    </div>
  );
}
