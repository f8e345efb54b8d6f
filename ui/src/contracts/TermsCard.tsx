// The contract's key terms as a form with Save; a change to a contract under review re-runs
// the rules, a change after sign-off reopens the review (the core does both).
import { SaveOutlined } from "@ant-design/icons";
import { Button, Card, Tooltip } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ContractDetail } from "../bindings/ContractDetail";
import type { FieldError } from "../bindings/FieldError";
import type { TermsForm } from "../bindings/TermsForm";
import { saveContractTerms } from "../ipc/contracts";
import { EDITABLE } from "./status";
import { toForm } from "./terms";
import { TermsFields } from "./TermsFields";
import type { RunChange } from "./useContractChange";

type Props = { detail: ContractDetail; run: RunChange; busy: string | null };

export function TermsCard({ detail: d, run, busy }: Props) {
  const { t } = useTranslation();
  const [form, setForm] = useState<TermsForm>(() => toForm(d.contract.terms));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const editable = EDITABLE.includes(d.contract.status);
  const dirty = JSON.stringify(form) !== JSON.stringify(toForm(d.contract.terms));
  const save = async () => {
    const err = await run("terms", () => saveContractTerms(d.contract.id, form), t("contracts.terms.saved"));
    setErrors(err?.fields ?? []);
  };
  return (
    <Card
      size="small"
      title={t("contracts.terms.title")}
      data-testid="contract-terms"
      extra={
        <Tooltip title={editable ? undefined : t("contracts.locked")}>
          <Button size="small" type={dirty ? "primary" : "default"} icon={<SaveOutlined />} disabled={!editable} loading={busy === "terms"} onClick={() => void save()} data-testid="terms-save">
            {t("contracts.terms.save")}
          </Button>
        </Tooltip>
      }
    >
      <TermsFields kind={d.contract.kind} value={form} onChange={setForm} errors={errors} disabled={!editable} />
    </Card>
  );
}
