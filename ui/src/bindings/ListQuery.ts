// Temporary hand copy of the ts-rs binding described in docs/ipc.md; the generated file replaces it.
export type ListQuery = { search: string | null; sort: string | null; desc: boolean; page: number; page_size: number };
