// Temporary hand copy of the ts-rs binding described in docs/ipc.md; the generated file replaces it.
import type { FieldCode } from "./FieldCode";

export type ImportProblem = { row: number; column: string; value: string; code: FieldCode; message: string };
