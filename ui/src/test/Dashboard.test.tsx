// The dashboard against a fake backend: the figures shown as the Rust side computed them
// (exact strings, bottleneck marked), a number opening the records behind it, the request
// following the filters, ABC apply only after its preview, and a target saved from the editor.
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Dashboard } from "../bindings/Dashboard";
import type { Drill } from "../bindings/Drill";
import type { FunnelStage } from "../bindings/FunnelStage";
import type { Kpis } from "../bindings/Kpis";
import type { TargetBreakdown } from "../bindings/TargetBreakdown";
import { callsOf, dataView, mockBackend } from "./backend";
import { renderApp } from "./render";

const stage = (s: FunnelStage["stage"], reached: number, over: Partial<FunnelStage> = {}): FunnelStage => ({
  stage: s, label_zh: s, reached_count: reached, reached_amount: `${reached * 1000}.00`, current_count: 1, current_amount: "1000.00",
  conversion_from_previous_pct: "50.0", conversion_from_first_pct: "25.0", drop_off: 1, median_days_in_stage: "7.5", stays: 2,
  industry_pct: "40", top_pct: "60", ...over,
});

const kpis = (over: Partial<Kpis> = {}): Kpis => ({
  period: "2026", won_count: 3, lost_count: 1, win_rate_pct: "75.0", won_amount: "123456.70", average_deal_size: "41152.23",
  sales_cycle_days: "21.5", new_customers: 4, open_count: 9, open_pipeline: "500000.00", target: "1000000.00", pipeline_coverage: "0.57", ...over,
});

const band = (label: string, count: number) => ({ label, count, pipeline: "1000.00", worst: "100.00", likely: "400.00", best: "700.00" });

function fixture(): Dashboard {
  return {
    period: "2026", currency: "CNY", owners: [{ value: "owner:1", label: "王伟", masked: false }, { value: "owner:2", label: "李娜", masked: false }], regions: ["华东"], opportunity_count: 42,
    funnel: {
      period: "2026", currency: "CNY", lost_count: 5, lost_amount: "9000.00", bottleneck: "negotiation",
      stages: [stage("initial", 40), stage("qualified", 20), stage("proposal", 12), stage("negotiation", 8), stage("won", 2, { drop_off: null })],
      benchmarks: { industry: ["100", "40", "25", "12", "5"], top: ["100", "60", "40", "25", "15"] },
    },
    kpi: {
      currency: "CNY", current: kpis(), previous: kpis({ period: "2025", won_amount: "100000.00" }),
      change: { won_count: 1, lost_count: 0, win_rate_pts: "5.0", won_amount: "23456.70", average_deal_size: "-10.00", sales_cycle_days: "-2.0", new_customers: 2, open_pipeline: "1000.00" },
      trend: [kpis({ period: "2025" }), kpis()],
    },
    attainment: { owner: "", target: "1000000.00", won: "123456.70", attainment_pct: "12.3" },
    economics: { marketing_cost: "5000.00", sales_cost: "1000.00", new_customers: 4, cac: "1500.00", annual_revenue_per_customer: "2000.00", lifetime_years: "3", ltv: "6000.00", ltv_to_cac: "4.00" },
    forecast: { currency: "CNY", months: [band("2026-12", 3), band("2027-01", 2)], total: band("total", 5), overdue: band("overdue", 1), unscheduled: band("unscheduled", 0) },
    accuracy: [{ month: "2026-11", forecast: "700.00", actual: "1000.00", accuracy_pct: "57.1" }],
    abc: {
      period: "2026", currency: "CNY", thresholds: { a_pct: "80", b_pct: "95" }, total_revenue: "123456.70", count_a: 1, count_b: 1, count_c: 2,
      rows: [{ customer_id: "c1", customer_name: "华信科技", revenue: "100000.00", share_pct: "81.0", cumulative_pct: "81.0", class: "A", current_tier: "B" }],
    },
    abc_rows_total: 4,
    settings: { benchmarks: { industry: ["100", "40", "25", "12", "5"], top: ["100", "60", "40", "25", "15"] }, thresholds: { a_pct: "80", b_pct: "95" }, lifetime_years: "3" },
  };
}

const drill: Drill = {
  target: { kind: "funnel_reached", stage: "negotiation" }, count: 8, total: "8000.00",
  rows: [{ id: "o1", name: "CRM 升级 7", customer: "华信科技", stage: "negotiation", amount: "5000.00", owner: "王伟", date: "2026-12-20", masked: [] }],
};

async function openDashboard(handlers = {}) {
  const calls = mockBackend({ dashboard: () => fixture(), dashboard_drill: () => drill, ...handlers });
  const app = renderApp();
  fireEvent.click(await screen.findByTestId("nav-dashboard"));
  await screen.findByTestId("funnel-card");
  return { calls, ...app };
}

