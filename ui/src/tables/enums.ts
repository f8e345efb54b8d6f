// The closed value sets the forms offer (mirroring the CHECK constraints on the Rust side).
import type { CompanySize } from "../bindings/CompanySize";
import type { Stage } from "../bindings/Stage";
import type { Tier } from "../bindings/Tier";

export const STAGES: readonly Stage[] = ["initial", "qualified", "proposal", "negotiation", "won", "lost"];
export const SIZES: readonly CompanySize[] = ["micro", "small", "medium", "large", "enterprise"];
export const TIERS: readonly Tier[] = ["A", "B", "C"];
export const CURRENCIES: readonly string[] = ["CNY", "USD", "EUR", "HKD", "JPY", "GBP", "SGD"];
