// "Your role" in Settings: sales, manager, director or legal; approvals and legal review check it (set_user_role).
import { useQueryClient } from "@tanstack/react-query";
import { App, Select } from "antd";
import { useTranslation } from "react-i18next";
import type { Role } from "../bindings/Role";
import { useReportError } from "../components/useReportError";
import { toIpcError } from "../ipc/call";
import { setUserRole } from "../ipc/quotes";
import { ROLE_KEY, useUserRole } from "../quotes/queries";
import { ROLES } from "../quotes/status";

export function RoleSetting() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const reportError = useReportError();
  const client = useQueryClient();
  const role = useUserRole();
  const change = async (next: Role) => {
    try {
      client.setQueryData(ROLE_KEY, await setUserRole(next));
      void message.success(t("settings.roleSaved", { role: t(`role.${next}`) }));
    } catch (e) {
      reportError(toIpcError(e));
    }
  };
  return (
    <Select<Role>
      className="role-select"
      value={role.data}
      loading={role.isLoading}
      onChange={(r) => void change(r)}
      virtual={false}
      options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
      optionRender={(o) => <span data-testid={`role-${String(o.value)}`}>{o.label}</span>}
      data-testid="settings-role"
    />
  );
}
