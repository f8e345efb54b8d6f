// The Quotes area against a fake backend: the list, the builder's save input, the live
// preview (totals, words, approval hint), field errors at their cell, approving with a
// comment, read-only locked quotes, revision comparison, the role in Settings, and a quote
// opened again after the privacy screen came on showing only what the new view allows.
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Product } from "../bindings/Product";
import type { Quote } from "../bindings/Quote";
import type { QuoteInput } from "../bindings/QuoteInput";
import type { QuotePreview } from "../bindings/QuotePreview";
import type { QuoteSummary } from "../bindings/QuoteSummary";
import { callsOf, dataView, emptyPreview, ipcError, mockBackend, page, type Handler } from "./backend";
import { renderApp } from "./render";

const CUSTOMER = { id: "0190a1b2-0000-7000-8000-00000000c001", label: "华信科技" };
const PRODUCT: Product = {
  id: "0190a1b2-0000-7000-8000-00000000p001", sku: "DD-100", name: "年度订阅", product_line: "SaaS", unit: "套",
  list_price: "10000.00", cost: "4000.00", tax_rate_pct: "13", currency: "CNY", active: true,
  created_at: "2026-01-05T08:00:00Z", updated_at: "2026-01-05T08:00:00Z",
};
const QID = "0190a1b2-0000-7000-8000-00000000q001";

function quote(over: Partial<Quote> = {}): Quote {
  return {
    id: QID, family_id: "fam-1", revision: 1, number: "Q-2026-0001", status: "draft",
    customer_id: CUSTOMER.id, customer_name: CUSTOMER.label, opportunity_id: null, currency: "CNY", exchange_rate: "1",
    tax_inclusive: false, discount_pct: "0", quote_date: "2026-11-22", valid_until: "2026-12-22", labels: "bilingual",
    paper: "a4", notes: "", terms: "", required_approval: "none", owner: "wang",
    lines: [{ product_id: PRODUCT.id, sku: "DD-100", description: "年度订阅", unit: "套", quantity: "1", unit_price: "10000.00", discount_pct: "0", tax_rate_pct: "13", unit_cost: "4000.00" }],
    totals: {
      lines: [{ gross: "10000", amount: "10000.00", cost: "4000.00", margin: "6000.00", margin_pct: "60.00" }],
      subtotal: "10000.00", discount: "0.00", net: "10000.00", taxes: [{ rate_pct: "13", base: "10000.00", tax: "1300.00" }],
      total: "11300.00", cost: "4000.00", margin: "6000.00", margin_pct: "60.00",
    },
    events: [],
    created_at: "2026-11-22T08:00:00Z", updated_at: "2026-11-22T08:00:00Z", masked: [],
    ...over,
  };
}

const summary = (q: Quote): QuoteSummary => ({
  id: q.id, number: q.number, revision: q.revision, status: q.status, customer_name: q.customer_name, currency: q.currency,
  total: q.totals.total, quote_date: q.quote_date, valid_until: q.valid_until, updated_at: q.updated_at, owner: q.owner, masked: q.masked.filter((f) => f === "owner"),
});

/** A fake preview_quote: one line's amount = qty × price × (1 − disc), 13 % tax, words for two known totals. */
const fakePreview: Handler = (args) => {
  const input = args?.input as QuoteInput;
  const p = emptyPreview();
  const lines = input.lines.map((l) => {
    const amount = (Number(l.quantity) * Number(l.unit_price) * (1 - Number(l.discount_pct || 0) / 100)).toFixed(2);
    return { gross: amount, amount, cost: "0.00", margin: amount, margin_pct: "40.00" };
  });
  const net = lines.reduce((s, l) => s + Number(l.amount), 0);
  const total = (net * 1.13).toFixed(2);
  const words: Record<string, string> = { "11300.00": "人民币壹万壹仟叁佰元整", "22600.00": "人民币贰万贰仟陆佰元整", "8475.00": "人民币捌仟肆佰柒拾伍元整" };
  const maxDiscount = Math.max(0, ...input.lines.map((l) => Number(l.discount_pct || 0)));
  const preview: QuotePreview = {
    ...p,
    totals: { ...p.totals, lines, subtotal: net.toFixed(2), net: net.toFixed(2), taxes: [{ rate_pct: "13", base: net.toFixed(2), tax: (net * 0.13).toFixed(2) }], total },
    required_approval: maxDiscount > 20 ? "director" : maxDiscount > 10 ? "manager" : "none",
    max_discount_pct: String(maxDiscount),
    words: words[total] ?? "",
  };
  return preview;
};

