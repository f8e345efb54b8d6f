// Shows a non-field error as a notification titled by its localised kind; the UI
// branches on kind only, the server message is shown as detail.
import { App } from "antd";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import type { IpcError } from "../bindings/IpcError";

export function useReportError(): (error: IpcError) => void {
  const { notification } = App.useApp();
  const { t } = useTranslation();
  return useCallback(
    (error: IpcError) => {
      if (error.kind === "cancelled") return;
      notification.error({
        message: t(`errorKind.${error.kind}`, { defaultValue: error.kind }),
        description: error.message,
        placement: "bottomRight",
      });
    },
    [notification, t],
  );
}
