// Form controls of every table: test ids sit on operable elements, the customer
// picker searches via customer_options, and typed values reach save_* unchanged.
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Area } from "../layout/areas";
import { contactsTable } from "../tables/contacts";
import { customersTable } from "../tables/customers";
import { opportunitiesTable } from "../tables/opportunities";
import { productsTable } from "../tables/products";
import type { FieldKind } from "../table/types";
import { callsOf, mockBackend } from "./backend";
import { renderApp } from "./render";

const TABLES = [customersTable, contactsTable, productsTable, opportunitiesTable] as const;

function expectedElement(kind: FieldKind): (el: HTMLElement) => boolean {
  switch (kind.type) {
    case "switch":
      return (el) => el.tagName === "BUTTON" && el.getAttribute("role") === "switch";
    case "textarea":
      return (el) => el.tagName === "TEXTAREA";
    case "date":
      return (el) => el.tagName === "INPUT" && (el as HTMLInputElement).type === "date";
    case "enum":
    case "currency":
    case "customer":
      return (el) => el.classList.contains("ant-select") && el.querySelector("input[role=combobox]") !== null;
    default:
      return (el) => el.tagName === "INPUT";
  }
}

describe("record forms", () => {
  it.each(TABLES.map((c) => [c.table, c] as const))("%s: every field-<name> test id is on its control", async (table, config) => {
    mockBackend();
    const { user } = renderApp();
    await user.click(await screen.findByTestId(`nav-${table as Area}`));
    await user.click(await screen.findByTestId(`${table}-new`));
    for (const f of config.fields as { name: string; kind: FieldKind }[]) {
      const el = await screen.findByTestId(`field-${f.name}`);
      expect(expectedElement(f.kind)(el), `field-${f.name} is a ${el.tagName}.${el.className}`).toBe(true);
    }
    expect(screen.getByTestId("form-submit")).toBeInTheDocument();
    await user.click(screen.getByTestId("form-cancel"));
    await waitFor(() => expect(screen.queryByTestId("form-submit")).not.toBeInTheDocument());
  });

  it("Esc closes the drawer without saving", async () => {
    const calls = mockBackend();
    const { user } = renderApp();
    await user.click(await screen.findByTestId("customers-new"));
    const name = await screen.findByTestId("field-name");
    await user.type(name, "Acme");
    // user-event sends no keyCode, which rc-drawer reads; a real webview does.
    fireEvent.keyDown(name, { key: "Escape", code: "Escape", keyCode: 27 });
    await waitFor(() => expect(screen.queryByTestId("field-name")).not.toBeInTheDocument());
    expect(callsOf(calls, "save_customer")).toHaveLength(0);
  });

  it("contact form: picks a customer found by searching customer_options", async () => {
    const calls = mockBackend({
      customer_options: (args) =>
        args?.search === "acme" ? [{ id: "c-acme", label: "Acme 上海" }] : [{ id: "c-beta", label: "Beta 北京" }],
      save_contact: (args) => ({ ...(args?.input as object), id: "k1" }),
    });
    const { user } = renderApp();
    await user.click(await screen.findByTestId("nav-contacts"));
    await user.click(await screen.findByTestId("contacts-new"));
    await user.type(await screen.findByTestId("field-name"), "李雷");
    const picker = screen.getByTestId("field-customer_id");
    await user.click(within(picker).getByRole("combobox"));
    await user.type(within(picker).getByRole("combobox"), "acme");
    await waitFor(() => expect(callsOf(calls, "customer_options").some((c) => c.args?.search === "acme")).toBe(true));
    await user.click(await screen.findByText("Acme 上海"));
    await user.click(screen.getByTestId("form-submit"));
    await waitFor(() => expect(callsOf(calls, "save_contact")).toHaveLength(1));
    expect(callsOf(calls, "save_contact")[0].args?.input).toEqual({
      id: null, customer_id: "c-acme", name: "李雷", title: "", mobile: "", email: "",
    });
  });

  it("product form: money and rates are sent as the exact strings typed", async () => {
    const calls = mockBackend({ save_product: (args) => ({ ...(args?.input as object), id: "p1" }) });
    const { user } = renderApp();
    await user.click(await screen.findByTestId("nav-products"));
    await user.click(await screen.findByTestId("products-new"));
    await user.type(await screen.findByTestId("field-sku"), "DD-100");
    await user.type(screen.getByTestId("field-name"), "年度订阅");
    await user.type(screen.getByTestId("field-list_price"), "12800.10");
    await user.type(screen.getByTestId("field-cost"), "0.30");
    await user.type(screen.getByTestId("field-tax_rate_pct"), "13{Enter}");
    await waitFor(() => expect(callsOf(calls, "save_product")).toHaveLength(1));
    expect(callsOf(calls, "save_product")[0].args?.input).toEqual({
      id: null, sku: "DD-100", name: "年度订阅", product_line: "", unit: "", list_price: "12800.10", cost: "0.30",
      tax_rate_pct: "13", currency: "CNY", active: true,
    });
  });
});
