// Converts between the bindings' input objects and antd Form values: nullable
// selects/dates become undefined for the form and null again for the server; money
// and rates stay strings throughout.
import type { FieldSpec } from "./types";

type Values = Record<string, unknown>;

export function toFormValues<Input>(input: Input, fields: FieldSpec<Input>[]): Values {
  const source = input as Values;
  const values: Values = {};
  for (const f of fields) {
    const v = source[f.name];
    values[f.name] = v === null || v === "" ? (f.kind.type === "date" ? "" : undefined) : v;
    if (f.kind.type === "text" || f.kind.type === "textarea" || f.kind.type === "decimal") values[f.name] = v ?? "";
  }
  return values;
}

export function fromFormValues<Input>(values: Values, base: Input, fields: FieldSpec<Input>[]): Input {
  const out: Values = { ...(base as Values) };
  for (const f of fields) {
    const v = values[f.name];
    switch (f.kind.type) {
      case "switch":
        out[f.name] = Boolean(v);
        break;
      case "date":
        out[f.name] = typeof v === "string" && v !== "" ? v : null;
        break;
      case "enum":
      case "customer":
        out[f.name] = v === undefined || v === null || v === "" ? (f.kind.nullable ? null : "") : v;
        break;
      default:
        out[f.name] = typeof v === "string" ? v : v == null ? "" : String(v);
    }
  }
  return out as Input;
}
