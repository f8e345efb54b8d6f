// Temporary hand copy of the ts-rs binding described in docs/ipc.md; the generated file replaces it.
import type { Stage } from "./Stage";

export type OpportunityInput = { id: string | null; customer_id: string; name: string; stage: Stage; amount: string; currency: string; expected_close: string | null; probability_pct: string; competitor: string; owner: string };
