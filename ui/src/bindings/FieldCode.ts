// Temporary hand copy of the ts-rs binding described in docs/ipc.md; the generated file replaces it.
export type FieldCode = "required" | "too_long" | "invalid_number" | "negative" | "out_of_range" | "too_many_decimals" | "invalid_email" | "invalid_date" | "invalid_currency" | "unknown_value" | "duplicate" | "invalid_reference" | "missing_column" | "unreadable";
