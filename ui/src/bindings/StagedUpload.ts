// Temporary hand copy of the ts-rs binding described in docs/ipc.md; the generated file replaces it.
export type StagedUpload = { upload_id: string; file_name: string; bytes: number };
