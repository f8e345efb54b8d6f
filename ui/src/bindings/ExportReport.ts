// Temporary hand copy of the ts-rs binding described in docs/ipc.md; the generated file replaces it.
import type { TableName } from "./TableName";

export type ExportReport = { table: TableName; path: string; rows: number };
