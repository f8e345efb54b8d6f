// Typed wrappers, one per command in docs/ipc.md, so components never spell command
// names or argument keys themselves.
import { Channel } from "@tauri-apps/api/core";
import type { AppInfo } from "../bindings/AppInfo";
import type { BackupChoice } from "../bindings/BackupChoice";
import type { BackupInfo } from "../bindings/BackupInfo";
import type { Contact } from "../bindings/Contact";
import type { ContactInput } from "../bindings/ContactInput";
import type { Customer } from "../bindings/Customer";
import type { CustomerInput } from "../bindings/CustomerInput";
import type { ExportReport } from "../bindings/ExportReport";
import type { ImportReport } from "../bindings/ImportReport";
import type { Language } from "../bindings/Language";
import type { ListQuery } from "../bindings/ListQuery";
import type { Opportunity } from "../bindings/Opportunity";
import type { OpportunityInput } from "../bindings/OpportunityInput";
import type { Page } from "../bindings/Page";
import type { Product } from "../bindings/Product";
import type { ProductInput } from "../bindings/ProductInput";
import type { Progress } from "../bindings/Progress";
import type { RefOption } from "../bindings/RefOption";
import type { RestoreReport } from "../bindings/RestoreReport";
import type { StagedUpload } from "../bindings/StagedUpload";
import type { TableName } from "../bindings/TableName";
import { call } from "./call";

export const appInfo = () => call<AppInfo>("app_info");
export const setLanguage = (language: Language) => call<AppInfo>("set_language", { language });
export const acknowledgeRecoveryKey = () => call<AppInfo>("acknowledge_recovery_key");
export const finishOnboarding = (loadDemo: boolean) => call<AppInfo>("finish_onboarding", { loadDemo });
export const customerOptions = (search: string | null) => call<RefOption[]>("customer_options", { search });

/** list / save / delete for one table; the generic table page only knows this shape. */
export type TableApi<Row, Input> = {
  list: (query: ListQuery) => Promise<Page<Row>>;
  save: (input: Input) => Promise<Row>;
  remove: (id: string) => Promise<null>;
};

function tableApi<Row, Input>(table: TableName, singular: string): TableApi<Row, Input> {
  return {
    list: (query) => call<Page<Row>>(`list_${table}`, { query }),
    save: (input) => call<Row>(`save_${singular}`, { input }),
    remove: (id) => call<null>(`delete_${singular}`, { id }),
  };
}

export const customersApi = tableApi<Customer, CustomerInput>("customers", "customer");
export const contactsApi = tableApi<Contact, ContactInput>("contacts", "contact");
export const productsApi = tableApi<Product, ProductInput>("products", "product");
export const opportunitiesApi = tableApi<Opportunity, OpportunityInput>("opportunities", "opportunity");

/** The bytes of a file picked in an <input type=file> (falls back to FileReader where File.arrayBuffer is missing). */
export async function readBytes(file: File): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === "function") return new Uint8Array(await file.arrayBuffer());
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(file);
  });
}

/** Sends the file's bytes (never a path), then imports them, reporting progress. */
export async function importFile(
  table: TableName,
  file: File,
  onProgress: (progress: Progress) => void,
): Promise<ImportReport> {
  const bytes = await readBytes(file);
  const staged = await call<StagedUpload>("stage_upload", bytes, {
    headers: { "x-file-name": encodeURIComponent(file.name) },
  });
  const channel = new Channel<Progress>(onProgress);
  return call<ImportReport>("import_table", { table, uploadId: staged.upload_id, onProgress: channel });
}

/**
 * The `format` argument of export_table. Declared here rather than imported because
 * docs/ipc.md calls it ExportFormat while the Rust side exports it as FileFormat; the
 * values ("csv" | "xlsx") are the same either way.
 */
export type ExportFormat = "csv" | "xlsx";

/**
 * null = the user cancelled the native save dialog. `policy` null = the data view's own;
 * `toDocuments` writes into documents/exports beside the database (no dialog).
 */
export const exportTable = (table: TableName, format: ExportFormat, policy: string | null = null, toDocuments = false) =>
  call<ExportReport | null>("export_table", { table, format, policy, toDocuments });

/** Writes an encrypted backup to a file chosen in the native save dialog; null = cancelled. */
export const backupNow = () => call<string | null>("backup_now");
export const backupKeep = () => call<number>("backup_keep");
export const setBackupKeep = (keep: number) => call<number>("set_backup_keep", { keep });

/** Unlocks a database whose key is missing or wrong here, with its recovery key. */
export const unlockDatabase = (recoveryKey: string) => call<AppInfo>("unlock_database", { recoveryKey });
/** Moves the unreadable database aside and starts a new, empty one. */
export const startNewDatabase = () => call<AppInfo>("start_new_database");
/** Re-encrypts the database with a new key; the returned info carries the new recovery key. */
export const rekeyDatabase = () => call<AppInfo>("rekey_database");
/** Opens the native open dialog for a backup and previews it; null = cancelled. */
export const chooseBackup = () => call<BackupChoice | null>("choose_backup");
/** Previews the chosen backup with its own recovery key (a backup from before a re-key). */
export const previewBackup = (recoveryKey: string | null) => call<BackupInfo>("preview_backup", { recoveryKey });
/** Restores the chosen backup after a safety copy of the current database. */
export const restoreBackup = (recoveryKey: string | null) => call<RestoreReport>("restore_backup", { recoveryKey });
