// Temporary hand copy of the ts-rs binding described in docs/ipc.md; the generated file replaces it.
export type ErrorKind = "validation" | "not_found" | "conflict" | "import_rejected" | "io" | "database" | "cancelled" | "internal";
