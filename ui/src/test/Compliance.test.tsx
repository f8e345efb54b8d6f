// Compliance › subject requests and the personal-data scan against a fake backend: a search
// lists every place with its state, erasure asks first and searches again afterwards, the
// server's refusal (wrong data view) is shown, and a scan lists undeclared findings by row.
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Findings } from "../bindings/Findings";
import type { ScanReport } from "../bindings/ScanReport";
import type { SubjectHit } from "../bindings/SubjectHit";
import { callsOf, ipcError, mockBackend } from "./backend";
import { renderApp } from "./render";

const hit = (over: Partial<SubjectHit> = {}): SubjectHit => ({
  table: "contacts", table_zh: "联系人", table_en: "Contacts", id: "0190a1b2-0000-7000-8000-0000000000c1",
  label: "华东精密制造", column: "mobile", kind: "mobile", whole: true, value: "13812341234",
  deleted: false, retained: null, fields: [], ...over,
});

const findings = (hits: SubjectHit[]): Findings => ({ kind: "mobile", hits, tables: ["contacts", "customers", "audit_log"] });

async function openTab(tab: "subject" | "scan") {
  const { user } = renderApp();
  await user.click(await screen.findByTestId("nav-compliance"));
  await user.click(await screen.findByTestId(`compliance-tab-${tab}`));
  return user;
}

describe("subject requests", () => {
  it("lists every place the person is stored, with deleted, mentioned and kept ones marked", async () => {
    const calls = mockBackend({
      list_audit: () => ({ items: [], total: 0 }),
      subject_find: () => findings([
        hit(),
        hit({ id: "0190a1b2-0000-7000-8000-0000000000c2", deleted: true }),
        hit({ table: "customers", table_zh: "客户", table_en: "Customers", column: "notes", whole: false, value: "采购联系人张伟，电话13812341234，周五前回电" }),
        hit({ table: "audit_log", table_zh: "审计日志", table_en: "Audit log", column: "detail", whole: false, retained: "append-only audit record" }),
      ]),
    });
    const user = await openTab("subject");
    await user.type(screen.getByTestId("subject-value"), "+86 138-1234-1234{Enter}");
    const count = await screen.findByTestId("subject-count");
    expect(count).toHaveTextContent("4 places in 3 tables (3 tables searched)");
    expect(callsOf(calls, "subject_find")[0].args).toEqual({ kind: "mobile", value: "+86 138-1234-1234" });
    expect(within(screen.getByTestId("subject-hit-1")).getByText("deleted, still stored")).toBeInTheDocument();
    expect(within(screen.getByTestId("subject-hit-2")).getByText("mentioned in text")).toBeInTheDocument();
    expect(within(screen.getByTestId("subject-hit-3")).getByText("kept by law")).toBeInTheDocument();
  });

  it("erases only after confirmation, reports what changed and searches again", async () => {
    let erased = false;
    const calls = mockBackend({
      list_audit: () => ({ items: [], total: 0 }),
      subject_find: () => findings(erased ? [hit({ table: "audit_log", table_zh: "审计日志", table_en: "Audit log", whole: false, retained: "kept" })] : [hit(), hit({ table: "customers", column: "notes", whole: false })]),
      erase_subject: () => {
        erased = true;
        return { tables: { contacts: 1, customers: 1 }, retained: 1, subject_hash: "ab".repeat(32) };
      },
    });
    const user = await openTab("subject");
    await user.type(screen.getByTestId("subject-value"), "13812341234");
    await user.click(screen.getByTestId("subject-find"));
    await waitFor(() => expect(screen.getByTestId("subject-count")).toHaveAttribute("data-count", "2"));
    await user.click(screen.getByTestId("subject-erase"));
    expect(callsOf(calls, "erase_subject")).toHaveLength(0);
    await user.click(await screen.findByTestId("subject-erase-confirm"));
    const changed = await screen.findByTestId("subject-changed");
    expect(changed).toHaveTextContent("Erased from 2 records");
    expect(changed).toHaveTextContent("contacts: 1 · customers: 1");
    expect(changed).toHaveTextContent("1 audit-log entries kept");
    await waitFor(() => expect(screen.getByTestId("subject-count")).toHaveAttribute("data-count", "1"));
    expect(callsOf(calls, "subject_find")).toHaveLength(2);
  });

  it("shows the server's refusal when the data view may not handle requests", async () => {
    mockBackend({
      list_audit: () => ({ items: [], total: 0 }),
      subject_find: () => {
        throw ipcError({ kind: "conflict", message: "subject requests need the admin or legal data view (now sales_ops; Settings › General › Data view role)" });
      },
    });
    const user = await openTab("subject");
    await user.type(screen.getByTestId("subject-value"), "13812341234{Enter}");
    expect(await screen.findByTestId("subject-error")).toHaveTextContent("need the admin or legal data view");
    expect(screen.queryByTestId("subject-count")).not.toBeInTheDocument();
  });
});

describe("audit log", () => {
  it("is read afresh each time the page opens, so a request just made is listed", async () => {
    let entries = [{ seq: 1, at: "2026-12-07T09:00:00Z", actor: "wang", action: "backup", entity: "database", entity_id: "", detail: "{}" }];
    const calls = mockBackend({ list_audit: () => ({ items: [...entries].reverse(), total: entries.length }) });
    const { user } = renderApp();
    await user.click(await screen.findByTestId("nav-compliance"));
    expect(await screen.findByTestId("audit-action-1")).toHaveTextContent("Backup");
    entries = [...entries, { seq: 2, at: "2026-12-07T09:05:00Z", actor: "wang", action: "subject_erase", entity: "subject", entity_id: "ab12", detail: "{}" }];
    await user.click(screen.getByTestId("nav-contacts"));
    await user.click(screen.getByTestId("nav-compliance"));
    expect(await screen.findByTestId("audit-action-2")).toHaveTextContent("Subject erasure");
    expect(callsOf(calls, "list_audit").length).toBeGreaterThanOrEqual(2);
  });
});

describe("personal-data scan", () => {
  it("lists undeclared personal data in the store's notes by record and field, masked", async () => {
    const report: ScanReport = {
      source: "store", rows: 12, declared: [], total: 2, by_kind: { mobile: 1, resident_id: 1 },
      findings: [
        { row: 0, column: "notes", table: "customers", id: "c1", label: "华东精密制造", kind: "mobile", confidence: 0.99, guess: false, excerpt: "电话138****1234" },
        { row: 0, column: "notes", table: "customers", id: "c1", label: "华东精密制造", kind: "resident_id", confidence: 0.99, guess: false, excerpt: "身份证110105********0021" },
      ],
    };
    const calls = mockBackend({ list_audit: () => ({ items: [], total: 0 }), scan_store: () => report });
    const user = await openTab("scan");
    await user.click(screen.getByTestId("scan-store"));
    expect(await screen.findByTestId("scan-total")).toHaveTextContent("12 texts in the database, 2 pieces of personal data");
    expect(screen.getByTestId("scan-finding-0")).toHaveTextContent("华东精密制造 · notes");
    expect(screen.getByTestId("scan-finding-0")).toHaveTextContent("电话138****1234");
    expect(screen.getByTestId("scan-finding-1")).toHaveAttribute("data-kind", "resident_id");
    expect(callsOf(calls, "scan_store")).toHaveLength(1);
  });
});
