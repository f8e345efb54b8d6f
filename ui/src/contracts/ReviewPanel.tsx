// Legal's review of one contract: send it to review (or re-run the rules), the flags grouped
// by the five risk types (付款 / 交付 / 知识产权 / 责任 / 终止), the checklist, request changes and
// sign off — the last disabled, with the reason shown, while a high flag is open, an item
// needs a change, or the user is not legal. Waivers and decisions ask for the reason.
import { AuditOutlined, CheckCircleOutlined, ReloadOutlined } from "@ant-design/icons";
import { Alert, Badge, Button, Card, Space, Tabs, Tooltip, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { MaskedText } from "../masking/MaskedText";
import type { ContractDetail } from "../bindings/ContractDetail";
import type { ReviewFlag } from "../bindings/ReviewFlag";
import type { ReviewItem } from "../bindings/ReviewItem";
import type { Role } from "../bindings/Role";
import {
  chooseContractFallback,
  decideContractItem,
  requestContractChanges,
  signOffContract,
  submitContractReview,
  waiveContractFlag,
  type ItemDecision,
} from "../ipc/contracts";
import { Checklist } from "./Checklist";
import { FlagCard } from "./FlagCard";
import { ReasonModal } from "./ReasonModal";
import { CATEGORIES, signOffBlock } from "./status";
import type { RunChange } from "./useContractChange";

type Ask =
  | { kind: "waive"; flag: ReviewFlag }
  | { kind: "decide"; item: ReviewItem; decision: ItemDecision }
  | { kind: "changes" }
  | { kind: "signoff" };

type Props = { detail: ContractDetail; role: Role | undefined; run: RunChange; busy: string | null };

export function ReviewPanel({ detail: d, role, run, busy }: Props) {
  const { t } = useTranslation();
  const [ask, setAsk] = useState<Ask | null>(null);
  const id = d.contract.id;
  const status = d.contract.status;
  const isLegal = role === "legal";
  const reviewed = d.review.round > 0;
  const block = signOffBlock(d, role);
  const openFlags = d.review.flags.filter((f) => f.status === "open");
  const legalTip = isLegal ? undefined : t("contracts.review.legalOnly");

  const submitButton = (status === "draft" || status === "changes_requested" || status === "in_review") && (
    <Button
      icon={status === "in_review" ? <ReloadOutlined /> : <AuditOutlined />}
      type={status === "in_review" ? "default" : "primary"}
      loading={busy === "submit"}
      onClick={() => void run("submit", () => submitContractReview(id), t(status === "in_review" ? "contracts.review.rerun" : "contracts.review.submitted"))}
      data-testid="contract-submit-review"
    >
      {t(status === "in_review" ? "contracts.review.rerunButton" : "contracts.review.submit")}
    </Button>
  );

  const flagsTab = (
    <div className="flag-groups" data-testid="review-flags">
      {CATEGORIES.map((c) => {
        const flags = d.review.flags.filter((f) => f.category === c);
        const open = flags.filter((f) => f.status === "open");
        return (
          <section key={c} className="flag-group" data-testid={`review-group-${c}`}>
            <div className="flag-group-title">
              <Typography.Text strong>{t(`risk.category.${c}`)}</Typography.Text>
              <Badge count={open.length} color={open.some((f) => f.severity === "high") ? "red" : "orange"} showZero={false} />
              {flags.length === 0 && <Typography.Text type="secondary">{t("contracts.review.noFlags")}</Typography.Text>}
            </div>
            {flags.map((f) => (
              <FlagCard
                key={f.id}
                detail={d}
                flag={f}
                isLegal={isLegal}
                busy={busy === `fallback-${f.id}`}
                onUseFallback={(position, fallback) =>
                  void run(`fallback-${f.id}`, () => chooseContractFallback(id, position, fallback), t("contracts.clauses.swapped", { n: position }))
                }
                onWaive={() => setAsk({ kind: "waive", flag: f })}
              />
            ))}
          </section>
        );
      })}
    </div>
  );

  const modal = (() => {
    if (!ask) return null;
    const close = () => setAsk(null);
    const fields = async (f: () => Promise<ContractDetail>, action: string, done: string) => {
      const err = await run(action, f, done);
      return err === null ? null : err.fields.length > 0 ? err.fields : [];
    };
    switch (ask.kind) {
      case "waive":
        return (
          <ReasonModal title={t("contracts.review.waiveTitle", { rule: ask.flag.rule_id })} hint={t("contracts.review.waiveHint")} okText={t("contracts.review.waive")} required danger onClose={close}
            onOk={(r) => fields(() => waiveContractFlag(id, ask.flag.id, r), "waive", t("contracts.review.waived"))} />
        );
      case "decide":
        return (
          <ReasonModal title={t(`contracts.review.decide.${ask.decision}`)} hint={ask.item.text_zh + " / " + ask.item.text_en} okText={t("common.save")} required={ask.decision !== "pass"} onClose={close}
            onOk={(r) => fields(() => decideContractItem(id, ask.item.item_key, ask.decision, r), "decide", t("common.saved"))} />
        );
      case "changes":
        return (
          <ReasonModal title={t("contracts.review.requestChanges")} hint={t("contracts.review.changesHint")} okText={t("contracts.review.requestChanges")} required onClose={close}
            onOk={(r) => fields(() => requestContractChanges(id, r), "changes", t("contracts.review.changesRequested"))} />
        );
      case "signoff":
        return (
          <ReasonModal title={t("contracts.review.signOff")} hint={t("contracts.review.signOffHint")} okText={t("contracts.review.signOff")} required={false} onClose={close}
            onOk={(r) => fields(() => signOffContract(id, r), "signoff", t("contracts.review.signedOff"))} />
        );
    }
  })();

  return (
    <Card
      size="small"
      className="review-panel"
      data-testid="review-panel"
      title={
        <Space>
          <AuditOutlined />
          {t("contracts.review.title")}
          {reviewed && <Typography.Text type="secondary">{t("contracts.review.round", { n: d.review.round })}</Typography.Text>}
        </Space>
      }
      extra={submitButton}
    >
      {!reviewed ? (
        <Typography.Paragraph type="secondary" data-testid="review-not-started">
          {t("contracts.review.notStarted")}
        </Typography.Paragraph>
      ) : (
        <Tabs
          size="small"
          items={[
            { key: "flags", label: <span data-testid="review-tab-flags">{t("contracts.review.flags", { n: openFlags.length })}</span>, children: flagsTab },
            {
              key: "checklist",
              label: <span data-testid="review-tab-checklist">{t("contracts.review.checklist")}</span>,
              children: <Checklist items={d.review.items} isLegal={isLegal} canDecide={status === "in_review"} onDecide={(item, decision) => (decision === "pass" ? void run("decide", () => decideContractItem(id, item.item_key, "pass", ""), t("common.saved")) : setAsk({ kind: "decide", item, decision }))} />,
            },
          ]}
        />
      )}
      {status === "in_review" && (
        <div className="review-actions">
          {block && (
            <Alert type={block.key === "contracts.review.legalOnly" ? "info" : "warning"} showIcon message={t(block.key, block.values)} data-testid="review-sign-off-blocked" />
          )}
          <Space wrap>
            <Tooltip title={legalTip}>
              <Button disabled={!isLegal} onClick={() => setAsk({ kind: "changes" })} data-testid="review-request-changes">
                {t("contracts.review.requestChanges")}
              </Button>
            </Tooltip>
            <Tooltip title={block ? t(block.key, block.values) : undefined}>
              <Button type="primary" icon={<CheckCircleOutlined />} disabled={block !== null} loading={busy === "signoff"} onClick={() => setAsk({ kind: "signoff" })} data-testid="review-sign-off">
                {t("contracts.review.signOff")}
              </Button>
            </Tooltip>
          </Space>
        </div>
      )}
      {d.review.sign_offs.length > 0 && (
        <div className="sign-offs" data-testid="review-sign-offs">
          {d.review.sign_offs.map((s) => (
            <div key={s.id} className={s.revoked_at ? "sign-off revoked" : "sign-off"}>
              <CheckCircleOutlined />{" "}
              <MaskedText table="contract_signoffs" id={s.id} field="actor" label={t("masking.fields.actor")} masked={s.masked}>
                {t("contracts.review.signedOffBy", { who: s.actor, at: s.at.slice(0, 16).replace("T", " "), round: s.round })}
              </MaskedText>
              {s.comment && (
                <>
                  {" — "}
                  <MaskedText table="contract_signoffs" id={s.id} field="comment" label={t("masking.fields.comment")} masked={s.masked}>
                    {s.comment}
                  </MaskedText>
                </>
              )}
              {s.revoked_at && ` (${t("contracts.review.revoked")})`}
            </div>
          ))}
        </div>
      )}
      {modal}
    </Card>
  );
}
