// Temporary hand copy of the ts-rs binding described in docs/ipc.md; the generated file replaces it.
export type ContactInput = { id: string | null; customer_id: string | null; name: string; title: string; mobile: string; email: string };
