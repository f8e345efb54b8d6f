// Temporary hand copy of the ts-rs binding described in docs/ipc.md; the generated file replaces it.
import type { FieldCode } from "./FieldCode";

export type FieldError = { field: string; code: FieldCode; message: string };