/** Replaces an input's text in one change event (like a paste), so the debounced preview runs once. */
const setText = (el: HTMLElement, value: string) => fireEvent.change(el, { target: { value } });

async function openNewQuote() {
  const { user } = renderApp();
  await user.click(await screen.findByTestId("nav-quotes"));
  await user.click(await screen.findByTestId("quotes-new"));
  await screen.findByTestId("quote-builder");
  return user;
}

async function openQuote(revisions: Quote[]) {
  const current = revisions[revisions.length - 1];
  const { user } = renderApp();
  await user.click(await screen.findByTestId("nav-quotes"));
  await user.click(await screen.findByTestId(`row-${current.id}`));
  await screen.findByTestId("quote-builder");
  return user;
}

type User = Awaited<ReturnType<typeof openNewQuote>>;

async function pickCustomer(user: User) {
  const picker = screen.getByTestId("quote-customer");
  await user.click(within(picker).getByRole("combobox"));
  setText(within(picker).getByRole("combobox"), "华信");
  await user.click(await screen.findByText(CUSTOMER.label));
}

async function addProduct(user: User) {
  const picker = screen.getByTestId("quote-add-product");
  await user.click(within(picker).getByRole("combobox"));
  setText(within(picker).getByRole("combobox"), "DD");
  await user.click(await screen.findByTestId("quote-product-DD-100"));
  await screen.findByTestId("line-0-quantity");
}

const builderBackend = (over: Record<string, Handler> = {}) =>
  mockBackend({
    customer_options: () => [CUSTOMER],
    list_products: () => page([PRODUCT]),
    quote_line_for_product: () => ({ ...quote().lines[0], discount_pct: "8" }),
    preview_quote: fakePreview,
    ...over,
  });

describe("quote list", () => {
  it("shows numbers, status tags, totals with currency, and opens a row", async () => {
    const q = quote({ status: "pending_approval" });
    const calls = mockBackend({ list_quotes: () => page([summary(q)], 1), quote_revisions: () => [q] });
    const { user } = renderApp();
    await user.click(await screen.findByTestId("nav-quotes"));
    const row = await screen.findByTestId(`row-${q.id}`);
    expect(row).toHaveTextContent("Q-2026-0001");
    expect(row).toHaveTextContent("Pending approval");
    expect(row).toHaveTextContent("11,300.00 CNY");
    expect(screen.getByTestId("quotes-total")).toHaveTextContent("1");
    await user.click(within(row).getByText("华信科技"));
    expect(await screen.findByTestId("quote-number")).toHaveTextContent("Q-2026-0001");
    expect(callsOf(calls, "quote_revisions")[0].args).toEqual({ id: q.id });
  });
});

