// Typed wrappers for the quote commands (docs/ipc.md › Quotes): the list, the builder's
// save/preview/pricing, the status flow, printing, and the settings quotes depend on.
import { Channel } from "@tauri-apps/api/core";
import type { BatchReport } from "../bindings/BatchReport";
import type { LineRequest } from "../bindings/LineRequest";
import type { ListQuery } from "../bindings/ListQuery";
import type { Page } from "../bindings/Page";
import type { PrintSettings } from "../bindings/PrintSettings";
import type { Quote } from "../bindings/Quote";
import type { QuoteInput } from "../bindings/QuoteInput";
import type { QuoteLineInput } from "../bindings/QuoteLineInput";
import type { QuotePreview } from "../bindings/QuotePreview";
import type { QuoteRules } from "../bindings/QuoteRules";
import type { QuoteStatus } from "../bindings/QuoteStatus";
import type { QuoteSummary } from "../bindings/QuoteSummary";
import type { RenderProgress } from "../bindings/RenderProgress";
import type { Role } from "../bindings/Role";
import type { VolumeBreak } from "../bindings/VolumeBreak";
import { call } from "./call";

export const listQuotes = (query: ListQuery) => call<Page<QuoteSummary>>("list_quotes", { query });
/** Every revision of the quote's family, oldest first; the last is the current one. */
export const quoteRevisions = (id: string) => call<Quote[]>("quote_revisions", { id });
export const saveQuote = (input: QuoteInput) => call<Quote>("save_quote", { input });
/** Totals, words and approval level for the input as typed; never rejects on bad input. */
export const previewQuote = (input: QuoteInput) => call<QuotePreview>("preview_quote", { input });
export const quoteLineForProduct = (request: LineRequest) => call<QuoteLineInput>("quote_line_for_product", { request });

export const submitQuote = (id: string) => call<Quote>("submit_quote", { id });
export const decideQuote = (id: string, approve: boolean, comment: string) =>
  call<Quote>("decide_quote", { id, approve, comment });
export const markQuote = (id: string, to: QuoteStatus) => call<Quote>("mark_quote", { id, to });
export const reviseQuote = (id: string) => call<Quote>("revise_quote", { id });

/** Writes the PDF into the app's documents folder; returns its path. */
export const printQuote = (id: string) => call<string>("print_quote", { id });
/** Native save dialog; null = cancelled. */
export const exportQuotePdf = (id: string) => call<string | null>("export_quote_pdf", { id });
/** Native folder dialog, then one PDF per quote with progress; null = cancelled. */
export function exportQuotesPdf(ids: string[], onProgress: (p: RenderProgress) => void) {
  return call<BatchReport | null>("export_quotes_pdf", { ids, onProgress: new Channel<RenderProgress>(onProgress) });
}

export const quoteRules = () => call<QuoteRules>("quote_rules");
export const saveQuoteRules = (rules: QuoteRules) => call<QuoteRules>("save_quote_rules", { rules });
export const printSettings = () => call<PrintSettings>("print_settings");
export const savePrintSettings = (settings: PrintSettings) => call<PrintSettings>("save_print_settings", { settings });
/** Sends the image bytes as the raw body; empty bytes remove the logo. */
export const setLogo = (bytes: Uint8Array) => call<PrintSettings>("set_logo", bytes);
export const volumeBreaks = (productId: string) => call<VolumeBreak[]>("volume_breaks", { productId });
export const saveVolumeBreaks = (productId: string, breaks: VolumeBreak[]) =>
  call<VolumeBreak[]>("save_volume_breaks", { productId, breaks });
export const userRole = () => call<Role>("user_role");
export const setUserRole = (role: Role) => call<Role>("set_user_role", { role });
