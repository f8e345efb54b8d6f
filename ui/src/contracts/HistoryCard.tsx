// Every status step of the contract with who (and in which role), when and the comment; who
// and the comment through the data view's policy, with the eye where it may reveal.
import { Card, Timeline, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { Contract } from "../bindings/Contract";
import { MaskedText } from "../masking/MaskedText";
import { ContractStatusTag } from "./ContractStatusTag";

export function HistoryCard({ contract }: { contract: Contract }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t("contracts.history")} data-testid="contract-history">
      <Timeline
        items={[...contract.events].reverse().map((e, i) => ({
          key: `${e.at}-${i}`,
          children: (
            <div data-testid="contract-history-event">
              <ContractStatusTag status={e.to_status} />
              <Typography.Text type="secondary">
                {e.at.slice(0, 16).replace("T", " ")} ·{" "}
                <MaskedText table="contract_events" id={e.id} field="actor" label={t("masking.fields.actor")} masked={e.masked}>
                  {e.actor}
                </MaskedText>{" "}
                ({t(`role.${e.role}`, { defaultValue: e.role })})
              </Typography.Text>
              {e.comment && (
                <div className="history-comment">
                  <MaskedText table="contract_events" id={e.id} field="comment" label={t("masking.fields.comment")} masked={e.masked}>
                    {e.comment}
                  </MaskedText>
                </div>
              )}
            </div>
          ),
        }))}
      />
    </Card>
  );
}
