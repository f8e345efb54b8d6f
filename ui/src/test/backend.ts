// A fake Rust side for tests: mockIPC with sensible defaults per command, recording
// every call so tests can assert on the exact arguments sent.
import { mockIPC } from "@tauri-apps/api/mocks";
import type { AppInfo } from "../bindings/AppInfo";
import type { Customer } from "../bindings/Customer";
import type { IpcError } from "../bindings/IpcError";
import type { ListQuery } from "../bindings/ListQuery";
import type { Page } from "../bindings/Page";

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
  ...over,
});

export function page<T>(items: T[], total = items.length): Page<T> {
  return { items, total, page: 1, page_size: 20 };
}

export function ipcError(over: Partial<IpcError>): IpcError {
  return { kind: "internal", message: "", fields: [], problems: [], ...over };
}

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
