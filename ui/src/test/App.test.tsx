// App-level behaviour: initial language, the language switch, first-run onboarding,
// navigation to the competitor matrix area, and the settings page.
import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { appInfo, callsOf, customer, mockBackend, page } from "./backend";
import { renderApp } from "./render";

describe("app shell", () => {
  it("switching language changes the nav labels and saves the choice", async () => {
    const calls = mockBackend({
      app_info: () => appInfo({ language: "en" }),
      list_customers: () => page([customer("c1", "Acme")], 42),
    });
    const { user } = renderApp();
    expect(await screen.findByTestId("nav-customers")).toHaveTextContent("Customers");
    expect(screen.getByTestId("app-title")).toHaveTextContent("DealDesk / Sales Ops Workbench");

    expect(screen.getByTestId("lang-switch")).toContainElement(screen.getByTestId("lang-zh-CN"));
    await user.click(screen.getByTestId("lang-zh-CN"));
    await waitFor(() => expect(screen.getByTestId("nav-customers")).toHaveTextContent("客户"));
    expect(screen.getByTestId("nav-products")).toHaveTextContent("产品与价目表");
    expect(screen.getByTestId("app-title")).toHaveTextContent("DealDesk / 销售运营工作台");
    expect(screen.getByTestId("customers-new")).toHaveTextContent(/^新建$/);
    // antd's own texts follow the language too (pagination size changer).
    expect(await screen.findByText("20 条/页")).toBeInTheDocument();
    await waitFor(() => expect(callsOf(calls, "set_language")).toEqual([{ cmd: "set_language", args: { language: "zh-CN" } }]));

    await user.click(screen.getByTestId("lang-en"));
    await waitFor(() => expect(screen.getByTestId("nav-customers")).toHaveTextContent("Customers"));
    expect(callsOf(calls, "set_language").at(-1)?.args).toEqual({ language: "en" });
  });

  it("starts in Chinese when nothing is saved and the OS locale is Chinese", async () => {
    const calls = mockBackend({ app_info: () => appInfo({ language: null, os_locale: "zh_CN.UTF-8" }) });
    renderApp();
    expect(await screen.findByTestId("nav-opportunities")).toHaveTextContent("商机");
    expect(callsOf(calls, "set_language")).toHaveLength(0);
  });

  it("starts in English when nothing is saved and the OS locale is not Chinese", async () => {
    mockBackend({ app_info: () => appInfo({ language: null, os_locale: "de-DE" }) });
    renderApp();
    expect(await screen.findByTestId("nav-opportunities")).toHaveTextContent("Opportunities");
  });

  it("first run: choosing demo data calls finish_onboarding and reloads everything", async () => {
    let onboarded = false;
    const calls = mockBackend({
      app_info: () => appInfo({ onboarded }),
      finish_onboarding: () => {
        onboarded = true;
        return appInfo({ onboarded: true });
      },
    });
    const { user } = renderApp();
    await user.click(await screen.findByTestId("onboarding-demo"));
    await waitFor(() => expect(callsOf(calls, "finish_onboarding")).toEqual([{ cmd: "finish_onboarding", args: { loadDemo: true } }]));
    await waitFor(() => expect(screen.queryByTestId("onboarding-demo")).not.toBeInTheDocument());
    await waitFor(() => expect(callsOf(calls, "list_customers").length).toBeGreaterThan(1));
  });

  it("a new database shows its recovery key once, then the first-run choice", async () => {
    let acknowledged = false;
    const key = "0123ABCD-0123ABCD-0123ABCD-0123ABCD-0123ABCD-0123ABCD-0123ABCD-0123ABCD";
    const current = () => appInfo({ onboarded: false, recovery_key: acknowledged ? null : key });
    const calls = mockBackend({
      app_info: current,
      acknowledge_recovery_key: () => {
        acknowledged = true;
        return current();
      },
    });
    const { user } = renderApp();
    expect(await screen.findByTestId("recovery-key")).toHaveTextContent(key);
    expect(screen.queryByTestId("onboarding-empty")).not.toBeInTheDocument();
    await user.click(screen.getByTestId("recovery-ack"));
    await waitFor(() => expect(callsOf(calls, "acknowledge_recovery_key")).toHaveLength(1));
    expect(await screen.findByTestId("onboarding-empty")).toBeInTheDocument();
    expect(screen.queryByTestId("recovery-key")).not.toBeInTheDocument();
  });

  it("first run: starting empty sends loadDemo false", async () => {
    const calls = mockBackend({ app_info: () => appInfo({ onboarded: false }) });
    const { user } = renderApp();
    await user.click(await screen.findByTestId("onboarding-empty"));
    await waitFor(() => expect(callsOf(calls, "finish_onboarding")[0]?.args).toEqual({ loadDemo: false }));
  });

  it("the competitor matrix area opens on its list, and settings shows version and database path", async () => {
    mockBackend({ list_matrices: () => [] });
    const { user } = renderApp();
    await user.click(await screen.findByTestId("nav-matrix"));
    expect(await screen.findByTestId("matrix-new")).toHaveTextContent("New matrix");
    await user.click(screen.getByTestId("nav-settings"));
    expect(await screen.findByTestId("settings-version")).toHaveTextContent("0.1.0");
    expect(screen.getByTestId("settings-db-path")).toHaveTextContent("/home/u/.local/share/dealdesk/dealdesk.db");
  });

  it("settings backs up now and shows where the backup went", async () => {
    const calls = mockBackend({ backup_now: () => "/home/u/dealdesk-backup-2026-11-22.db" });
    const { user } = renderApp();
    await user.click(await screen.findByTestId("nav-settings"));
    await user.click(await screen.findByTestId("settings-backup"));
    await waitFor(() => expect(callsOf(calls, "backup_now")).toHaveLength(1));
    expect(await screen.findByText("Backup written to /home/u/dealdesk-backup-2026-11-22.db")).toBeInTheDocument();
  });

  it("shows a clear error when the back end cannot be reached", async () => {
    mockBackend({ app_info: () => { throw "no backend"; } });
    renderApp();
    expect(await screen.findByText(/Cannot reach the DealDesk back end|无法连接 DealDesk 后端/)).toBeInTheDocument();
    expect(screen.getByText("no backend")).toBeInTheDocument();
  });
});
