// Temporary hand copy of the ts-rs binding described in docs/ipc.md; the generated file replaces it.
export type ProductInput = { id: string | null; sku: string; name: string; product_line: string; unit: string; list_price: string; cost: string; tax_rate_pct: string; currency: string; active: boolean };
