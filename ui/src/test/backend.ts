// A fake Rust side for tests: mockIPC with sensible defaults per command, recording
// every call so tests can assert on the exact arguments sent.
import { mockIPC } from "@tauri-apps/api/mocks";
import type { AppInfo } from "../bindings/AppInfo";
import type { Customer } from "../bindings/Customer";
import type { DataView } from "../bindings/DataView";
import type { IpcError } from "../bindings/IpcError";
import type { ListQuery } from "../bindings/ListQuery";
import type { Page } from "../bindings/Page";
import type { PrintSettings } from "../bindings/PrintSettings";
import type { QuotePreview } from "../bindings/QuotePreview";
import type { QuoteRules } from "../bindings/QuoteRules";

export type Call = { cmd: string; args: Record<string, unknown> | undefined };
export type Handler = (args: Record<string, unknown> | undefined) => unknown;

export const appInfo = (over: Partial<AppInfo> = {}): AppInfo => ({
  version: "0.1.0",
  language: "en",
  os_locale: "en-US",
  db_path: "/home/u/.local/share/dealdesk/dealdesk.db",
  onboarded: true,
  counts: { customers: 2, contacts: 0, products: 0, opportunities: 0 },
  recovery_key: null,
  locked: null,
  ...over,
});

export const customer = (id: string, name: string, over: Partial<Customer> = {}): Customer => ({
  id,
  name,
  industry: "制造业",
  size: "large",
  region: "华东",
  tier: "A",
  owner: "王伟",
  notes: "",
  created_at: "2026-01-05T08:00:00Z",
  updated_at: "2026-01-06T09:30:00Z",
  masked: [],
  ...over,
});

export const dataView = (over: Partial<DataView> = {}): DataView => ({
  role: "sales_ops",
  privacy_screen: false,
  policy: "sales_ops",
  can_reveal: true,
  export_policies: ["default", "sales_ops", "distributor", "trade_show"],
  ...over,
});

export function page<T>(items: T[], total = items.length): Page<T> {
  return { items, total, page: 1, page_size: 20 };
}

export function ipcError(over: Partial<IpcError>): IpcError {
  return { kind: "internal", message: "", fields: [], problems: [], ...over };
}

export const quoteRules = (over: Partial<QuoteRules> = {}): QuoteRules => ({
  tier_a_discount_pct: "8",
  tier_b_discount_pct: "5",
  tier_c_discount_pct: "0",
  target_margin_pct: "35",
  manager_above_pct: "10",
  director_above_pct: "20",
  margin_floor_pct: "15",
  number_pattern: "Q-{yyyy}-{seq:4}",
  validity_days: 30,
  ...over,
});

export const printSettings = (over: Partial<PrintSettings> = {}): PrintSettings => ({
  company_name: "", address: "", tax_number: "", bank_name: "", bank_account: "", phone: "", font_path: "",
  words: { zheng_after_jiao: false, yuan_char: "yuan", optional_zero: false },
  has_logo: false,
  ...over,
});

/** A preview with all-zero totals (what an empty quote shows). */
export const emptyPreview = (): QuotePreview => ({
  totals: { lines: [], subtotal: "0.00", discount: "0.00", net: "0.00", taxes: [], total: "0.00", cost: "0.00", margin: "0.00", margin_pct: null },
  required_approval: "none",
  max_discount_pct: "0",
  words: "人民币零元整",
  words_en: "ZERO YUAN ONLY",
  errors: [],
});

/** Installs the fake backend; handlers override the defaults. Returns the call log. */
export function mockBackend(handlers: Record<string, Handler> = {}): Call[] {
  const calls: Call[] = [];
  const defaults: Record<string, Handler> = {
    app_info: () => appInfo(),
    set_language: (args) => appInfo({ language: args?.language as AppInfo["language"] }),
    finish_onboarding: () => appInfo({ onboarded: true }),
    customer_options: () => [],
    list_customers: () => page([]),
    list_contacts: () => page([]),
    list_products: () => page([]),
    list_opportunities: () => page([]),
    list_quotes: () => page([]),
    preview_quote: () => emptyPreview(),
    quote_rules: () => quoteRules(),
    print_settings: () => printSettings(),
    user_role: () => "sales",
    data_view: () => dataView(),
    backup_keep: () => 7,
    set_user_role: (args) => args?.role,
  };
  mockIPC(async (cmd, args) => {
    calls.push({ cmd, args: args as Record<string, unknown> | undefined });
    const handler = handlers[cmd] ?? defaults[cmd];
    if (!handler) throw ipcError({ kind: "internal", message: `unmocked command ${cmd}` });
    return handler(args as Record<string, unknown> | undefined);
  });
  return calls;
}

export const callsOf = (calls: Call[], cmd: string) => calls.filter((c) => c.cmd === cmd);

/** The ListQuery argument of a list_* call. */
export const queryOf = (call: Call | undefined): ListQuery => {
  if (!call?.args) throw new Error("no list call recorded");
  return call.args.query as ListQuery;
};
