// The partner area against a fake backend: a statement shows its lines, total and 大写; locking
// disables the review controls; the what-if shows both columns and the payout chart; the plan
// form shows the parser's error at the field its JSON path names.
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { InboxEvent } from "../bindings/InboxEvent";
import { callsOf, mockBackend, type Handler } from "./backend";
import { D001, plan, statementView, summary, whatIfView } from "./partnerFixtures";
import { renderApp } from "./render";

// The partner screens are big antd forms and tables; on a loaded 2-core machine one test took
// ~12 s of the default 15, so these get more room.
vi.setConfig({ testTimeout: 40_000 });

const partnerDefaults: Record<string, Handler> = {
  list_partners: () => [],
  list_reps: () => [],
  list_statements: () => [summary()],
  list_plans: () => [],
  list_import_batches: () => [],
  list_sales_lines: () => ({ items: [], total: 0 }),
  inbox_status: () => ({ folder: null, watching: false, default_folder: "/data/inbox", partner_folders: [] }),
  list_inbox_events: () => [],
  subscribe_inbox: () => null,
  check_plan: () => [],
};

async function openTab(tab: string, handlers: Record<string, Handler>) {
  const calls = mockBackend({ ...partnerDefaults, ...handlers });
  const { user } = renderApp();
  await user.click(await screen.findByTestId("nav-partners"));
  await user.click(await screen.findByTestId(`partners-tab-${tab}`));
  return { user, calls };
}

describe("statement sheet", () => {
  it("shows every line with rule, rate and share, the total and the total in words", async () => {
    const { user } = await openTab("statements", { get_statement: () => statementView() });
    await user.click(await screen.findByTestId("statement-open-D001-2026-Q3-v1"));
    const sheet = await screen.findByTestId("statement-sheet");
    const lines = within(sheet).getByTestId("statement-lines");
    expect(within(lines).getByTestId("statement-line-S1").closest("tr")).toHaveTextContent("tier 2 of 2 (retroactive, over the period) at 8%");
    expect(within(lines).getByTestId("statement-share-S3")).toHaveTextContent("100.00 CNY");
    expect(within(lines).getByTestId("statement-line-R1").closest("tr")).toHaveTextContent("Clawback of S0");
    expect(within(lines).getByTestId("statement-line-S3").closest("tr")).toHaveTextContent("Parent override (multi-level)");
    expect(screen.getByTestId("statement-total")).toHaveTextContent("9,600.00 CNY");
    expect(screen.getByTestId("statement-words")).toHaveTextContent("人民币玖仟陆佰元整");
    expect(screen.getByTestId("statement-rounding")).toHaveTextContent("half away from zero");
    expect(screen.getByTestId("statement-pending")).toHaveTextContent("S4");
  });

  it("locks after review and then disables the review and lock controls", async () => {
    let locked = false;
    const { user, calls } = await openTab("statements", {
      get_statement: () => statementView(locked),
      lock_statement: () => {
        locked = true;
        return statementView(true);
      },
    });
    await user.click(await screen.findByTestId("statement-open-D001-2026-Q3-v1"));
    const lock = await screen.findByTestId("statement-lock");
    expect(lock).toBeDisabled();
    await user.click(screen.getByTestId("statement-reviewed"));
    expect(lock).toBeEnabled();
    await user.click(lock);
    await user.click(await screen.findByTestId("statement-lock-confirm"));
    await waitFor(() => expect(screen.getByTestId("statement-status")).toHaveAttribute("data-status", "locked"));
    expect(callsOf(calls, "lock_statement")[0]?.args).toEqual({ payee: D001, period: "2026-Q3", version: 1 });
    expect(screen.getByTestId("statement-lock")).toBeDisabled();
    expect(screen.getByTestId("statement-reviewed")).toBeDisabled();
    expect(screen.getByTestId("statement-locked")).toBeInTheDocument();
  });
});

describe("what-if", () => {
  it("compares now and simulated per partner, with the cost to the company and the payout chart", async () => {
    const { user, calls } = await openTab("whatif", {
      effective_plan: () => ({ summary: { name: "渠道方案", version: 1, kind: "partner", effective_from: "2026-01-01", created_at: "2026-01-01T00:00:00Z" }, plan: plan() }),
      what_if: () => whatIfView(),
    });
    await user.click(await screen.findByTestId("whatif-load"));
    const rate = await screen.findByTestId("plan-field-rate.tiers[1].rate_pct");
    fireEvent.change(rate, { target: { value: "10" } });
    await user.click(screen.getByTestId("whatif-run"));
    expect(await screen.findByTestId("whatif-current-D001")).toHaveTextContent("9,700.00 CNY");
    expect(screen.getByTestId("whatif-simulated-D001")).toHaveTextContent("12,100.00 CNY");
    expect(screen.getByTestId("whatif-simulated-total")).toHaveTextContent("12,100.00 CNY");
    const chart = screen.getByTestId("whatif-curve");
    expect(within(chart).getByTestId("whatif-curve-current")).toBeInTheDocument();
    expect(within(chart).getByTestId("whatif-curve-simulated").getAttribute("d")).toMatch(/^M[\d.]+,[\d.]+( L[\d.]+,[\d.]+){3}$/);
    expect(within(chart).getByTestId("whatif-boundary-100000")).toBeInTheDocument();
    const sent = callsOf(calls, "what_if")[0]?.args as { plan: { rate: { tiers: { rate_pct: string }[] } }; period: string };
    expect(sent.plan.rate.tiers[1]?.rate_pct).toBe("10");
  });
});

