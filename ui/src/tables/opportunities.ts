// Opportunities table: columns, form fields and commands for the generic TablePage.
import type { Opportunity } from "../bindings/Opportunity";
import type { OpportunityInput } from "../bindings/OpportunityInput";
import { opportunitiesApi } from "../ipc/commands";
import { amountColumn, enumColumn, percentColumn, textColumn, updatedColumn } from "../table/columnHelpers";
import type { TableConfig } from "../table/types";
import { STAGES } from "./enums";

export const opportunitiesTable: TableConfig<Opportunity, OpportunityInput> = {
  table: "opportunities",
  api: opportunitiesApi,
  columns: [
    textColumn("name", { width: 200 }),
    textColumn("customer_name", { width: 180 }),
    enumColumn("stage", "stage"),
    amountColumn("amount", "currency"),
    textColumn("expected_close", { width: 110 }),
    percentColumn("probability_pct", { width: 100 }),
    textColumn("competitor", { sortable: false }),
    textColumn("owner"),
    updatedColumn(),
  ],
  fields: [
    { name: "name", kind: { type: "text" }, required: true },
    { name: "customer_id", kind: { type: "customer", nullable: false }, required: true },
    { name: "stage", kind: { type: "enum", values: STAGES, labelPrefix: "stage", nullable: false }, required: true },
    { name: "currency", kind: { type: "currency" }, required: true },
    { name: "amount", kind: { type: "decimal" }, required: true },
    { name: "expected_close", kind: { type: "date" } },
    { name: "probability_pct", kind: { type: "decimal", suffix: "%" } },
    { name: "competitor", kind: { type: "text" } },
    { name: "owner", kind: { type: "text" } },
  ],
  emptyInput: () => ({
    id: null, customer_id: "", name: "", stage: "initial", amount: "", currency: "CNY",
    expected_close: null, probability_pct: "", competitor: "", owner: "",
  }),
  toInput: ({ id, customer_id, name, stage, amount, currency, expected_close, probability_pct, competitor, owner }) => ({
    id, customer_id, name, stage, amount, currency, expected_close, probability_pct, competitor, owner,
  }),
  refLabels: (row) => ({ customer_id: row.customer_name }),
};
