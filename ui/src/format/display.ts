// Display helpers for values that arrive as strings: money and rates stay exact
// decimal strings (never parsed into JS numbers), timestamps are shown locally.
export function amountText(amount: string, currency: string): string {
  return amount === "" ? "" : `${amount} ${currency}`;
}

export function percentText(rate: string): string {
  return rate === "" ? "" : `${rate}%`;
}

export function timestampText(rfc3339: string, language: string): string {
  const date = new Date(rfc3339);
  if (Number.isNaN(date.getTime())) return rfc3339;
  return new Intl.DateTimeFormat(language, {
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
  }).format(date);
}
