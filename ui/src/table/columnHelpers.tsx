// Small builders for the column kinds the tables share (plain text, enum label,
// amount with currency, rate with %, timestamp), so table configs stay declarative.
import type { ColumnSpec } from "./types";
import { amountText, percentText, timestampText } from "../format/display";

type StringKey<Row> = { [K in keyof Row]: Row[K] extends string | null ? K : never }[keyof Row] & string;

export function textColumn<Row>(key: StringKey<Row>, opts: Partial<ColumnSpec<Row>> = {}): ColumnSpec<Row> {
  return { key, sortable: true, render: (row) => (row[key] as string | null) ?? "", ...opts };
}

export function enumColumn<Row>(key: StringKey<Row>, labelPrefix: string, opts: Partial<ColumnSpec<Row>> = {}): ColumnSpec<Row> {
  return {
    key,
    sortable: true,
    render: (row, t) => {
      const value = row[key] as string | null;
      return value ? t(`${labelPrefix}.${value}`, { defaultValue: value }) : "";
    },
    ...opts,
  };
}

export function amountColumn<Row>(key: StringKey<Row>, currencyKey: StringKey<Row>, opts: Partial<ColumnSpec<Row>> = {}): ColumnSpec<Row> {
  return {
    key,
    sortable: true,
    align: "right",
    render: (row) => <span className="num">{amountText(row[key] as string, row[currencyKey] as string)}</span>,
    ...opts,
  };
}

export function percentColumn<Row>(key: StringKey<Row>, opts: Partial<ColumnSpec<Row>> = {}): ColumnSpec<Row> {
  return {
    key,
    sortable: true,
    align: "right",
    render: (row) => <span className="num">{percentText(row[key] as string)}</span>,
    ...opts,
  };
}

export function updatedColumn<Row extends { updated_at: string }>(): ColumnSpec<Row> {
  return {
    key: "updated_at",
    sortable: true,
    width: 150,
    render: (row, _t, language) => timestampText(row.updated_at, language),
  };
}