describe("plan form", () => {
  it("shows the parser's error at the field its JSON path names", async () => {
    const { user } = await openTab("plans", {
      check_plan: (args) => {
        const p = args?.plan as { rate: { tiers?: unknown[] } };
        return p.rate.tiers ? [{ field: "rate.tiers[1].from", code: "out_of_range", message: "gap: the one before ends at 100000, this starts at 120000" }] : [];
      },
    });
    await user.click(await screen.findByTestId("plan-new"));
    await user.click(await screen.findByTestId("plan-rule-kind-rate-tiers"));
    const error = await screen.findByTestId("plan-error-rate.tiers[1].from");
    expect(error).toHaveTextContent("gap: the one before ends at 100000");
    // Beside its own input, not another tier's.
    expect(error.closest(".plan-field")?.querySelector("input")).toBe(screen.getByTestId("plan-field-rate.tiers[1].from"));
    expect(screen.queryByTestId("plan-error-rate.tiers[0].from")).toBeNull();
    expect(screen.getByTestId("plan-errors")).toHaveTextContent("rate.tiers[1].from");
  });
});

describe("partner list", () => {
  it("shows bank details masked with an eye that reveals one value with a reason", async () => {
    const partner = {
      id: "0190a1b2-0000-7000-8000-0000000000d1", code: "D001", name: "华东总代", region: "华东", level: 1, parent_code: null,
      contract_start: null, contract_end: null, bank_account_holder: "张*", bank_account_number: "622202*********0123", bank_name: "工商银行",
      masked: ["bank_account_holder", "bank_account_number"],
    };
    const { user, calls } = await openTab("partners", { list_partners: () => [partner], reveal_value: () => "6222021234567890123" });
    expect(await screen.findByTestId("masked-D001-bank_account_number")).toHaveTextContent("622202*********0123");
    await user.click(screen.getByTestId(`reveal-${partner.id}-bank_account_number`));
    await user.type(await screen.findByTestId("reveal-reason"), "付款核对");
    await user.click(screen.getByTestId("reveal-confirm"));
    expect(await screen.findByTestId("reveal-value")).toHaveTextContent("6222021234567890123");
    expect(callsOf(calls, "reveal_value")[0].args).toEqual({ table: "partners", id: partner.id, field: "bank_account_number", reason: "付款核对" });
  });
});

describe("plan form: team pool and rounding", () => {
  it("offers the team pool on a rep plan only, sends it, and shows its field error", async () => {
    const { user, calls } = await openTab("plans", {
      check_plan: (args) => {
        const p = args?.plan as { team_pool?: { pct: string } };
        return p.team_pool && p.team_pool.pct === "150" ? [{ field: "team_pool.pct", code: "out_of_range", message: "must be between 0 and 100" }] : [];
      },
    });
    await user.click(await screen.findByTestId("plan-new"));
    expect(screen.queryByTestId("plan-team-pool")).toBeNull();
    await user.click(within(screen.getByTestId("plan-editor")).getAllByRole("combobox")[0]);
    await user.click(await screen.findByTestId("plan-field-kind-rep"));
    await user.click(await screen.findByTestId("plan-team-pool-on"));
    await user.type(screen.getByTestId("plan-field-team_pool.pct"), "150");
    expect(await screen.findByTestId("plan-error-team_pool.pct")).toHaveTextContent("must be between 0 and 100");
    await user.clear(screen.getByTestId("plan-field-team_pool.pct"));
    await user.type(screen.getByTestId("plan-field-team_pool.pct"), "2");
    await waitFor(() => expect(screen.queryByTestId("plan-error-team_pool.pct")).toBeNull());
    const sent = callsOf(calls, "check_plan").at(-1)?.args?.plan as { kind: string; team_pool: unknown };
    expect(sent.kind).toBe("rep");
    expect(sent.team_pool).toEqual({ pct: "2", split: "by_sales" });
  });
});

describe("watched inbox", () => {
  const event = (over: Partial<InboxEvent>): InboxEvent => ({
    id: "e1", at: "2026-12-07T10:00:00.000Z", partner: null, file_name: "june.csv", sha256: "ab", outcome: "imported", lines: 3,
    batch_id: "b1", moved_to: "imported/june.csv", message: "3 sales line(s) imported", problems: [], ...over,
  });

  it("lists what arrived and puts a new arrival on top as it happens", async () => {
    let push: ((e: InboxEvent) => void) | null = null;
    await openTab("inbox", {
      inbox_status: () => ({ folder: "/data/inbox", watching: true, default_folder: "/data/inbox", partner_folders: ["D001"] }),
      list_inbox_events: () => [event({})],
      subscribe_inbox: (args) => {
        const channel = args?.onEvent as { onmessage: (e: InboxEvent) => void };
        push = (e) => channel.onmessage(e);
        return null;
      },
    });
    expect(await screen.findByTestId("inbox-outcome-june.csv")).toHaveAttribute("data-outcome", "imported");
    expect(screen.getByTestId("inbox-watching")).toHaveAttribute("data-watching", "yes");
    await waitFor(() => expect(push).not.toBeNull());
    push!(event({ id: "e2", file_name: "july.csv", outcome: "rejected", lines: 0, moved_to: "rejected/july.csv", message: "rejected",
      problems: [{ row: 3, column: "amount", value: "lots", code: "invalid_number", message: "'lots' is not a number" }] }));
    expect(await screen.findByTestId("inbox-outcome-july.csv")).toHaveAttribute("data-outcome", "rejected");
    const rows = within(screen.getByTestId("inbox-events")).getAllByRole("row");
    expect(rows[1]).toHaveTextContent("july.csv");
    expect(rows[1]).toHaveTextContent("rejected/july.csv");
  });
});
