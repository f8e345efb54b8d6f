// Temporary hand copy of the ts-rs binding described in docs/ipc.md; the generated file replaces it.
export type Contact = { id: string; customer_id: string | null; customer_name: string | null; name: string; title: string; mobile: string; email: string; created_at: string; updated_at: string };
