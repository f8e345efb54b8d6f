// Temporary hand copy of the ts-rs binding described in docs/ipc.md; the generated file replaces it.
export type RefOption = { id: string; label: string };
