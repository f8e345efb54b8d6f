// The builder's header buttons for the quote's status: Save draft and Submit on a draft;
// Mark sent / accepted / rejected / expired after approval; New revision on a locked quote;
// Print PDF (into the documents folder) and Save PDF as… once the quote is stored.
import { CopyOutlined, DownloadOutlined, PrinterOutlined, SaveOutlined, SendOutlined } from "@ant-design/icons";
import { Button, Popconfirm, Space } from "antd";
import { useTranslation } from "react-i18next";
import type { QuoteStatus } from "../bindings/QuoteStatus";
import { MARKS, REVISABLE } from "./status";

// A function result, not a literal: data-* keys pass the type check only outside object literals.
const confirmProps = (to: QuoteStatus) => {
  const props = { "data-testid": `quote-mark-${to}-confirm` };
  return props;
};

export type ActionName = "save" | "submit" | "mark" | "revise" | "print" | "saveAs" | "decide";

type Props = {
  /** undefined = a new quote that is not stored yet. */
  status: QuoteStatus | undefined;
  /** An older revision is only viewed (and printed). */
  isNewest: boolean;
  busy: ActionName | null;
  onSave: () => void;
  onSubmit: () => void;
  onMark: (to: QuoteStatus) => void;
  onRevise: () => void;
  onPrint: () => void;
  onSaveAs: () => void;
};

export function QuoteActions({ status, isNewest, busy, onSave, onSubmit, onMark, onRevise, onPrint, onSaveAs }: Props) {
  const { t } = useTranslation();
  const draft = status === undefined || status === "draft";
  const stored = status !== undefined;
  const marks = isNewest && status ? (MARKS[status] ?? []) : [];
  return (
    <Space wrap className="quote-actions">
      {draft && (
        <>
          <Button icon={<SaveOutlined />} loading={busy === "save"} onClick={onSave} data-testid="quote-save">
            {t("quotes.saveDraft")}
          </Button>
          <Button type="primary" icon={<SendOutlined />} loading={busy === "submit"} onClick={onSubmit} data-testid="quote-submit">
            {t("quotes.submit")}
          </Button>
        </>
      )}
      {marks.map((to) => (
        <Popconfirm key={to} title={t("quotes.markConfirm", { status: t(`quoteStatus.${to}`) })} onConfirm={() => onMark(to)} okButtonProps={confirmProps(to)}>
          <Button loading={busy === "mark"} type={to === "sent" ? "primary" : "default"} data-testid={`quote-mark-${to}`}>
            {t(`quotes.mark.${to}`)}
          </Button>
        </Popconfirm>
      ))}
      {isNewest && status && REVISABLE.includes(status) && (
        <Button icon={<CopyOutlined />} loading={busy === "revise"} onClick={onRevise} data-testid="quote-revise">
          {t("quotes.revise")}
        </Button>
      )}
      {stored && (
        <>
          <Button icon={<PrinterOutlined />} loading={busy === "print"} onClick={onPrint} data-testid="quote-print">
            {t("quotes.print")}
          </Button>
          <Button icon={<DownloadOutlined />} loading={busy === "saveAs"} onClick={onSaveAs} data-testid="quote-save-pdf">
            {t("quotes.saveAs")}
          </Button>
        </>
      )}
    </Space>
  );
}
