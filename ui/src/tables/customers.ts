// Customers table: columns, form fields and commands for the generic TablePage.
import type { Customer } from "../bindings/Customer";
import type { CustomerInput } from "../bindings/CustomerInput";
import { customersApi } from "../ipc/commands";
import { enumColumn, textColumn, updatedColumn } from "../table/columnHelpers";
import type { TableConfig } from "../table/types";
import { SIZES, TIERS } from "./enums";

export const customersTable: TableConfig<Customer, CustomerInput> = {
  table: "customers",
  api: customersApi,
  columns: [
    textColumn("name", { width: 220 }),
    textColumn("industry"),
    enumColumn("size", "size"),
    textColumn("region"),
    enumColumn("tier", "tier", { width: 90 }),
    textColumn("owner"),
    updatedColumn(),
  ],
  fields: [
    { name: "name", kind: { type: "text" }, required: true },
    { name: "industry", kind: { type: "text" } },
    { name: "size", kind: { type: "enum", values: SIZES, labelPrefix: "size", nullable: true } },
    { name: "region", kind: { type: "text" } },
    { name: "tier", kind: { type: "enum", values: TIERS, labelPrefix: "tier", nullable: true } },
    { name: "owner", kind: { type: "text" } },
    { name: "notes", kind: { type: "textarea" } },
  ],
  emptyInput: () => ({ id: null, name: "", industry: "", size: null, region: "", tier: null, owner: "", notes: "" }),
  toInput: ({ id, name, industry, size, region, tier, owner, notes }) => ({
    id, name, industry, size, region, tier, owner, notes,
  }),
};
