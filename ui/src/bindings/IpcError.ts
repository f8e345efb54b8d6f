// Temporary hand copy of the ts-rs binding described in docs/ipc.md; the generated file replaces it.
import type { ErrorKind } from "./ErrorKind";
import type { FieldError } from "./FieldError";
import type { ImportProblem } from "./ImportProblem";

export type IpcError = { kind: ErrorKind; message: string; fields: Array<FieldError>; problems: Array<ImportProblem> };
