// Field errors of the builder: the server names them `customer_id`, `discount_pct`,
// `lines[2].quantity`…; this finds the one for a field and localises it by code.
import type { TFunction } from "i18next";
import type { FieldError } from "../bindings/FieldError";

export type ErrorLookup = (field: string) => FieldError | undefined;

export const lineField = (index: number, name: string) => `lines[${index}].${name}`;

export function errorText(t: TFunction, e: FieldError): string {
  return t(`fieldError.${e.code}`, { defaultValue: e.message || e.code });
}

/** Save errors first; the live preview's errors add those a user sees while typing (bad
 *  numbers, dates), not "required" on a line just added. */
export function mergeErrors(saved: FieldError[], preview: FieldError[]): FieldError[] {
  const live = preview.filter((e) => e.code !== "required" && !saved.some((s) => s.field === e.field));
  return [...saved, ...live];
}
