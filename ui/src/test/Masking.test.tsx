// Masking in the window against a fake backend: the eye button and its reason dialog, the
// privacy screen (button and Ctrl+Shift+P) refreshing the lists, the audit log page, and the
// quote list's owner (masked by the server; the eye only where the view may reveal).
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Contact } from "../bindings/Contact";
import type { DataView } from "../bindings/DataView";
import type { QuoteSummary } from "../bindings/QuoteSummary";
import { callsOf, dataView, mockBackend, page } from "./backend";
import { renderApp } from "./render";

const ID = "0190a1b2-0000-7000-8000-0000000000c1";
const contact = (over: Partial<Contact> = {}): Contact => ({
  id: ID, customer_id: null, customer_name: null, name: "张*", title: "采购经理", mobile: "138****1234",
  email: "z***@example.com", created_at: "2026-01-05T08:00:00Z", updated_at: "2026-01-06T09:30:00Z",
  masked: ["name", "mobile", "email"], ...over,
});

describe("masking in the window", () => {
  it("reveals a masked value only with a reason, and shows it in the dialog", async () => {
    const calls = mockBackend({ list_contacts: () => page([contact()]), reveal_value: () => "13812341234" });
    const { user } = renderApp();
    await user.click(await screen.findByTestId("nav-contacts"));
    expect(await screen.findByTestId(`masked-${ID}-mobile`)).toHaveTextContent("138****1234");
    await user.click(screen.getByTestId(`reveal-${ID}-mobile`));
    await user.click(await screen.findByTestId("reveal-confirm"));
    expect(await screen.findByTestId("reveal-error")).toHaveTextContent("Give a reason");
    expect(callsOf(calls, "reveal_value")).toHaveLength(0);
    await user.type(screen.getByTestId("reveal-reason"), "customer called to check");
    await user.click(screen.getByTestId("reveal-confirm"));
    expect(await screen.findByTestId("reveal-value")).toHaveTextContent("13812341234");
    expect(callsOf(calls, "reveal_value")[0].args).toEqual({ table: "contacts", id: ID, field: "mobile", reason: "customer called to check" });
    // The list itself stays masked.
    expect(screen.getByTestId(`masked-${ID}-mobile`)).toHaveTextContent("138****1234");
  });

  it("offers no eye where the data view may not reveal", async () => {
    mockBackend({ list_contacts: () => page([contact()]), data_view: () => dataView({ role: "distributor", policy: "distributor", can_reveal: false }) });
    const { user } = renderApp();
    await user.click(await screen.findByTestId("nav-contacts"));
    expect(await screen.findByTestId(`masked-${ID}-mobile`)).toBeInTheDocument();
    expect(screen.queryByTestId(`reveal-${ID}-mobile`)).not.toBeInTheDocument();
  });

  it("the privacy screen turns on with the button and off with Ctrl+Shift+P, refreshing the lists", async () => {
    let view: DataView = dataView();
    const calls = mockBackend({
      list_contacts: () => page([view.privacy_screen ? contact({ mobile: "[mobile]" }) : contact({ mobile: "13812341234", masked: [] })]),
      data_view: () => view,
      set_privacy_screen: (args) => {
        const on = Boolean(args?.on);
        view = dataView({ privacy_screen: on, policy: on ? "trade_show" : "sales_ops", can_reveal: !on });
        return view;
      },
    });
    const { user } = renderApp();
    await user.click(await screen.findByTestId("nav-contacts"));
    await screen.findByText("13812341234");
    expect(screen.queryByTestId("privacy-banner")).not.toBeInTheDocument();
    await user.click(screen.getByTestId("privacy-toggle"));
    expect(await screen.findByTestId("privacy-banner")).toHaveTextContent("Privacy screen on");
    expect(await screen.findByTestId(`masked-${ID}-mobile`)).toHaveTextContent("[mobile]");
    expect(callsOf(calls, "set_privacy_screen")[0].args).toEqual({ on: true });
    fireEvent.keyDown(window, { key: "P", ctrlKey: true, shiftKey: true });
    await waitFor(() => expect(callsOf(calls, "set_privacy_screen")).toHaveLength(2));
    expect(callsOf(calls, "set_privacy_screen")[1].args).toEqual({ on: false });
    await waitFor(() => expect(screen.queryByTestId("privacy-banner")).not.toBeInTheDocument());
    expect(await screen.findByText("13812341234")).toBeInTheDocument();
  });

  it("the audit log lists entries newest first with their detail", async () => {
    const calls = mockBackend({
      list_audit: () => page([
        { seq: 7, at: "2026-12-02T10:00:00Z", actor: "wang", action: "reveal", entity: "contact", entity_id: ID, detail: '{"field":"mobile","reason":"customer called","role":"admin"}' },
        { seq: 6, at: "2026-12-02T09:00:00Z", actor: "wang", action: "privacy_screen", entity: "user", entity_id: "", detail: '{"on":true}' },
      ], 7),
    });
    const { user } = renderApp();
    await user.click(await screen.findByTestId("nav-compliance"));
    expect(await screen.findByTestId("audit-action-7")).toHaveTextContent("Reveal");
    expect(screen.getByTestId("audit-detail-7")).toHaveTextContent("field: mobile · reason: customer called · role: admin");
    expect(screen.getByTestId("audit-total")).toHaveTextContent("7");
    expect(callsOf(calls, "list_audit")[0].args).toEqual({ page: 1, pageSize: 20 });
  });

  const QID = "0190a1b2-0000-7000-8000-00000000q0c1";
  const quoteRow: QuoteSummary = {
    id: QID, number: "Q-2026-0001", revision: 1, status: "draft", customer_name: "华信科技", currency: "CNY", total: "11300.00",
    quote_date: "2026-11-22", valid_until: "2026-12-22", updated_at: "2026-11-22T08:00:00Z", owner: "王*", masked: ["owner"],
  };

  it("shows a quote's owner masked, with the eye for a view that may reveal (sales ops)", async () => {
    const calls = mockBackend({ list_quotes: () => page([quoteRow]), reveal_value: () => "王伟" });
    const { user } = renderApp();
    await user.click(await screen.findByTestId("nav-quotes"));
    expect(await screen.findByTestId(`masked-${QID}-owner`)).toHaveTextContent("王*");
    await user.click(screen.getByTestId(`reveal-${QID}-owner`));
    await user.type(await screen.findByTestId("reveal-reason"), "who to call");
    await user.click(screen.getByTestId("reveal-confirm"));
    expect(await screen.findByTestId("reveal-value")).toHaveTextContent("王伟");
    expect(callsOf(calls, "reveal_value")[0].args).toEqual({ table: "quotes", id: QID, field: "owner", reason: "who to call" });
    expect(callsOf(calls, "quote_revisions")).toHaveLength(0);
  });

  it("shows a quote's owner masked without an eye for the distributor view", async () => {
    mockBackend({ list_quotes: () => page([quoteRow]), data_view: () => dataView({ role: "distributor", policy: "distributor", can_reveal: false }) });
    const { user } = renderApp();
    await user.click(await screen.findByTestId("nav-quotes"));
    expect(await screen.findByTestId(`masked-${QID}-owner`)).toHaveTextContent("王*");
    expect(screen.queryByTestId(`reveal-${QID}-owner`)).not.toBeInTheDocument();
  });

  it("shows an owner sent in clear as plain text, with no eye", async () => {
    mockBackend({ list_quotes: () => page([{ ...quoteRow, owner: "王伟", masked: [] }]) });
    const { user } = renderApp();
    await user.click(await screen.findByTestId("nav-quotes"));
    expect(await screen.findByText("王伟")).toBeInTheDocument();
    expect(screen.queryByTestId(`masked-${QID}-owner`)).not.toBeInTheDocument();
  });
});
