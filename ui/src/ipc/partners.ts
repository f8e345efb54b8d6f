// Typed wrappers for the channel-partner commands (docs/ipc.md › Channel partners): partners,
// reps, imports, sales lines, plans, statements, what-if and the watched inbox.
import { Channel } from "@tauri-apps/api/core";
import type { BatchRow } from "../bindings/BatchRow";
import type { DealEarnings } from "../bindings/DealEarnings";
import type { FieldError } from "../bindings/FieldError";
import type { HypotheticalSale } from "../bindings/HypotheticalSale";
import type { InboxEvent } from "../bindings/InboxEvent";
import type { InboxStatus } from "../bindings/InboxStatus";
import type { LineFilter } from "../bindings/LineFilter";
import type { LinePage } from "../bindings/LinePage";
import type { PartnerFileKind } from "../bindings/PartnerFileKind";
import type { PartnerImportSummary } from "../bindings/PartnerImportSummary";
import type { PartnerRow } from "../bindings/PartnerRow";
import type { Payee } from "../bindings/Payee";
import type { Plan } from "../bindings/Plan";
import type { PlanKind } from "../bindings/PlanKind";
import type { PlanSummary } from "../bindings/PlanSummary";
import type { PlanVersion } from "../bindings/PlanVersion";
import type { QuoteTake } from "../bindings/QuoteTake";
import type { QuoteTaken } from "../bindings/QuoteTaken";
import type { RepRow } from "../bindings/RepRow";
import type { StagedUpload } from "../bindings/StagedUpload";
import type { StatementFormat } from "../bindings/StatementFormat";
import type { StatementSummary } from "../bindings/StatementSummary";
import type { StatementView } from "../bindings/StatementView";
import type { WhatIfView } from "../bindings/WhatIfView";
import { call } from "./call";
import { readBytes } from "./commands";

export const listPartners = () => call<PartnerRow[]>("list_partners");
export const listReps = () => call<RepRow[]>("list_reps");
export const listImportBatches = () => call<BatchRow[]>("list_import_batches");
export const listSalesLines = (filter: LineFilter) => call<LinePage>("list_sales_lines", { filter });
export const takeQuoteLines = (take: QuoteTake) => call<QuoteTaken>("take_quote_lines", { take });

/** Sends the picked file's bytes (never a path), then imports them as `kind`, all or nothing. */
export async function importPartnerFile(kind: PartnerFileKind, file: File): Promise<PartnerImportSummary> {
  const bytes = await readBytes(file);
  const staged = await call<StagedUpload>("stage_upload", bytes, { headers: { "x-file-name": encodeURIComponent(file.name) } });
  return call<PartnerImportSummary>("import_partner_file", { kind, uploadId: staged.upload_id });
}

export const listPlans = () => call<PlanSummary[]>("list_plans");
export const getPlan = (name: string, version: number) => call<PlanVersion>("get_plan", { name, version });
export const effectivePlan = (kind: PlanKind, period: string) => call<PlanVersion>("effective_plan", { kind, period });
/** Every problem of the plan at its JSON path; empty = valid. */
export const checkPlan = (plan: Plan) => call<FieldError[]>("check_plan", { plan });
export const savePlan = (plan: Plan) => call<PlanSummary>("save_plan", { plan });
export const whatIf = (plan: Plan, period: string, partner: string | null, sales: HypotheticalSale[]) =>
  call<WhatIfView>("what_if", { plan, period, partner, sales });
export const dealEarnings = (take: QuoteTake, period: string | null) => call<DealEarnings>("deal_earnings", { take, period });

export const listStatements = (payee: Payee | null = null) => call<StatementSummary[]>("list_statements", { payee });
/** `payee` null = every partner with sales (one transaction). */
export const runStatements = (payee: Payee | null, period: string) => call<StatementSummary[]>("run_statements", { payee, period });
export const getStatement = (payee: Payee, period: string, version: number | null) => call<StatementView>("get_statement", { payee, period, version });
export const lockStatement = (payee: Payee, period: string, version: number) => call<StatementView>("lock_statement", { payee, period, version });
/** Native save dialog (null = cancelled), or `toDocuments` into documents/statements/. */
export const exportStatement = (payee: Payee, period: string, version: number, format: StatementFormat, toDocuments: boolean) =>
  call<string | null>("export_statement", { payee, period, version, format, toDocuments });

export const inboxStatus = () => call<InboxStatus>("inbox_status");
/** Native folder dialog; null = cancelled. */
export const chooseInboxFolder = () => call<InboxStatus | null>("choose_inbox_folder");
export const watchDefaultInbox = () => call<InboxStatus>("use_default_inbox");
export const stopInbox = () => call<InboxStatus>("stop_inbox");
export const makePartnerFolders = () => call<InboxStatus>("make_partner_folders");
export const listInboxEvents = (limit = 100) => call<InboxEvent[]>("list_inbox_events", { limit });
/** Every inbox event from now on goes to `onEvent`. */
export const subscribeInbox = (onEvent: (e: InboxEvent) => void) => call<null>("subscribe_inbox", { onEvent: new Channel<InboxEvent>(onEvent) });
