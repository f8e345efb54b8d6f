// The unlock screen (key missing or wrong) and Settings' re-key: what the user sees and
// exactly what is sent to the Rust side.
import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { appInfo, callsOf, ipcError, mockBackend } from "./backend";
import { renderApp } from "./render";

const KEY = "0123abcd-0123abcd-0123abcd-0123abcd-0123abcd-0123abcd-0123abcd-0123abcd";

describe("locked database", () => {
  it("shows only the unlock screen, reports a wrong key, and opens the app with the right one", async () => {
    let locked: string | null = "the key of /data/dealdesk.db is not in this computer's credential store";
    const calls = mockBackend({
      app_info: () => appInfo({ locked }),
      unlock_database: (args) => {
        if (args?.recoveryKey !== KEY) throw ipcError({ kind: "locked", message: "this recovery key does not open /data/dealdesk.db" });
        locked = null;
        return appInfo();
      },
    });
    const { user } = renderApp();
    expect(await screen.findByTestId("unlock-reason")).toHaveTextContent("/data/dealdesk.db");
    expect(screen.queryByTestId("nav-customers")).not.toBeInTheDocument();
    expect(screen.getByTestId("unlock-submit")).toBeDisabled();

    await user.type(screen.getByTestId("unlock-key"), "ffff");
    await user.click(screen.getByTestId("unlock-submit"));
    expect(await screen.findByTestId("unlock-error")).toHaveTextContent("does not open");

    await user.clear(screen.getByTestId("unlock-key"));
    await user.type(screen.getByTestId("unlock-key"), KEY);
    await user.click(screen.getByTestId("unlock-submit"));
    expect(await screen.findByTestId("nav-customers")).toBeInTheDocument();
    expect(callsOf(calls, "unlock_database").map((c) => c.args)).toEqual([{ recoveryKey: "ffff" }, { recoveryKey: KEY }]);
  });

  it("starting a new database asks for confirmation first", async () => {
    const calls = mockBackend({
      app_info: () => appInfo({ locked: "wrong key" }),
      start_new_database: () => appInfo({ recovery_key: KEY }),
    });
    const { user } = renderApp();
    await user.click(await screen.findByTestId("unlock-start-new"));
    expect(callsOf(calls, "start_new_database")).toHaveLength(0);
    await user.click(await screen.findByTestId("unlock-start-new-confirm"));
    expect(await screen.findByTestId("recovery-key")).toHaveTextContent(KEY);
  });
});

describe("settings › encryption", () => {
  it("re-keying after confirmation shows the new recovery key", async () => {
    const calls = mockBackend({ rekey_database: () => appInfo({ recovery_key: KEY }) });
    const { user } = renderApp();
    await user.click(await screen.findByTestId("nav-settings"));
    await user.click(await screen.findByTestId("settings-rekey"));
    await user.click(await screen.findByTestId("settings-rekey-confirm"));
    expect(await screen.findByTestId("recovery-key")).toHaveTextContent(KEY);
    await waitFor(() => expect(callsOf(calls, "rekey_database")).toHaveLength(1));
  });

  it("restore: the preview shows the backup's counts and nothing is restored until confirmed", async () => {
    const info = { path: "/b/x.db", written_at: "2026-11-20T08:00:00Z", schema_version: 3, counts: { customers: 7, contacts: 1, products: 2, opportunities: 3 } };
    const calls = mockBackend({
      choose_backup: () => ({ file_name: "x.db", preview: info, needs_recovery_key: false }),
      restore_backup: () => ({ restored: info, safety_copy: "/data/backups/before-restore.db" }),
    });
    const { user } = renderApp();
    await user.click(await screen.findByTestId("nav-settings"));
    await user.click(await screen.findByTestId("settings-restore"));
    expect(await screen.findByTestId("restore-customers")).toHaveTextContent("7");
    expect(callsOf(calls, "restore_backup")).toHaveLength(0);
    await user.click(screen.getByTestId("restore-confirm"));
    await waitFor(() => expect(callsOf(calls, "restore_backup").map((c) => c.args)).toEqual([{ recoveryKey: null }]));
    expect(await screen.findByText(/before-restore\.db/)).toBeInTheDocument();
  });
});

describe("daily backups kept", () => {
  it("shows the setting, sends a new number when the field is left, and shows the server's refusal", async () => {
    let keep = 7;
    const calls = mockBackend({
      backup_keep: () => keep,
      set_backup_keep: (args) => {
        const n = Number(args?.keep);
        if (n > 365) throw ipcError({ kind: "validation", message: "invalid", fields: [{ field: "keep", code: "out_of_range", message: "keep between 1 and 365 daily backups" }] });
        keep = n;
        return keep;
      },
    });
    const { user } = renderApp();
    await user.click(await screen.findByTestId("nav-settings"));
    const field = await screen.findByTestId("settings-backup-keep");
    await waitFor(() => expect(field).toHaveValue("7"));
    await user.clear(field);
    await user.type(field, "400");
    await user.tab();
    expect(await screen.findByTestId("error-keep")).toHaveTextContent("keep between 1 and 365 daily backups");
    await user.clear(field);
    await user.type(field, "14{Enter}");
    await waitFor(() => expect(callsOf(calls, "set_backup_keep").at(-1)?.args).toEqual({ keep: 14 }));
    await waitFor(() => expect(screen.queryByTestId("error-keep")).not.toBeInTheDocument());
    expect(keep).toBe(14);
  });
});
