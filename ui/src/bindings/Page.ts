// Temporary hand copy of the ts-rs binding described in docs/ipc.md; the generated file replaces it.
export type Page<T> = { items: Array<T>; total: number; page: number; page_size: number };
