// Temporary hand copy of the ts-rs binding described in docs/ipc.md; the generated file replaces it.
import type { TableName } from "./TableName";

export type ImportReport = { table: TableName; file_name: string; inserted: number; updated: number };