describe("quote builder", () => {
  it("sends the quote as typed to save_quote", async () => {
    const calls = builderBackend({ save_quote: (args) => ({ ...quote({ number: null }), ...(args?.input as object), id: QID }) });
    const user = await openNewQuote();
    await pickCustomer(user);
    await addProduct(user);
    expect(callsOf(calls, "quote_line_for_product")[0].args).toEqual({
      request: { product_id: PRODUCT.id, customer_id: CUSTOMER.id, currency: "CNY", exchange_rate: "1", quantity: "1" },
    });
    setText(screen.getByTestId("line-0-quantity"), "3");
    setText(screen.getByTestId("line-0-description"), "年度订阅（含实施）");
    setText(screen.getByTestId("quote-discount"), "2.5");
    await user.click(screen.getByTestId("quote-add-line"));
    setText(await screen.findByTestId("line-1-description"), "现场培训");
    setText(screen.getByTestId("line-1-unit_price"), "800");
    await user.click(screen.getByTestId("quote-save"));
    await waitFor(() => expect(callsOf(calls, "save_quote")).toHaveLength(1));
    const input = callsOf(calls, "save_quote")[0].args?.input as QuoteInput;
    expect(input).toMatchObject({
      id: null, customer_id: CUSTOMER.id, currency: "CNY", exchange_rate: "1", tax_inclusive: false, discount_pct: "2.5",
      labels: "bilingual", paper: "a4", opportunity_id: null,
    });
    expect(input.valid_until).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(input.lines).toEqual([
      { product_id: PRODUCT.id, sku: "DD-100", description: "年度订阅（含实施）", unit: "套", quantity: "3", unit_price: "10000.00", discount_pct: "8", tax_rate_pct: "13", unit_cost: "4000.00" },
      { product_id: null, sku: "", description: "现场培训", unit: "", quantity: "1", unit_price: "800", discount_pct: "0", tax_rate_pct: "13", unit_cost: "" },
    ]);
  });

  it("updates totals and the amount in words as the quantity is typed", async () => {
    const calls = builderBackend({ quote_line_for_product: () => quote().lines[0] });
    const user = await openNewQuote();
    await addProduct(user);
    await waitFor(() => expect(screen.getByTestId("quote-total")).toHaveTextContent("11,300.00 CNY"));
    expect(screen.getByTestId("quote-words")).toHaveTextContent("人民币壹万壹仟叁佰元整");
    expect(screen.getByTestId("line-0-amount")).toHaveTextContent("10,000.00");
    setText(screen.getByTestId("line-0-quantity"), "2");
    await waitFor(() => expect(screen.getByTestId("quote-total")).toHaveTextContent("22,600.00 CNY"));
    expect(screen.getByTestId("quote-words")).toHaveTextContent("人民币贰万贰仟陆佰元整");
    expect(screen.getByTestId("quote-tax-13")).toHaveTextContent("2,600.00");
    const sent = callsOf(calls, "preview_quote").map((c) => (c.args?.input as QuoteInput).lines[0]?.quantity);
    expect(sent).toContain("2");
  });

  it("shows the director approval hint for a 25 % discount", async () => {
    builderBackend({ quote_line_for_product: () => quote().lines[0] });
    const user = await openNewQuote();
    await addProduct(user);
    await waitFor(() => expect(screen.getByTestId("quote-total")).toHaveTextContent("11,300.00"));
    expect(screen.queryByTestId("quote-approval-hint")).not.toBeInTheDocument();
    setText(screen.getByTestId("line-0-discount_pct"), "25");
    expect(await screen.findByTestId("quote-approval-hint")).toHaveTextContent("Needs director approval (largest discount 25%)");
    expect(screen.getByTestId("quote-words")).toHaveTextContent("人民币捌仟肆佰柒拾伍元整");
  });

  it("shows a line's field error in that cell", async () => {
    builderBackend({
      save_quote: () => {
        throw ipcError({ kind: "validation", message: "invalid quote", fields: [{ field: "lines[0].quantity", code: "invalid_number", message: "not a number" }] });
      },
    });
    const user = await openNewQuote();
    await pickCustomer(user);
    await addProduct(user);
    setText(screen.getByTestId("line-0-quantity"), "x");
    await user.click(screen.getByTestId("quote-save"));
    expect(await screen.findByTestId("error-lines[0].quantity")).toHaveTextContent("Not a valid number");
    setText(screen.getByTestId("line-0-quantity"), "2");
    await waitFor(() => expect(screen.queryByTestId("error-lines[0].quantity")).not.toBeInTheDocument());
  });

  it("submit saves first, then submits the stored quote", async () => {
    const saved = quote({ number: null });
    const calls = builderBackend({
      save_quote: () => saved,
      submit_quote: () => quote({ status: "pending_approval", required_approval: "director" }),
      quote_revisions: () => [quote({ status: "pending_approval", required_approval: "director" })],
    });
    const user = await openNewQuote();
    await pickCustomer(user);
    await addProduct(user);
    await user.click(screen.getByTestId("quote-submit"));
    await waitFor(() => expect(callsOf(calls, "submit_quote")).toEqual([{ cmd: "submit_quote", args: { id: QID } }]));
    expect(await screen.findByTestId("quote-status")).toHaveTextContent("Pending approval");
    expect(calls.findIndex((c) => c.cmd === "save_quote")).toBeLessThan(calls.findIndex((c) => c.cmd === "submit_quote"));
  });
});

