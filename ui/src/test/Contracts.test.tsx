// The Contracts area against a fake backend: the list, "New contract" from an accepted quote,
// the key-terms payload, the review panel (a high flag disables sign-off with the reason,
// legal-only actions disabled for other roles, one-click fallback), placeholder errors at the
// clause field, and the final PDF blocked with the reason.
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { ContractDetail } from "../bindings/ContractDetail";
import type { QuoteSummary } from "../bindings/QuoteSummary";
import { callsOf, ipcError, mockBackend, page, type Handler } from "./backend";
import { CID, detail, pay01, summaryOf } from "./contractFixtures";
import { renderApp } from "./render";

const backend = (d: ContractDetail, over: Record<string, Handler> = {}) =>
  mockBackend({ list_contracts: () => [summaryOf(d)], get_contract: () => d, ...over });

async function openContract() {
  const { user } = renderApp();
  await user.click(await screen.findByTestId("nav-contracts"));
  await user.click(await screen.findByTestId(`open-${CID}`));
  await screen.findByTestId("contract-detail");
  return user;
}

describe("contract list and new contract", () => {
  it("lists number, customer, status and date", async () => {
    backend(detail());
    const { user } = renderApp();
    await user.click(await screen.findByTestId("nav-contracts"));
    const row = await screen.findByTestId(`row-${CID}`);
    expect(row).toHaveTextContent("C-2026-0001");
    expect(row).toHaveTextContent("华信科技");
    expect(row).toHaveTextContent("In legal review");
    expect(row).toHaveTextContent("2026-12-02");
  });

  it("makes a contract from an accepted quote with the chosen template and terms", async () => {
    const accepted: QuoteSummary = {
      id: "q1", number: "Q-2026-0001", revision: 1, status: "accepted", customer_name: "华信科技", currency: "CNY",
      total: "11300.00", quote_date: "2026-11-22", valid_until: "2026-12-22", updated_at: "2026-11-22T08:00:00Z", owner: "wang", masked: [],
    };
    const calls = backend(detail({ status: "draft" }), { list_contracts: () => [], list_quotes: () => page([accepted]), create_contract: () => detail({ status: "draft" }) });
    const { user } = renderApp();
    await user.click(await screen.findByTestId("nav-contracts"));
    await user.click(await screen.findByTestId("contracts-new"));
    await user.click(within(await screen.findByTestId("contract-new-quote")).getByRole("combobox"));
    await user.click(await screen.findByTestId("contract-quote-Q-2026-0001"));
    await user.click(screen.getByTestId("contract-kind-service"));
    fireEvent.change(screen.getByTestId("terms-payment_days"), { target: { value: "120" } });
    await user.click(screen.getByTestId("contract-new-submit"));
    await screen.findByTestId("contract-detail");
    const sent = callsOf(calls, "create_contract")[0]?.args?.input as { quote: string; kind: string; terms: Record<string, unknown> };
    expect(sent.quote).toBe("q1");
    expect(sent.kind).toBe("service");
    expect(sent.terms).toMatchObject({ payment_days: 120, delivery_days: 30, liability_cap_pct: "100", auto_renew: false, public_body: false });
  });
});

describe("key terms", () => {
  it("sends the whole form with the changed payment days, and shows field errors", async () => {
    const calls = backend(detail(), {
      save_contract_terms: () => {
        throw ipcError({ kind: "validation", fields: [{ field: "liability_cap_pct", code: "out_of_range", message: "" }] });
      },
    });
    const user = await openContract();
    fireEvent.change(screen.getByTestId("terms-payment_days"), { target: { value: "30" } });
    await user.click(screen.getByTestId("terms-save"));
    await waitFor(() => expect(callsOf(calls, "save_contract_terms")).toHaveLength(1));
    expect(callsOf(calls, "save_contract_terms")[0]?.args).toEqual({
      id: CID,
      terms: { payment_days: 30, delivery_days: 30, acceptance_days: 10, liability_cap_pct: "100", warranty_months: 12, term_months: 12, auto_renew: false, non_renewal_notice_days: 30, public_body: false },
    });
    expect(await screen.findByTestId("error-liability_cap_pct")).toBeInTheDocument();
  });
});

