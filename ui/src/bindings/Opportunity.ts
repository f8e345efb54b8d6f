// Temporary hand copy of the ts-rs binding described in docs/ipc.md; the generated file replaces it.
import type { Stage } from "./Stage";

export type Opportunity = { id: string; customer_id: string; customer_name: string; name: string; stage: Stage; amount: string; currency: string; expected_close: string | null; probability_pct: string; competitor: string; owner: string; created_at: string; updated_at: string };