describe("approvals and locked quotes", () => {
  it("a director approves with a comment", async () => {
    let current = quote({ status: "pending_approval", required_approval: "director" });
    const calls = mockBackend({
      user_role: () => "director",
      list_quotes: () => page([summary(current)]),
      quote_revisions: () => [current],
      preview_quote: fakePreview,
      decide_quote: () => {
        current = quote({
          status: "approved",
          required_approval: "director",
          updated_at: "2026-11-22T09:00:00Z",
          events: [{ id: "ev-1", from_status: "pending_approval", to_status: "approved", actor: "li", role: "director", comment: "ok for Q4", at: "2026-11-22T09:00:00Z", masked: [] }],
        });
        return current;
      },
    });
    const user = await openQuote([current]);
    expect(await screen.findByTestId("quote-approver")).toHaveTextContent("You may approve");
    await user.type(screen.getByTestId("quote-comment"), "ok for Q4");
    await user.click(screen.getByTestId("quote-approve"));
    await waitFor(() => expect(callsOf(calls, "decide_quote")[0]?.args).toEqual({ id: QID, approve: true, comment: "ok for Q4" }));
    await waitFor(() => expect(screen.getByTestId("quote-status")).toHaveTextContent("Approved"));
    await user.click(screen.getByTestId("quote-tab-history"));
    expect(await screen.findByText("“ok for Q4”")).toBeInTheDocument();
  });

  it("a salesperson cannot decide", async () => {
    const current = quote({ status: "pending_approval", required_approval: "manager" });
    mockBackend({ user_role: () => "sales", list_quotes: () => page([summary(current)]), quote_revisions: () => [current] });
    await openQuote([current]);
    expect(await screen.findByTestId("quote-approver")).toHaveTextContent("Only someone with a manager's role can decide");
    expect(screen.getByTestId("quote-approve")).toBeDisabled();
    expect(screen.getByTestId("quote-reject")).toBeDisabled();
  });

  it("sending back needs a comment", async () => {
    const current = quote({ status: "pending_approval", required_approval: "manager" });
    const calls = mockBackend({
      user_role: () => "manager",
      list_quotes: () => page([summary(current)]),
      quote_revisions: () => [current],
      decide_quote: () => quote({ status: "draft", updated_at: "2026-11-22T09:00:00Z" }),
    });
    const user = await openQuote([current]);
    await user.click(await screen.findByTestId("quote-reject"));
    expect(await screen.findByTestId("error-comment")).toHaveTextContent("Say why the quote is sent back");
    expect(callsOf(calls, "decide_quote")).toHaveLength(0);
    await user.type(screen.getByTestId("quote-comment"), "discount too deep");
    await user.click(screen.getByTestId("quote-reject"));
    await waitFor(() => expect(callsOf(calls, "decide_quote")[0]?.args).toEqual({ id: QID, approve: false, comment: "discount too deep" }));
  });

  it("an approved quote is read-only and offers marks, a new revision and printing", async () => {
    const current = quote({ status: "approved" });
    const calls = mockBackend({
      list_quotes: () => page([summary(current)]),
      quote_revisions: () => [current],
      print_quote: () => "/data/documents/quotes/Q-2026-0001.pdf",
    });
    const user = await openQuote([current]);
    expect(await screen.findByTestId("line-0-quantity")).toBeDisabled();
    expect(screen.getByTestId("line-0-description")).toBeDisabled();
    expect(screen.queryByTestId("quote-save")).not.toBeInTheDocument();
    expect(screen.queryByTestId("quote-submit")).not.toBeInTheDocument();
    expect(screen.queryByTestId("quote-add-line")).not.toBeInTheDocument();
    expect(screen.getByTestId("quote-locked")).toBeInTheDocument();
    expect(screen.getByTestId("quote-revise")).toBeInTheDocument();
    expect(screen.getByTestId("quote-mark-sent")).toBeInTheDocument();
    await user.click(screen.getByTestId("quote-print"));
    expect(await screen.findByTestId("quote-print-path")).toHaveTextContent("/data/documents/quotes/Q-2026-0001.pdf");
    expect(callsOf(calls, "print_quote")[0].args).toEqual({ id: QID });
    expect(callsOf(calls, "save_quote")).toHaveLength(0);
  });

  it("compares two revisions side by side", async () => {
    const r1 = quote({ status: "superseded" });
    const r2 = quote({
      id: "0190a1b2-0000-7000-8000-00000000q002", revision: 2, number: "Q-2026-0001-R2", status: "draft",
      lines: [{ ...r1.lines[0], quantity: "2" }],
      totals: { ...r1.totals, lines: [{ ...r1.totals.lines[0], amount: "20000.00" }], subtotal: "20000.00", total: "22600.00" },
    });
    mockBackend({ list_quotes: () => page([summary(r2), summary(r1)]), quote_revisions: () => [r1, r2], preview_quote: fakePreview });
    const user = await openQuote([r1, r2]);
    await user.click(await screen.findByTestId("quote-revisions-compare"));
    const a = await screen.findByTestId("compare-a");
    const b = screen.getByTestId("compare-b");
    expect(a).toHaveTextContent("R1");
    expect(b).toHaveTextContent("R2");
    expect(screen.getByTestId("compare-a-total")).toHaveTextContent("11,300.00 CNY");
    expect(screen.getByTestId("compare-b-total")).toHaveTextContent("22,600.00 CNY");
    expect(within(b).getByText("2")).toHaveClass("compare-changed");
  });
});

