// Personal-data masking from the window: the data view role and the privacy screen (both
// saved in the database), revealing one value (reason required, audited), the audit log.
// Changing the view drops every cached query, so every screen comes back through the new policy.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { AuditEntry } from "../bindings/AuditEntry";
import type { DataView } from "../bindings/DataView";
import type { DataViewRole } from "../bindings/DataViewRole";
import type { Page } from "../bindings/Page";
import type { RevealTable } from "../bindings/RevealTable";
import { call } from "./call";

export const DATA_VIEW_KEY = ["data_view"] as const;
export const DATA_VIEW_ROLES: readonly DataViewRole[] = ["admin", "sales_ops", "legal", "distributor", "trade_show"];

export const dataView = () => call<DataView>("data_view");
export const setDataViewRole = (role: DataViewRole) => call<DataView>("set_data_view_role", { role });
export const setPrivacyScreen = (on: boolean) => call<DataView>("set_privacy_screen", { on });
export const revealValue = (table: RevealTable, id: string, field: string, reason: string) =>
  call<string>("reveal_value", { table, id, field, reason });
export const listAudit = (page: number, pageSize: number) => call<Page<AuditEntry>>("list_audit", { page, pageSize });

export const useDataView = () => useQuery({ queryKey: DATA_VIEW_KEY, queryFn: dataView });

/**
 * Applies a changed view: the new one in the cache; cached data no screen shows now is dropped
 * (it was fetched through the old view, and a screen opened later would start from it, e.g. a
 * quote's notes in clear seeding its form), and the shown queries are fetched anew through the
 * new policy (their screens stay where they are).
 */
function useApplyView() {
  const client = useQueryClient();
  return async (view: DataView) => {
    client.setQueryData(DATA_VIEW_KEY, view);
    const others = (q: { queryKey: readonly unknown[] }) => q.queryKey[0] !== DATA_VIEW_KEY[0];
    client.removeQueries({ predicate: (q) => others(q) && q.getObserversCount() === 0 });
    await client.invalidateQueries({ predicate: others });
  };
}

export function useSetDataViewRole() {
  const apply = useApplyView();
  return useMutation({ mutationFn: setDataViewRole, onSuccess: apply });
}

export function useSetPrivacyScreen() {
  const apply = useApplyView();
  return useMutation({ mutationFn: setPrivacyScreen, onSuccess: apply });
}