describe("dashboard", () => {
  it("shows the figures exactly as computed, with the bottleneck marked on its stage", async () => {
    await openDashboard();
    const row = screen.getByTestId("funnel-stage-negotiation");
    expect(within(row).getByTestId("bottleneck-tag")).toBeInTheDocument();
    expect(within(screen.getByTestId("funnel-stage-proposal")).queryByTestId("bottleneck-tag")).toBeNull();
    expect(screen.getByTestId("kpi-won-value")).toHaveTextContent("123,456.70 CNY");
    expect(screen.getByTestId("kpi-win_rate-value")).toHaveTextContent("75.0%");
    expect(screen.getByTestId("attainment-text")).toHaveTextContent("Won 123,456.70 CNY of 1,000,000.00 CNY");
    expect(screen.getByTestId("economics-card")).toHaveTextContent("1,500.00 CNY");
    expect(within(screen.getByTestId("accuracy-table")).getByText("57.1%")).toBeInTheDocument();
    // The chart draws the same counts, the bottleneck in its own colour.
    expect(screen.getByTestId("funnel-chart-negotiation")).toHaveTextContent("Negotiation 8");
    expect(screen.getByTestId("funnel-chart-negotiation").querySelector("rect")?.getAttribute("fill")).toBe("#d4380d");
    expect(screen.getByTestId("funnel-chart-proposal").querySelector("rect")?.getAttribute("fill")).not.toBe("#d4380d");
  });

  it("opens the opportunities behind a funnel number", async () => {
    const { calls } = await openDashboard();
    fireEvent.click(screen.getByTestId("funnel-chart-negotiation"));
    const summary = await screen.findByTestId("drill-summary");
    expect(summary).toHaveTextContent("8 records · total 8,000.00 CNY");
    expect(within(screen.getByTestId("drill-table")).getByText("CRM 升级 7")).toBeInTheDocument();
    const sent = callsOf(calls, "dashboard_drill")[0]?.args;
    expect(sent?.target).toEqual({ kind: "funnel_reached", stage: "negotiation" });
    expect((sent?.request as { period: string }).period).toBe(String(new Date().getFullYear()));
  });

  it("applies ABC tiers only after showing what changes", async () => {
    const change = { customer_id: "c1", customer_name: "华信科技", old_tier: "B", new_tier: "A" };
    const { calls } = await openDashboard({ preview_abc: () => [change], apply_abc: () => [change] });
    fireEvent.click(screen.getByTestId("abc-preview"));
    const table = await screen.findByTestId("abc-preview-table");
    expect(within(table).getByText("华信科技")).toBeInTheDocument();
    expect(callsOf(calls, "apply_abc")).toHaveLength(0);
    fireEvent.click(screen.getByTestId("abc-confirm"));
    await waitFor(() => expect(callsOf(calls, "apply_abc")).toHaveLength(1));
    expect(await screen.findByText("1 customer tiers updated")).toBeInTheDocument();
  });

  it("saves a quarter's target from the editor and shows the new breakdown", async () => {
    const cell = (period: string, amount: string | null, explicit: boolean) => ({ period, amount, explicit });
    const before: TargetBreakdown = { year: 2026, owner: "", currency: "CNY", year_target: cell("2026", "1200000.00", true), quarters: [cell("2026-Q1", "300000.00", false)], months: [] };
    const after: TargetBreakdown = { ...before, quarters: [cell("2026-Q1", "600000.00", true)] };
    const { calls } = await openDashboard({ target_breakdown: () => before, save_target: () => after });
    fireEvent.click(screen.getByTestId("open-targets"));
    const input = await screen.findByTestId("target-2026-Q1");
    fireEvent.change(input, { target: { value: "600,000" } });
    fireEvent.blur(input);
    await waitFor(() => expect(callsOf(calls, "save_target")).toHaveLength(1));
    expect(callsOf(calls, "save_target")[0]?.args?.input).toEqual({ period: "2026-Q1", owner: "", currency: "CNY", amount: "600000" });
    await waitFor(() => expect(screen.getByTestId("target-2026-Q1")).toHaveValue("600000.00"));
  });

  it("shows drill-down owners as the server masked them, and exports through the chosen policy", async () => {
    const masked: Drill = { ...drill, rows: [{ ...drill.rows[0], owner: "王*", masked: ["owner"] }] };
    const { calls } = await openDashboard({
      dashboard_drill: () => masked,
      data_view: () => dataView({ role: "distributor", policy: "distributor", can_reveal: false, export_policies: ["distributor", "trade_show"] }),
      export_dashboard_table: () => "/docs/exports/dashboard-records-2026-masked-distributor.csv",
    });
    fireEvent.click(screen.getByTestId("funnel-chart-negotiation"));
    expect(await screen.findByTestId("masked-o1-owner")).toHaveTextContent("王*");
    expect(screen.queryByTestId("reveal-o1-owner")).not.toBeInTheDocument();
    fireEvent.click(screen.getByTestId("drill-export-csv"));
    fireEvent.click(await screen.findByTestId("export-to-documents"));
    expect(await screen.findByTestId("export-success")).toHaveAttribute("data-policy", "distributor");
    const sent = callsOf(calls, "export_dashboard_table")[0]?.args;
    expect(sent).toMatchObject({ table: { table: "drill", target: { kind: "funnel_reached", stage: "negotiation" } }, format: "csv", policy: "distributor", toDocuments: true });
  });
});
