// "Data view role" (数据查看角色) in Settings: whose eyes the window shows personal data to
// (admin, sales ops, legal, distributor, trade show). Distinct from "Your role" above it,
// which decides quote approvals.
import { App, Select } from "antd";
import { useTranslation } from "react-i18next";
import type { DataViewRole } from "../bindings/DataViewRole";
import { useReportError } from "../components/useReportError";
import { DATA_VIEW_ROLES, useDataView, useSetDataViewRole } from "../ipc/masking";

export function DataViewRoleSetting() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const reportError = useReportError();
  const view = useDataView();
  const set = useSetDataViewRole();
  const change = (role: DataViewRole) =>
    set.mutate(role, {
      onSuccess: () => void message.success(t("settings.dataViewRoleSaved", { role: t(`dataViewRole.${role}`) })),
      onError: reportError,
    });
  return (
    <Select<DataViewRole>
      className="role-select"
      value={view.data?.role}
      loading={view.isLoading || set.isPending}
      onChange={change}
      virtual={false}
      popupMatchSelectWidth={false}
      options={DATA_VIEW_ROLES.map((r) => ({ value: r, label: t(`dataViewRole.${r}`) }))}
      optionRender={(o) => <span data-testid={`data-view-role-${String(o.value)}`}>{o.label}</span>}
      data-testid="settings-data-view-role"
    />
  );
}
