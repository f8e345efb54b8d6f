// The lines of the quote being built: editable description, unit, quantity, unit price,
// discount and tax; the amount and the internal cost/margin columns (greyed, never printed)
// come from the live preview. Lines move up/down and are removed here; a cost-plus button in
// the price suggests a price from the line's cost and the target margin.
import { ArrowDownOutlined, ArrowUpOutlined, BulbOutlined, DeleteOutlined, MoreOutlined } from "@ant-design/icons";
import { Button, Dropdown, Table, Tag, Tooltip, Typography } from "antd";
import type { ReactNode } from "react";
import type { ColumnsType } from "antd/es/table";
import { useTranslation } from "react-i18next";
import type { LineTotals } from "../bindings/LineTotals";
import type { QuoteLineInput } from "../bindings/QuoteLineInput";
import { costPlus, groupDigits, isPositive } from "../format/decimal";
import { lineField, type ErrorLookup } from "./fieldErrors";
import { LineInput } from "./LineInput";

type Props = {
  lines: QuoteLineInput[];
  totals: LineTotals[] | undefined;
  readOnly: boolean;
  /** rules.target_margin_pct, for the cost-plus suggestion. */
  targetMarginPct: string | undefined;
  errorFor: ErrorLookup;
  onEdit: (index: number, patch: Partial<QuoteLineInput>) => void;
  onMove: (index: number, by: -1 | 1) => void;
  onRemove: (index: number) => void;
};

type Row = { index: number; line: QuoteLineInput };

export function QuoteLinesTable({ lines, totals, readOnly, targetMarginPct, errorFor, onEdit, onMove, onRemove }: Props) {
  const { t } = useTranslation();
  const cell = (field: Parameters<typeof LineInput>[0]["field"], suffix?: ReactNode) => (_: unknown, { index, line }: Row) => (
    <LineInput
      index={index}
      field={field}
      value={line[field]}
      suffix={suffix}
      error={errorFor(lineField(index, field))}
      readOnly={readOnly}
      onChange={(value) => onEdit(index, { [field]: value })}
    />
  );
  const internal = (
    <span>
      {t("quotes.internal")} <Tag className="internal-tag">{t("quotes.notPrinted")}</Tag>
    </span>
  );
  /** The cost-plus button inside the price input: cost × (1 + target margin). */
  const suggest = (index: number, line: QuoteLineInput) => {
    if (readOnly || !targetMarginPct || !isPositive(line.unit_cost)) return undefined;
    const price = costPlus(line.unit_cost, targetMarginPct);
    if (price === null) return undefined;
    return (
      <Tooltip title={t("quotes.suggestPrice", { cost: line.unit_cost, pct: targetMarginPct, price })}>
        <BulbOutlined
          className="suggest-price"
          role="button"
          aria-label={t("quotes.suggest")}
          onClick={() => onEdit(index, { unit_price: price })}
          data-testid={`line-${index}-suggest`}
        />
      </Tooltip>
    );
  };

  const columns: ColumnsType<Row> = [
    { key: "no", title: "#", width: 36, render: (_, { index }) => index + 1 },
    {
      key: "description",
      title: t("quotes.line.description"),
      render: (_, row) => (
        <>
          {row.line.sku && <Typography.Text type="secondary" className="line-sku">{row.line.sku}</Typography.Text>}
          {cell("description")(_, row)}
        </>
      ),
    },
    { key: "unit", title: t("quotes.line.unit"), width: 88, render: cell("unit") },
    { key: "quantity", title: t("quotes.line.quantity"), width: 68, render: cell("quantity") },
    { key: "unit_price", title: t("quotes.line.unit_price"), width: 120, render: (_, row) => cell("unit_price", suggest(row.index, row.line))(_, row) },
    { key: "discount_pct", title: t("quotes.line.discount_pct"), width: 72, render: cell("discount_pct", "%") },
    { key: "tax_rate_pct", title: t("quotes.line.tax_rate_pct"), width: 70, render: cell("tax_rate_pct", "%") },
    {
      key: "amount",
      title: t("quotes.line.amount"),
      width: 104,
      align: "right",
      render: (_, { index }) => (
        <span className="num line-amount" data-testid={`line-${index}-amount`}>
          {totals?.[index] ? groupDigits(totals[index].amount) : ""}
        </span>
      ),
    },
    {
      key: "internal",
      title: internal,
      className: "internal-col",
      children: [
        { key: "unit_cost", title: t("quotes.line.unit_cost"), width: 100, className: "internal-col", render: cell("unit_cost") },
        {
          key: "margin",
          title: t("quotes.line.margin_pct"),
          width: 68,
          align: "right",
          className: "internal-col",
          render: (_, { index }) => (
            <span className="num line-amount" data-testid={`line-${index}-margin`}>
              {totals?.[index]?.margin_pct != null ? `${totals[index].margin_pct}%` : "—"}
            </span>
          ),
        },
      ],
    },
  ];
  if (!readOnly) {
    columns.push({
      key: "actions",
      width: 64,
      render: (_, { index }) => (
        <span className="line-actions">
          <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={() => onRemove(index)} aria-label={t("common.delete")} data-testid={`line-${index}-delete`} />
          <Dropdown
            trigger={["click"]}
            menu={{
              items: [
                { key: "up", icon: <ArrowUpOutlined />, disabled: index === 0, label: <span data-testid={`line-${index}-up`}>{t("quotes.moveUp")}</span> },
                { key: "down", icon: <ArrowDownOutlined />, disabled: index === lines.length - 1, label: <span data-testid={`line-${index}-down`}>{t("quotes.moveDown")}</span> },
              ],
              onClick: ({ key }) => onMove(index, key === "up" ? -1 : 1),
            }}
          >
            <Button size="small" type="text" icon={<MoreOutlined />} aria-label={t("quotes.moveLine")} data-testid={`line-${index}-more`} />
          </Dropdown>
        </span>
      ),
    });
  }
  return (
    <div data-testid="quote-lines">
      <Table<Row>
        className="quote-lines"
        size="small"
        bordered
        rowKey={(r) => String(r.index)}
        columns={columns}
        dataSource={lines.map((line, index) => ({ index, line }))}
        pagination={false}
        locale={{ emptyText: t("quotes.noLines") }}
        scroll={{ x: 980 }}
      />
    </div>
  );
}
