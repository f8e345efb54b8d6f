// Contacts table: columns, form fields and commands for the generic TablePage.
import type { Contact } from "../bindings/Contact";
import type { ContactInput } from "../bindings/ContactInput";
import { contactsApi } from "../ipc/commands";
import { textColumn, updatedColumn } from "../table/columnHelpers";
import type { TableConfig } from "../table/types";

export const contactsTable: TableConfig<Contact, ContactInput> = {
  table: "contacts",
  api: contactsApi,
  columns: [
    textColumn("name", { width: 160 }),
    textColumn("title"),
    textColumn("customer_name", { width: 220 }),
    textColumn("mobile", { sortable: false }),
    textColumn("email", { sortable: false }),
    updatedColumn(),
  ],
  fields: [
    { name: "name", kind: { type: "text" }, required: true },
    { name: "customer_id", kind: { type: "customer", nullable: true } },
    { name: "title", kind: { type: "text" } },
    { name: "mobile", kind: { type: "text" } },
    { name: "email", kind: { type: "text" } },
  ],
  emptyInput: () => ({ id: null, customer_id: null, name: "", title: "", mobile: "", email: "" }),
  toInput: ({ id, customer_id, name, title, mobile, email }) => ({ id, customer_id, name, title, mobile, email }),
  refLabels: (row) => (row.customer_id && row.customer_name ? { customer_id: row.customer_name } : {}),
};
