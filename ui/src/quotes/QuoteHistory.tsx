// The status history of one revision: who moved it from what to what, in which role, when,
// and the comment they left (system comments translated). Actor and comment come through the
// data view's policy, with the eye where it may reveal.
import { Empty, Timeline, Typography } from "antd";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { QuoteEvent } from "../bindings/QuoteEvent";
import { timestampText } from "../format/display";
import { MaskedText } from "../masking/MaskedText";
import { STATUS_COLORS } from "./status";

/** The comments the Rust side writes itself (in English) are shown in the UI's language. */
function commentText(t: TFunction, comment: string): string {
  const needs = /^needs (manager|director) approval$/.exec(comment);
  if (needs) return t("quotes.history.needs", { who: t(`quotes.approver.${needs[1]}`) });
  const created = /^revision (\d+) created$/.exec(comment);
  if (created) return t("quotes.revised", { n: created[1] });
  const from = /^revision of ([a-z_]+)$/.exec(comment);
  if (from) return t("quotes.history.revisedFrom", { status: t(`quoteStatus.${from[1]}`, { defaultValue: from[1] }) });
  if (comment === "validity date passed") return t("quotes.history.expiredByDate");
  return `“${comment}”`;
}

export function QuoteHistory({ events }: { events: QuoteEvent[] }) {
  const { t, i18n } = useTranslation();
  if (events.length === 0) return <Empty description={t("quotes.noHistory")} />;
  const colour = (c: string) => (c === "default" ? "gray" : c);
  return (
    <Timeline
      className="quote-history"
      data-testid="quote-history"
      items={events.map((e, i) => ({
        key: i,
        color: colour(STATUS_COLORS[e.to_status]),
        children: (
          <div className="history-event" data-testid="quote-history-event">
            <div>
              <strong>
                {e.from_status ? `${t(`quoteStatus.${e.from_status}`)} → ` : ""}
                {t(`quoteStatus.${e.to_status}`)}
              </strong>
              <Typography.Text type="secondary" className="history-meta">
                {timestampText(e.at, i18n.language)} ·{" "}
                <MaskedText table="quote_events" id={e.id} field="actor" label={t("masking.fields.actor")} masked={e.masked}>
                  {e.actor}
                </MaskedText>{" "}
                ({t(`role.${e.role}`, { defaultValue: e.role })})
              </Typography.Text>
            </div>
            {e.comment && (
              <div className="history-comment">
                <MaskedText table="quote_events" id={e.id} field="comment" label={t("masking.fields.comment")} masked={e.masked}>
                  {commentText(t, e.comment)}
                </MaskedText>
              </div>
            )}
          </div>
        ),
      }))}
    />
  );
}
