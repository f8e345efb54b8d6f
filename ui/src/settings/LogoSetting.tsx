// The letterhead logo: a file input whose bytes go to set_logo (PNG or JPEG, at most
// 512 KB; the server checks), a preview of the file just chosen, and a remove button.
import { DeleteOutlined, UploadOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { App, Button, Space, Tag } from "antd";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { PrintSettings } from "../bindings/PrintSettings";
import { useReportError } from "../components/useReportError";
import { toIpcError } from "../ipc/call";
import { readBytes } from "../ipc/commands";
import { setLogo } from "../ipc/quotes";
import { errorText } from "../quotes/fieldErrors";
import { PRINT_SETTINGS_KEY } from "../quotes/queries";

type Props = { hasLogo: boolean; onChanged: (settings: PrintSettings) => void };

export function LogoSetting({ hasLogo, onChanged }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const reportError = useReportError();
  const client = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<string | null>(null);
  useEffect(() => () => {
    if (preview) URL.revokeObjectURL(preview);
  }, [preview]);

  const send = async (bytes: Uint8Array, file: File | null) => {
    setBusy(true);
    try {
      const saved = await setLogo(bytes);
      client.setQueryData(PRINT_SETTINGS_KEY, (old: PrintSettings | undefined) => (old ? { ...old, has_logo: saved.has_logo } : saved));
      onChanged(saved);
      setPreview(file && typeof URL.createObjectURL === "function" ? URL.createObjectURL(file) : null);
      void message.success(file ? t("settings.print.logoSaved") : t("settings.print.logoRemoved"));
    } catch (raw) {
      const e = toIpcError(raw);
      if (e.kind === "validation" && e.fields.length > 0) void message.error(e.fields.map((f) => errorText(t, f)).join("; "));
      else reportError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space wrap>
      {preview ? <img src={preview} alt="" className="logo-preview" /> : null}
      <Tag color={hasLogo ? "green" : "default"} data-testid="print-logo-state">
        {hasLogo ? t("settings.print.hasLogo") : t("settings.print.noLogo")}
      </Tag>
      <input
        ref={input}
        type="file"
        accept="image/png,image/jpeg"
        className="file-input-hidden"
        data-testid="print-logo-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = "";
          if (file) void readBytes(file).then((bytes) => send(bytes, file));
        }}
      />
      <Button icon={<UploadOutlined />} loading={busy} onClick={() => input.current?.click()} data-testid="print-logo-upload">
        {t("settings.print.uploadLogo")}
      </Button>
      {hasLogo && (
        <Button danger icon={<DeleteOutlined />} disabled={busy} onClick={() => void send(new Uint8Array(), null)} data-testid="print-logo-remove">
          {t("settings.print.removeLogo")}
        </Button>
      )}
    </Space>
  );
}