describe("settings for quotes", () => {
  it("sets the user's role", async () => {
    const calls = mockBackend();
    const { user } = renderApp();
    await user.click(await screen.findByTestId("nav-settings"));
    const role = await screen.findByTestId("settings-role");
    await waitFor(() => expect(role).toHaveTextContent("Sales"));
    await user.click(within(role).getByRole("combobox"));
    await user.click(await screen.findByTestId("role-director"));
    await waitFor(() => expect(callsOf(calls, "set_user_role")[0]?.args).toEqual({ role: "director" }));
    await waitFor(() => expect(role).toHaveTextContent("Director"));
  });

  it("quote rules: a bad number is flagged at its field, good values are saved", async () => {
    const calls = mockBackend({ save_quote_rules: (args) => args?.rules });
    const { user } = renderApp();
    await user.click(await screen.findByTestId("nav-settings"));
    await user.click(await screen.findByTestId("settings-tab-quotes"));
    const director = await screen.findByTestId("rules-director_above_pct");
    setText(director, "abc");
    await user.click(screen.getByTestId("rules-save"));
    expect(await screen.findByTestId("error-director_above_pct")).toHaveTextContent("Not a valid number");
    expect(callsOf(calls, "save_quote_rules")).toHaveLength(0);
    setText(director, "25");
    await user.click(screen.getByTestId("rules-save"));
    await waitFor(() => expect(callsOf(calls, "save_quote_rules")).toHaveLength(1));
    expect(callsOf(calls, "save_quote_rules")[0].args?.rules).toMatchObject({ director_above_pct: "25", validity_days: 30 });
  });

  it("a quote seen in clear shows only masked values once the privacy screen is on, open or opened again", async () => {
    let privacy = false;
    const shown = () => (privacy ? quote({ owner: "[name]", notes: "联系人：[name] [mobile]", masked: ["owner", "notes"] }) : quote({ owner: "王伟", notes: "联系人：张伟 13812341234" }));
    const view = () => dataView({ privacy_screen: privacy, policy: privacy ? "trade_show" : "sales_ops", can_reveal: !privacy });
    mockBackend({
      list_quotes: () => page([summary(shown())]),
      quote_revisions: () => [shown()],
      preview_quote: fakePreview,
      data_view: view,
      set_privacy_screen: (args) => {
        privacy = Boolean(args?.on);
        return view();
      },
    });
    const user = await openQuote([shown()]);
    expect(screen.getByTestId("quote-notes")).toHaveValue("联系人：张伟 13812341234");
    // Turned on while the quote is open: the form starts again from the masked values.
    await user.click(screen.getByTestId("privacy-toggle"));
    await waitFor(() => expect(screen.getByTestId("quote-notes")).toHaveValue("联系人：[name] [mobile]"));
    expect(screen.getByTestId("quote-owner")).toHaveTextContent("[name]");
    // Off again (clear), back to the list, on again: the quote opened anew never shows the cached clear notes.
    await user.click(screen.getByTestId("privacy-toggle"));
    await waitFor(() => expect(screen.getByTestId("quote-notes")).toHaveValue("联系人：张伟 13812341234"));
    await user.click(screen.getByTestId("quote-back"));
    await user.click(await screen.findByTestId("privacy-toggle"));
    await screen.findByTestId("privacy-banner");
    await user.click(await screen.findByTestId(`open-${QID}`));
    expect(await screen.findByTestId("quote-notes")).toHaveValue("联系人：[name] [mobile]");
    expect(screen.getByTestId("masked-hint-notes")).toBeInTheDocument();
  }, 40_000);
});
