// Legal's checklist, per risk type: each item's question and expected mitigation, its decision
// (pending / pass / accepted with reason / change required with reason) and, for legal, the
// three decisions. An item that requires a change blocks the sign-off.
import { Button, Space, Tag, Tooltip, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { MaskedText } from "../masking/MaskedText";
import type { ReviewItem } from "../bindings/ReviewItem";
import type { ItemDecision } from "../ipc/contracts";
import { pick } from "./lang";

const STATUS_COLORS: Record<string, string> = { pending: "default", pass: "green", accepted: "blue", change_required: "red" };

type Props = {
  items: ReviewItem[];
  isLegal: boolean;
  canDecide: boolean;
  onDecide: (item: ReviewItem, decision: ItemDecision) => void;
};

export function Checklist({ items, isLegal, canDecide, onDecide }: Props) {
  const { t, i18n } = useTranslation();
  if (items.length === 0) return <Typography.Text type="secondary">{t("contracts.review.noChecklist")}</Typography.Text>;
  const tip = isLegal ? undefined : t("contracts.review.legalOnly");
  return (
    <div className="checklist" data-testid="review-checklist">
      {items.map((i) => {
        const id = `item-${i.item_key}`;
        return (
          <div className="checklist-item" key={i.item_key} data-testid={id} data-status={i.status}>
            <div className="flag-head">
              <Tag>{t(`risk.category.${i.risk_type}`)}</Tag>
              <Typography.Text className="checklist-question">{pick(i18n.language, i.text_zh, i.text_en)}</Typography.Text>
              <span className="toolbar-spacer" />
              <Tag color={STATUS_COLORS[i.status] ?? "default"} data-testid={`${id}-status`}>
                {t(`risk.itemStatus.${i.status}`, { defaultValue: i.status })}
              </Tag>
            </div>
            <Typography.Text type="secondary" className="checklist-mitigation">
              {t("contracts.review.expected")} {pick(i18n.language, i.mitigation_zh, i.mitigation_en)}
            </Typography.Text>
            {i.reason && (
              <div className="flag-reason">
                {i.decided_by && (
                  <MaskedText table="review_items" id={i.id} field="decided_by" label={t("masking.fields.decided_by")} masked={i.masked}>
                    {i.decided_by}
                  </MaskedText>
                )}
                {i.decided_by ? ": " : ""}
                <MaskedText table="review_items" id={i.id} field="reason" label={t("masking.fields.reason")} masked={i.masked}>
                  {i.reason}
                </MaskedText>
              </div>
            )}
            {canDecide && (
              <Space size={4} className="flag-actions">
                {(["pass", "accepted", "change_required"] as const).map((d) => (
                  <Tooltip key={d} title={tip}>
                    <Button size="small" disabled={!isLegal || i.status === d} onClick={() => onDecide(i, d)} data-testid={`${id}-${d}`} danger={d === "change_required"}>
                      {t(`contracts.review.decide.${d}`)}
                    </Button>
                  </Tooltip>
                ))}
              </Space>
            )}
          </div>
        );
      })}
    </div>
  );
}
