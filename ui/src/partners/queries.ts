// TanStack Query keys and hooks of the partner area. Everything that changes partner data
// invalidates the whole ["partners"] prefix: the lists are small and always consistent.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { inboxStatus, listImportBatches, listInboxEvents, listPartners, listPlans, listReps, listStatements } from "../ipc/partners";

export const PARTNERS = ["partners"] as const;

export const usePartners = () => useQuery({ queryKey: [...PARTNERS, "list"], queryFn: listPartners });
export const useReps = () => useQuery({ queryKey: [...PARTNERS, "reps"], queryFn: listReps });
export const useBatches = () => useQuery({ queryKey: [...PARTNERS, "batches"], queryFn: listImportBatches });
export const usePlans = () => useQuery({ queryKey: [...PARTNERS, "plans"], queryFn: listPlans });
export const useStatements = () => useQuery({ queryKey: [...PARTNERS, "statements"], queryFn: () => listStatements(null) });
export const useInboxStatus = () => useQuery({ queryKey: [...PARTNERS, "inbox-status"], queryFn: inboxStatus });
export const useInboxEvents = () => useQuery({ queryKey: [...PARTNERS, "inbox-events"], queryFn: () => listInboxEvents(200) });

/** Marks every partner-area query stale (after an import, a run, a lock, a saved plan …). */
export function useRefreshPartners(): () => void {
  const client = useQueryClient();
  return useCallback(() => void client.invalidateQueries({ queryKey: PARTNERS }), [client]);
}
