// TanStack Query hooks and cache keys shared by the quote screens and Settings: the user's
// role, the quote rules, the print settings and a quote's revisions.
import { useQuery } from "@tanstack/react-query";
import { printSettings, quoteRevisions, quoteRules, userRole } from "../ipc/quotes";

export const ROLE_KEY = ["user_role"] as const;
export const RULES_KEY = ["quote_rules"] as const;
export const PRINT_SETTINGS_KEY = ["print_settings"] as const;
export const revisionsKey = (id: string) => ["quotes", "revisions", id] as const;

export const useUserRole = () => useQuery({ queryKey: ROLE_KEY, queryFn: userRole });
export const useQuoteRules = () => useQuery({ queryKey: RULES_KEY, queryFn: quoteRules });
export const usePrintSettings = () => useQuery({ queryKey: PRINT_SETTINGS_KEY, queryFn: printSettings });
export const useQuoteRevisions = (id: string | null) =>
  useQuery({ queryKey: revisionsKey(id ?? ""), queryFn: () => quoteRevisions(id ?? ""), enabled: id !== null });
