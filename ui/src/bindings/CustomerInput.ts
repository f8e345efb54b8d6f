// Temporary hand copy of the ts-rs binding described in docs/ipc.md; the generated file replaces it.
import type { CompanySize } from "./CompanySize";
import type { Tier } from "./Tier";

export type CustomerInput = { id: string | null; name: string; industry: string; size: CompanySize | null; region: string; tier: Tier | null; owner: string; notes: string };
