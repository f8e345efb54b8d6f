// TanStack Query keys and hooks of the contract screens, and one helper that applies a
// change's answer (the whole ContractDetail) to the cache and refreshes the list.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import type { ContractDetail } from "../bindings/ContractDetail";
import { getContract, listContracts } from "../ipc/contracts";

export const CONTRACTS_KEY = ["contracts", "list"] as const;
export const contractKey = (id: string) => ["contracts", "detail", id] as const;

export const useContracts = () => useQuery({ queryKey: CONTRACTS_KEY, queryFn: listContracts });
export const useContract = (id: string) => useQuery({ queryKey: contractKey(id), queryFn: () => getContract(id) });

/** Stores a command's answer as the contract's data and marks the list stale. */
export function useApplyDetail(): (d: ContractDetail) => void {
  const client = useQueryClient();
  return useCallback(
    (d: ContractDetail) => {
      client.setQueryData(contractKey(d.contract.id), d);
      void client.invalidateQueries({ queryKey: CONTRACTS_KEY });
    },
    [client],
  );
}
