// Checks done before a settings form is sent: numbers the Rust side would not even parse
// (its Decimal fields reject the whole request, not one field) are flagged per field here.
import type { FieldError } from "../bindings/FieldError";

const DECIMAL = /^\d+(\.\d+)?$/;
const WHOLE = /^\d+$/;

export function numberErrors(values: Record<string, string>, whole: readonly string[] = []): FieldError[] {
  return Object.entries(values)
    .filter(([name, v]) => !(whole.includes(name) ? WHOLE : DECIMAL).test(v.trim()))
    .map(([field]) => ({ field, code: "invalid_number", message: "not a number" }));
}