describe("review panel", () => {
  it("shows the high flag with its clause and disables sign-off with the reason", async () => {
    backend(detail(), { user_role: () => "legal" });
    await openContract();
    const flag = await screen.findByTestId("flag-PAY-01");
    expect(within(screen.getByTestId("review-group-payment")).getByTestId("flag-PAY-01")).toBe(flag);
    expect(within(flag).getByTestId("flag-PAY-01-severity")).toHaveTextContent("High");
    expect(flag).toHaveTextContent("§3");
    expect(flag).toHaveTextContent("120 days > 60");
    expect(screen.getByTestId("review-sign-off")).toBeDisabled();
    expect(screen.getByTestId("review-sign-off-blocked")).toHaveTextContent("PAY-01");
    expect(within(flag).getByTestId("flag-PAY-01-waive")).toBeEnabled();
    expect(screen.getByTestId("contract-pdf-final")).toBeDisabled();
    expect(screen.getByTestId("contract-pdf-blocked")).toHaveTextContent("legal has not signed it off");
  });

  it("lets legal sign off once the flag is resolved", async () => {
    const clear = detail({ flags: [pay01({ status: "resolved", reason: "no longer raised after a change" })] });
    const calls = backend(clear, { user_role: () => "legal", sign_off_contract: () => detail({ status: "approved", flags: clear.review.flags, blocked: null }) });
    const user = await openContract();
    await user.click(screen.getByTestId("review-sign-off"));
    await user.click(await screen.findByTestId("reason-confirm"));
    await waitFor(() => expect(callsOf(calls, "sign_off_contract")[0]?.args).toEqual({ id: CID, comment: "" }));
    await waitFor(() => expect(screen.getByTestId("contract-pdf-final")).toBeEnabled());
  });

  it("disables legal-only actions for sales, but offers the flag's fallback", async () => {
    const calls = backend(detail(), { user_role: () => "sales", choose_contract_fallback: () => detail() });
    const user = await openContract();
    const flag = await screen.findByTestId("flag-PAY-01");
    expect(within(flag).getByTestId("flag-PAY-01-waive")).toBeDisabled();
    expect(screen.getByTestId("review-request-changes")).toBeDisabled();
    expect(screen.getByTestId("review-sign-off")).toBeDisabled();
    await user.click(within(flag).getByTestId("flag-PAY-01-use-fallback"));
    await waitFor(() => expect(callsOf(calls, "choose_contract_fallback")[0]?.args).toEqual({ id: CID, position: 3, fallback: 2 }));
  });

  it("asks legal for the reason when waiving", async () => {
    const calls = backend(detail(), { user_role: () => "legal", waive_contract_flag: () => detail({ flags: [pay01({ status: "waived", reason: "strategic customer" })] }) });
    const user = await openContract();
    await user.click(within(await screen.findByTestId("flag-PAY-01")).getByTestId("flag-PAY-01-waive"));
    await user.click(await screen.findByTestId("reason-confirm"));
    expect(await screen.findByTestId("error-reason")).toBeInTheDocument();
    expect(callsOf(calls, "waive_contract_flag")).toHaveLength(0);
    fireEvent.change(screen.getByTestId("reason-text"), { target: { value: "strategic customer" } });
    await user.click(screen.getByTestId("reason-confirm"));
    await waitFor(() => expect(callsOf(calls, "waive_contract_flag")[0]?.args).toEqual({ id: CID, flag: "flag-1", reason: "strategic customer" }));
    await waitFor(() => expect(screen.getByTestId("flag-PAY-01-status")).toHaveTextContent("Waived"));
  });
});

describe("clauses", () => {
  it("shows zh and en side by side and an unknown placeholder at its field", async () => {
    const calls = backend(detail(), {
      edit_contract_clause: () => {
        throw ipcError({ kind: "validation", fields: [{ field: "clauses[3].zh", code: "unknown_value", message: "unknown placeholder {{payment.dayz}}" }] });
      },
    });
    const user = await openContract();
    expect(screen.getByTestId("clause-3-zh")).toHaveTextContent("甲方应于120日内支付。");
    expect(screen.getByTestId("clause-3-en")).toHaveTextContent("Pay within 120 days.");
    await user.click(screen.getByTestId("clause-3-edit"));
    fireEvent.change(await screen.findByTestId("clause-edit-zh"), { target: { value: "甲方应于{{payment.dayz}}日内支付。" } });
    await user.click(screen.getByTestId("clause-edit-save"));
    expect(await screen.findByTestId("error-clauses[3].zh")).toBeInTheDocument();
    expect(callsOf(calls, "edit_contract_clause")[0]?.args).toEqual({ id: CID, position: 3, zh: "甲方应于{{payment.dayz}}日内支付。", en: "Pay within {{payment.days}} days." });
  });
});
