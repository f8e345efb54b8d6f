// The configuration a table page is built from: one TableConfig per table, one generic
// TablePage for all of them.
import type { ReactNode } from "react";
import type { TFunction } from "i18next";
import type { TableName } from "../bindings/TableName";
import type { TableApi } from "../ipc/commands";

/** How a form field is edited. Values always stay strings/booleans/null as in the bindings. */
export type FieldKind =
  | { type: "text" }
  | { type: "textarea" }
  | { type: "decimal"; suffix?: string }
  | { type: "enum"; values: readonly string[]; labelPrefix: string; nullable: boolean }
  | { type: "currency" }
  | { type: "switch" }
  | { type: "date" }
  | { type: "customer"; nullable: boolean };

export type EditableKey<Input> = Exclude<Extract<keyof Input, string>, "id">;

export type FieldSpec<Input> = {
  name: EditableKey<Input>;
  kind: FieldKind;
  /** Shows the required marker; the server still decides what is valid. */
  required?: boolean;
};

export type ColumnSpec<Row> = {
  /** Column key; also the ListQuery.sort value when sortable. */
  key: string;
  sortable?: boolean;
  align?: "left" | "right" | "center";
  width?: number;
  render: (row: Row, t: TFunction, language: string) => ReactNode;
};

export type TableConfig<Row extends { id: string }, Input extends { id: string | null }> = {
  table: TableName;
  api: TableApi<Row, Input>;
  columns: ColumnSpec<Row>[];
  fields: FieldSpec<Input>[];
  emptyInput: () => Input;
  toInput: (row: Row) => Input;
  /** Labels for reference fields of an existing row (e.g. the customer name for customer_id). */
  refLabels?: (row: Row) => Partial<Record<EditableKey<Input>, string>>;
};
