// Typed wrappers for the dashboard commands (docs/ipc.md › Dashboard): the figures, the
// records behind a number, settings, targets and costs, ABC apply, exports and the weekly PDF.
// Exports take a masking policy (null: the data view's own); the server refuses one that shows
// more than the view, names the file `…-masked-<policy>` and audits it.
import type { CostInput } from "../bindings/CostInput";
import type { Dashboard } from "../bindings/Dashboard";
import type { DashboardRequest } from "../bindings/DashboardRequest";
import type { DashboardSettings } from "../bindings/DashboardSettings";
import type { DashboardTable } from "../bindings/DashboardTable";
import type { Drill } from "../bindings/Drill";
import type { DrillTarget } from "../bindings/DrillTarget";
import type { FileFormat } from "../bindings/FileFormat";
import type { TargetBreakdown } from "../bindings/TargetBreakdown";
import type { TargetInput } from "../bindings/TargetInput";
import type { TierChange } from "../bindings/TierChange";
import { call } from "./call";

export const dashboard = (request: DashboardRequest) => call<Dashboard>("dashboard", { request });
export const dashboardDrill = (request: DashboardRequest, target: DrillTarget) => call<Drill>("dashboard_drill", { request, target });
export const saveDashboardSettings = (settings: DashboardSettings) => call<DashboardSettings>("save_dashboard_settings", { settings });
export const targetBreakdown = (year: number, owner: string, currency: string) =>
  call<TargetBreakdown>("target_breakdown", { year, owner, currency });
export const saveTarget = (input: TargetInput) => call<TargetBreakdown>("save_target", { input });
export const saveCosts = (input: CostInput) => call<null>("save_costs", { input });
export const previewAbc = (request: DashboardRequest) => call<TierChange[]>("preview_abc", { request });
export const applyAbc = (request: DashboardRequest) => call<TierChange[]>("apply_abc", { request });
/** Path written, or null when the user cancelled the save dialog; `toDocuments` writes into documents/exports/. */
export const exportDashboardTable = (request: DashboardRequest, table: DashboardTable, format: FileFormat, policy: string | null, toDocuments = false) =>
  call<string | null>("export_dashboard_table", { request, table, format, policy, toDocuments });
export const exportDashboardPdf = (request: DashboardRequest, policy: string | null) => call<string | null>("export_dashboard_pdf", { request, policy });
/** Writes the weekly PDF into the app's documents folder; returns its path. */
export const printDashboard = (request: DashboardRequest, policy: string | null) => call<string>("print_dashboard", { request, policy });
