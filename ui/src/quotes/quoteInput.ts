// Building the QuoteInput the builder edits: an empty draft (dates from the quote rules), the
// input of a stored revision, and a free line. Values stay strings exactly as the bindings say.
import type { Quote } from "../bindings/Quote";
import type { QuoteInput } from "../bindings/QuoteInput";
import type { QuoteLineInput } from "../bindings/QuoteLineInput";

/** A local calendar date as YYYY-MM-DD. */
export function dateText(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** `days` after a YYYY-MM-DD date (the date itself when it cannot be read). */
export function addDays(date: string, days: number): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  return dateText(new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days));
}

export function emptyQuoteInput(validityDays: number, today = dateText(new Date())): QuoteInput {
  return {
    id: null,
    customer_id: "",
    opportunity_id: null,
    currency: "CNY",
    exchange_rate: "1",
    tax_inclusive: false,
    discount_pct: "0",
    quote_date: today,
    valid_until: addDays(today, validityDays),
    labels: "bilingual",
    paper: "a4",
    notes: "",
    terms: "",
    lines: [],
  };
}

export function emptyLine(): QuoteLineInput {
  return {
    product_id: null,
    sku: "",
    description: "",
    unit: "",
    quantity: "1",
    unit_price: "",
    discount_pct: "0",
    tax_rate_pct: "13",
    unit_cost: "",
  };
}

export function inputOf(q: Quote): QuoteInput {
  return {
    id: q.id,
    customer_id: q.customer_id,
    opportunity_id: q.opportunity_id,
    currency: q.currency,
    exchange_rate: q.exchange_rate,
    tax_inclusive: q.tax_inclusive,
    discount_pct: q.discount_pct,
    quote_date: q.quote_date,
    valid_until: q.valid_until,
    labels: q.labels,
    paper: q.paper,
    notes: q.notes,
    terms: q.terms,
    lines: q.lines.map((l) => ({ ...l })),
  };
}
