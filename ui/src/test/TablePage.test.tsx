// The generic table page against a fake backend: listing, search, sort, validation
// errors beside fields, delete, import (success and rejection) and export.
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import type { Channel } from "@tauri-apps/api/core";
import { describe, expect, it } from "vitest";
import type { ListQuery } from "../bindings/ListQuery";
import type { Progress } from "../bindings/Progress";
import { callsOf, customer, ipcError, mockBackend, page, queryOf } from "./backend";
import { renderApp } from "./render";

const ACME = customer("0190a1b2-0000-7000-8000-000000000001", "Acme 上海");
const BETA = customer("0190a1b2-0000-7000-8000-000000000002", "Beta 北京", { tier: "B", size: null });

const lastQuery = (calls: ReturnType<typeof mockBackend>) => queryOf(callsOf(calls, "list_customers").at(-1));

describe("generic table page (customers)", () => {
  it("lists rows from list_customers with the total, paging defaults and localised enums", async () => {
    const calls = mockBackend({ list_customers: () => page([ACME, BETA], 42) });
    renderApp();
    expect(await screen.findByTestId(`row-${ACME.id}`)).toHaveTextContent("Acme 上海");
    const beta = screen.getByTestId(`row-${BETA.id}`);
    expect(beta).toHaveTextContent("Tier B");
    expect(screen.getByTestId("customers-total")).toHaveTextContent("42");
    expect(within(screen.getByTestId("customers-table")).getAllByRole("row").length).toBeGreaterThan(2);
    expect(lastQuery(calls)).toEqual({ search: null, sort: null, desc: false, page: 1, page_size: 20 });
    expect(screen.getByTestId(`edit-${ACME.id}`)).toBeInTheDocument();
    expect(screen.getByTestId(`delete-${ACME.id}`)).toBeInTheDocument();
  });

  it("sends the search text (debounced) and starts again at page 1", async () => {
    const calls = mockBackend({
      list_customers: (args) => {
        const q = args ? (args.query as ListQuery).search : null;
        return q === "acme" ? page([ACME]) : page([ACME, BETA]);
      },
    });
    const { user } = renderApp();
    await screen.findByTestId(`row-${BETA.id}`);
    const search = screen.getByTestId("customers-search");
    expect(search.tagName).toBe("INPUT");
    await user.type(search, "acme");
    await waitFor(() => expect(screen.queryByTestId(`row-${BETA.id}`)).not.toBeInTheDocument());
    const searches = callsOf(calls, "list_customers").map((c) => queryOf(c).search);
    expect(searches).toContain("acme");
    // Debounced: no request for the partial terms typed in between.
    expect(searches).not.toContain("a");
    expect(lastQuery(calls).page).toBe(1);
  });

  it("sorts on the server when a column header is clicked", async () => {
    const calls = mockBackend({ list_customers: () => page([ACME, BETA]) });
    const { user } = renderApp();
    await screen.findByTestId(`row-${ACME.id}`);
    await user.click(screen.getAllByText("Customer name")[0]);
    await waitFor(() => expect(lastQuery(calls)).toMatchObject({ sort: "name", desc: false }));
    await user.click(screen.getAllByText("Customer name")[0]);
    await waitFor(() => expect(lastQuery(calls)).toMatchObject({ sort: "name", desc: true }));
  });

  it("shows server validation errors next to the right field, localised by code", async () => {
    const calls = mockBackend({
      save_customer: () => {
        throw ipcError({
          kind: "validation",
          message: "invalid customer",
          fields: [
            { field: "name", code: "duplicate", message: "a customer named Acme already exists" },
            { field: "region", code: "no_such_code" as never, message: "region is not on the list" },
          ],
        });
      },
    });
    const { user } = renderApp();
    await screen.findByTestId("customers-total");
    await user.click(screen.getByTestId("customers-new"));
    const name = await screen.findByTestId("field-name");
    expect(name.tagName).toBe("INPUT");
    await user.type(name, "Acme{Enter}");

    expect(await screen.findByTestId("error-name")).toHaveTextContent("Already exists");
    // Unknown code: the server message is the fallback.
    expect(screen.getByTestId("error-region")).toHaveTextContent("region is not on the list");
    // The error sits in the name field's Form.Item.
    expect(screen.getByTestId("error-name").closest(".ant-form-item")).toContainElement(name);
    const input = callsOf(calls, "save_customer")[0].args?.input;
    expect(input).toEqual({ id: null, name: "Acme", industry: "", size: null, region: "", tier: null, owner: "", notes: "" });

    // Editing the field clears its error.
    await user.type(name, "x");
    await waitFor(() => expect(screen.queryByTestId("error-name")).not.toBeInTheDocument());
  });

  it("saves an edited row with its id, closes the drawer and refreshes the list", async () => {
    const calls = mockBackend({
      list_customers: () => page([ACME]),
      save_customer: (args) => ({ ...ACME, ...(args?.input as object) }),
    });
    const { user } = renderApp();
    await user.click(await screen.findByTestId(`edit-${ACME.id}`));
    const name = await screen.findByTestId("field-name");
    expect(name).toHaveValue("Acme 上海");
    await user.clear(name);
    await user.type(name, "Acme 杭州");
    await user.click(screen.getByTestId("form-submit"));
    await waitFor(() => expect(callsOf(calls, "save_customer")).toHaveLength(1));
    expect(callsOf(calls, "save_customer")[0].args?.input).toMatchObject({ id: ACME.id, name: "Acme 杭州", tier: "A", size: "large" });
    await waitFor(() => expect(callsOf(calls, "list_customers").length).toBeGreaterThan(1));
  });

  it("deletes a row after confirmation", async () => {
    const calls = mockBackend({ list_customers: () => page([ACME]), delete_customer: () => null });
    const { user } = renderApp();
    await user.click(await screen.findByTestId(`delete-${ACME.id}`));
    await user.click(await screen.findByTestId("confirm-delete"));
    await waitFor(() => expect(callsOf(calls, "delete_customer")).toEqual([{ cmd: "delete_customer", args: { id: ACME.id } }]));
  });

  it("imports a file: stages the bytes, reports progress and the imported count", async () => {
    let progressChannel: Channel<Progress> | undefined;
    const calls = mockBackend({
      stage_upload: () => ({ upload_id: "up-1", file_name: "客户.csv", bytes: 24 }),
      import_table: (args) => {
        progressChannel = args?.onProgress as Channel<Progress>;
        return { table: "customers", file_name: "客户.csv", inserted: 3, updated: 2 };
      },
    });
    const { user } = renderApp();
    await screen.findByTestId("customers-total");
    const input = screen.getByTestId("customers-import-input") as HTMLInputElement;
    expect(input.type).toBe("file");
    expect(input.accept).toBe(".csv,.tsv,.txt,.xlsx");
    const file = new File(["name,region\nAcme,华东\n"], "客户.csv", { type: "text/csv" });
    await user.upload(input, file);

    expect(await screen.findByTestId("import-success")).toHaveTextContent("Imported 5 rows");
    const staged = callsOf(calls, "stage_upload")[0].args as unknown as Uint8Array;
    expect(staged).toBeInstanceOf(Uint8Array);
    expect(new TextDecoder().decode(staged)).toBe("name,region\nAcme,华东\n");
    expect(callsOf(calls, "import_table")[0].args).toMatchObject({ table: "customers", uploadId: "up-1" });
    expect(progressChannel).toBeDefined();
    expect(input.value).toBe("");
    await waitFor(() => expect(callsOf(calls, "list_customers").length).toBeGreaterThan(1));
  });

  it("lists every problem of a rejected import and says nothing was imported", async () => {
    const calls = mockBackend({
      stage_upload: () => ({ upload_id: "up-2", file_name: "bad.csv", bytes: 10 }),
      import_table: () => {
        throw ipcError({
          kind: "import_rejected",
          message: "2 problems",
          problems: [
            { row: 3, column: "mobile", value: "abc", code: "invalid_number", message: "not a phone number" },
            { row: 7, column: "tier", value: "Z", code: "unknown_value", message: "tier must be A, B or C" },
          ],
        });
      },
    });
    const { user } = renderApp();
    await screen.findByTestId("customers-total");
    const input = screen.getByTestId("customers-import-input") as HTMLInputElement;
    await user.upload(input, new File(["x"], "bad.csv", { type: "text/csv" }));

    const list = await screen.findByTestId("import-errors");
    const items = within(list).getAllByTestId("import-error");
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent("Row 3 · column mobile · value 'abc': not a phone number");
    expect(items[1]).toHaveTextContent("Row 7 · column tier · value 'Z'");
    expect(screen.getByText(/Nothing was imported/)).toBeInTheDocument();
    expect(screen.queryByTestId("import-success")).not.toBeInTheDocument();
    expect(input.value).toBe("");
    // The same file can be chosen again.
    await user.upload(input, new File(["x"], "bad.csv", { type: "text/csv" }));
    await waitFor(() => expect(callsOf(calls, "stage_upload")).toHaveLength(2));
  });

  it("exports through a policy: a report shows the path and policy, a cancelled dialog (null) shows nothing", async () => {
    let answer: unknown = null;
    const calls = mockBackend({ export_table: () => answer });
    const { user } = renderApp();
    await screen.findByTestId("customers-total");
    await user.click(screen.getByTestId("customers-export-csv"));
    await screen.findByTestId("export-dialog");
    await user.click(screen.getByTestId("export-save-as"));
    await waitFor(() => expect(callsOf(calls, "export_table")).toHaveLength(1));
    expect(callsOf(calls, "export_table")[0].args).toEqual({ table: "customers", format: "csv", policy: "sales_ops", toDocuments: false });
    expect(screen.queryByTestId("export-success")).not.toBeInTheDocument();

    // Cancelled: the dialog stays; now "for distributor" into the documents folder.
    answer = { table: "customers", path: "/db/documents/exports/customers-masked-distributor.csv", rows: 12, policy: "distributor" };
    const select = within(screen.getByTestId("export-policy")).getByRole("combobox");
    fireEvent.mouseDown(select);
    await user.click(await screen.findByTestId("export-policy-distributor"));
    await user.click(screen.getByTestId("export-to-documents"));
    await waitFor(() => expect(callsOf(calls, "export_table")).toHaveLength(2));
    expect(callsOf(calls, "export_table")[1].args).toEqual({ table: "customers", format: "csv", policy: "distributor", toDocuments: true });
    const done = await screen.findByTestId("export-success");
    expect(done).toHaveTextContent("Exported 12 rows to /db/documents/exports/customers-masked-distributor.csv");
    expect(done).toHaveTextContent("For distributor");
    expect(done.getAttribute("data-policy")).toBe("distributor");
  });
});
