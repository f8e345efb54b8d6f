// Products & price book table: columns, form fields and commands for the generic TablePage.
import type { Product } from "../bindings/Product";
import type { ProductInput } from "../bindings/ProductInput";
import { productsApi } from "../ipc/commands";
import { amountColumn, percentColumn, textColumn, updatedColumn } from "../table/columnHelpers";
import type { TableConfig } from "../table/types";

export const productsTable: TableConfig<Product, ProductInput> = {
  table: "products",
  api: productsApi,
  columns: [
    textColumn("sku", { width: 120 }),
    textColumn("name", { width: 200 }),
    textColumn("product_line"),
    textColumn("unit", { sortable: false, width: 70 }),
    amountColumn("list_price", "currency"),
    amountColumn("cost", "currency", { sortable: false }),
    percentColumn("tax_rate_pct", { sortable: false, width: 80 }),
    textColumn("currency", { width: 80 }),
    {
      key: "active",
      sortable: true,
      width: 80,
      render: (row, t) => (row.active ? t("common.active") : t("common.inactive")),
    },
    updatedColumn(),
  ],
  fields: [
    { name: "sku", kind: { type: "text" }, required: true },
    { name: "name", kind: { type: "text" }, required: true },
    { name: "product_line", kind: { type: "text" } },
    { name: "unit", kind: { type: "text" } },
    { name: "currency", kind: { type: "currency" }, required: true },
    { name: "list_price", kind: { type: "decimal" }, required: true },
    { name: "cost", kind: { type: "decimal" } },
    { name: "tax_rate_pct", kind: { type: "decimal", suffix: "%" } },
    { name: "active", kind: { type: "switch" } },
  ],
  emptyInput: () => ({
    id: null, sku: "", name: "", product_line: "", unit: "", list_price: "", cost: "",
    tax_rate_pct: "", currency: "CNY", active: true,
  }),
  toInput: ({ id, sku, name, product_line, unit, list_price, cost, tax_rate_pct, currency, active }) => ({
    id, sku, name, product_line, unit, list_price, cost, tax_rate_pct, currency, active,
  }),
};
