// Compliance from the window: subject requests (find, export the report, correct, erase) and
// scans for undeclared personal data in an uploaded file or in the store's free text.
import type { ChangeReport } from "../bindings/ChangeReport";
import type { ExportedReport } from "../bindings/ExportedReport";
import type { Findings } from "../bindings/Findings";
import type { ScanReport } from "../bindings/ScanReport";
import type { StagedUpload } from "../bindings/StagedUpload";
import type { SubjectKind } from "../bindings/SubjectKind";
import { call } from "./call";
import { readBytes } from "./commands";

export const SUBJECT_KINDS: readonly SubjectKind[] = ["name", "mobile", "email", "resident_id", "bank_card", "passport"];

export const subjectFind = (kind: SubjectKind, value: string) => call<Findings>("subject_find", { kind, value });
/** null = the save dialog was cancelled. */
export const exportSubjectReport = (kind: SubjectKind, value: string, toDocuments = false) =>
  call<ExportedReport | null>("export_subject_report", { kind, value, toDocuments });
export const correctSubject = (kind: SubjectKind, value: string, to: string) => call<ChangeReport>("correct_subject", { kind, value, to });
export const eraseSubject = (kind: SubjectKind, value: string) => call<ChangeReport>("erase_subject", { kind, value });
export const scanStore = () => call<ScanReport>("scan_store");

/** Sends the file's bytes (never a path) and scans them. */
export async function scanFile(file: File): Promise<ScanReport> {
  const bytes = await readBytes(file);
  const staged = await call<StagedUpload>("stage_upload", bytes, { headers: { "x-file-name": encodeURIComponent(file.name) } });
  return call<ScanReport>("scan_upload", { uploadId: staged.upload_id });
}
