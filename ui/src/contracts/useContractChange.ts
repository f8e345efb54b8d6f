// Runs one contract command from the screen: marks which action is busy, stores the answer
// (the whole ContractDetail), says so, and hands validation errors with fields back to the
// caller to show at the field (any other error is a notification).
import { App } from "antd";
import { useState } from "react";
import type { ContractDetail } from "../bindings/ContractDetail";
import type { IpcError } from "../bindings/IpcError";
import { useReportError } from "../components/useReportError";
import { toIpcError } from "../ipc/call";
import { useApplyDetail } from "./queries";

export type RunChange = (action: string, f: () => Promise<ContractDetail>, done?: string) => Promise<IpcError | null>;

export function useContractChange(): { run: RunChange; busy: string | null } {
  const apply = useApplyDetail();
  const reportError = useReportError();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const run: RunChange = async (action, f, done) => {
    setBusy(action);
    try {
      apply(await f());
      if (done) void message.success(done);
      return null;
    } catch (e) {
      const err = toIpcError(e);
      if (err.kind !== "validation" || err.fields.length === 0) reportError(err);
      return err;
    } finally {
      setBusy(null);
    }
  };
  return { run, busy };
}
