// "Compare revisions": two revisions of the same quote side by side (by default the one
// before the current and the current), each picked from a select.
import { Modal, Select } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Quote } from "../bindings/Quote";
import { RevisionColumn } from "./RevisionColumn";

type Props = { revisions: Quote[]; open: boolean; onClose: () => void };

export function RevisionCompare({ revisions, open, onClose }: Props) {
  const { t } = useTranslation();
  const last = revisions.length - 1;
  const [left, setLeft] = useState(Math.max(0, last - 1));
  const [right, setRight] = useState(last);
  const options = revisions.map((q, i) => ({ value: i, label: t("quotes.revisionN", { n: q.revision }) }));
  const a = revisions[left] ?? revisions[0];
  const b = revisions[right] ?? revisions[last];
  return (
    <Modal open={open} onCancel={onClose} footer={null} width="min(1280px, 94vw)" title={t("quotes.compareTitle")} destroyOnHidden>
      <div className="compare-pickers">
        <Select value={left} onChange={setLeft} options={options} data-testid="compare-left" />
        <span>↔</span>
        <Select value={right} onChange={setRight} options={options} data-testid="compare-right" />
      </div>
      <div className="compare-columns" data-testid="quote-compare">
        {a && <RevisionColumn quote={a} other={b} testId="compare-a" />}
        {b && <RevisionColumn quote={b} other={a} testId="compare-b" />}
      </div>
    </Modal>
  );
}
