// Loads what the builder needs (the quote's revisions, the quote rules) and picks which
// revision is on screen: the newest unless the user looks at an earlier one. The editor is
// keyed by revision, last update and the personal fields as shown, so it starts again from
// the stored quote after every save, status change or change of the data view.
import { Alert, Button, Result, Spin } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { QuoteEditor } from "./QuoteEditor";
import { useQuoteRevisions, useQuoteRules } from "./queries";

type Props = { id: string | null; onOpen: (id: string) => void; onBack: () => void };

export function QuoteBuilder({ id, onOpen, onBack }: Props) {
  const { t } = useTranslation();
  const revisions = useQuoteRevisions(id);
  const rules = useQuoteRules();
  const [viewing, setViewing] = useState<number | null>(null);
  // The last printed file stays on screen across the editor's restarts.
  const [printed, setPrinted] = useState<string | null>(null);

  const failed = revisions.error ?? rules.error;
  if (failed) {
    return (
      <Result
        status="error"
        title={t(`errorKind.${failed.kind}`)}
        subTitle={failed.message}
        extra={<Button onClick={onBack}>{t("quotes.backToList")}</Button>}
      />
    );
  }
  if (!rules.data || (id !== null && !revisions.data)) return <Spin className="page-loading" />;
  const all = revisions.data ?? [];
  if (id !== null && all.length === 0) return <Alert type="error" message={t("errorKind.not_found")} />;
  const newest = all.length - 1;
  const index = viewing !== null && viewing < all.length ? viewing : newest;
  const quote = id === null ? undefined : all[index];
  return (
    <QuoteEditor
      // Also the personal fields as sent: a changed data view (privacy screen) restarts the form
      // from the values the new policy shows, never keeping the old view's notes in it.
      key={quote ? `${quote.id}@${quote.updated_at}@${quote.owner}@${quote.notes}` : "new"}
      quote={quote}
      revisions={all}
      viewing={index}
      isNewest={index === newest}
      rules={rules.data}
      printed={printed}
      onPrinted={setPrinted}
      onView={(i) => setViewing(i === newest ? null : i)}
      onOpen={onOpen}
      onBack={onBack}
    />
  );
}
