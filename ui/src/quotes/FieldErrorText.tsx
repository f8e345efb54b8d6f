// The localised text of one field error, carrying the error-<field> test id.
import { useTranslation } from "react-i18next";
import type { FieldError } from "../bindings/FieldError";
import { errorText } from "./fieldErrors";

export function FieldErrorText({ error }: { error: FieldError }) {
  const { t } = useTranslation();
  return (
    <span className="field-error" data-testid={`error-${error.field}`}>
      {errorText(t, error)}
    </span>
  );
}
