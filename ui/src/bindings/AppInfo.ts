// Temporary hand copy of the ts-rs binding described in docs/ipc.md; the generated file replaces it.
import type { Language } from "./Language";
import type { TableCounts } from "./TableCounts";

export type AppInfo = { version: string; language: Language | null; os_locale: string | null; db_path: string; onboarded: boolean; counts: TableCounts };
