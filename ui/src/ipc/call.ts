// The single door to the Rust side: every command goes through call(), so every
// rejection reaches the UI as a typed IpcError whatever shape it had on the wire.
import { invoke, type InvokeArgs, type InvokeOptions } from "@tauri-apps/api/core";
import type { IpcError } from "../bindings/IpcError";

export type IpcErrorKind = IpcError["kind"];

const KINDS: readonly IpcErrorKind[] = [
  "validation",
  "not_found",
  "conflict",
  "import_rejected",
  "io",
  "database",
  "cancelled",
  "internal",
];

function isKind(value: unknown): value is IpcErrorKind {
  return typeof value === "string" && (KINDS as readonly string[]).includes(value);
}

/** True for a value already normalised by call(). */
export function isIpcError(value: unknown): value is IpcError {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return isKind(v.kind) && typeof v.message === "string" && Array.isArray(v.fields) && Array.isArray(v.problems);
}

/** Turns whatever a rejected invoke() produced into an IpcError (unknown shapes become `internal`). */
export function toIpcError(raw: unknown): IpcError {
  if (isIpcError(raw)) return raw;
  if (typeof raw === "object" && raw !== null && !(raw instanceof Error)) {
    const v = raw as Record<string, unknown>;
    return {
      kind: isKind(v.kind) ? v.kind : "internal",
      message: typeof v.message === "string" ? v.message : JSON.stringify(raw),
      fields: Array.isArray(v.fields) ? (v.fields as IpcError["fields"]) : [],
      problems: Array.isArray(v.problems) ? (v.problems as IpcError["problems"]) : [],
    };
  }
  const message = raw instanceof Error ? raw.message : String(raw);
  return { kind: "internal", message, fields: [], problems: [] };
}

/** Calls a Tauri command; rejects only with an IpcError. */
export async function call<T>(cmd: string, args?: InvokeArgs, options?: InvokeOptions): Promise<T> {
  try {
    return await invoke<T>(cmd, args, options);
  } catch (raw) {
    throw toIpcError(raw);
  }
}
