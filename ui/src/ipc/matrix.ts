// Typed wrappers for the competitor-matrix commands (docs/ipc.md › Competitor matrix). A cell
// or weight change answers with a GridPatch (what the grid must redraw); a change of structure
// with the whole MatrixGrid. Files never travel as paths: imports and the heatmap PNG are
// staged bytes, exports go through the native save dialog or the documents folder.
import type { BattlecardLanguage } from "../bindings/BattlecardLanguage";
import type { BattlecardNotes } from "../bindings/BattlecardNotes";
import type { CellInput } from "../bindings/CellInput";
import type { CompetitorInput } from "../bindings/CompetitorInput";
import type { DiffView } from "../bindings/DiffView";
import type { DimensionInput } from "../bindings/DimensionInput";
import type { GridPatch } from "../bindings/GridPatch";
import type { HistoryView } from "../bindings/HistoryView";
import type { MatrixAxis } from "../bindings/MatrixAxis";
import type { MatrixExportFormat } from "../bindings/MatrixExportFormat";
import type { MatrixGrid } from "../bindings/MatrixGrid";
import type { MatrixImportReport } from "../bindings/MatrixImportReport";
import type { MatrixSettingsInput } from "../bindings/MatrixSettingsInput";
import type { MatrixSummary } from "../bindings/MatrixSummary";
import type { SnapshotView } from "../bindings/SnapshotView";
import type { StagedUpload } from "../bindings/StagedUpload";
import { call } from "./call";
import { readBytes } from "./commands";

export const listMatrices = () => call<MatrixSummary[]>("list_matrices");
export const createMatrix = (input: MatrixSettingsInput) => call<MatrixSummary>("create_matrix", { input });
export const getMatrix = (id: string) => call<MatrixGrid>("get_matrix", { id });
export const saveMatrixSettings = (id: string, input: MatrixSettingsInput) => call<MatrixGrid>("save_matrix_settings", { id, input });

export const editMatrixCells = (id: string, cells: CellInput[]) => call<GridPatch>("edit_matrix_cells", { id, cells });
export const pasteMatrixCells = (id: string, competitorId: string, dimensionId: string, tsv: string) =>
  call<GridPatch>("paste_matrix_cells", { id, competitorId, dimensionId, tsv });
export const undoMatrixEdit = (id: string) => call<GridPatch>("undo_matrix_edit", { id });
export const redoMatrixEdit = (id: string) => call<GridPatch>("redo_matrix_edit", { id });
export const matrixCellHistory = (competitorId: string, dimensionId: string) =>
  call<HistoryView[]>("matrix_cell_history", { competitorId, dimensionId });

export const addMatrixGroup = (id: string, nameZh: string, nameEn: string) => call<MatrixGrid>("add_matrix_group", { id, nameZh, nameEn });
export const saveMatrixDimension = (id: string, input: DimensionInput) => call<MatrixGrid>("save_matrix_dimension", { id, input });
export const setMatrixWeight = (id: string, dimensionId: string, weight: string) => call<GridPatch>("set_matrix_weight", { id, dimensionId, weight });
export const saveMatrixCompetitor = (id: string, input: CompetitorInput) => call<MatrixGrid>("save_matrix_competitor", { id, input });
/** `to`: index in the full display order (hidden items included). */
export const moveMatrixItem = (id: string, axis: MatrixAxis, itemId: string, to: number) => call<MatrixGrid>("move_matrix_item", { id, axis, itemId, to });
export const setMatrixHidden = (id: string, axis: MatrixAxis, itemId: string, hidden: boolean) =>
  call<MatrixGrid>("set_matrix_hidden", { id, axis, itemId, hidden });

export const listMatrixSnapshots = (id: string) => call<SnapshotView[]>("list_matrix_snapshots", { id });
export const takeMatrixSnapshot = (id: string, name: string) => call<SnapshotView[]>("take_matrix_snapshot", { id, name });
/** `to` may be "now" (the live matrix). */
export const diffMatrix = (id: string, from: string, to: string) => call<DiffView>("diff_matrix", { id, from, to });

export const battlecardNotes = (competitorId: string) => call<BattlecardNotes>("battlecard_notes", { competitorId });
export const saveBattlecardNotes = (competitorId: string, notes: BattlecardNotes) => call<BattlecardNotes>("save_battlecard_notes", { competitorId, notes });
/** Native save dialog; null = cancelled. */
export const exportMatrixBattlecard = (id: string, competitorId: string, lang: BattlecardLanguage) =>
  call<string | null>("export_matrix_battlecard", { id, competitorId, lang });
/** Into documents/matrices beside the database; the path written. */
export const printMatrixBattlecard = (id: string, competitorId: string, lang: BattlecardLanguage) =>
  call<string>("print_matrix_battlecard", { id, competitorId, lang });

/** null = the user cancelled the native save dialog. */
export const exportMatrix = (id: string, format: MatrixExportFormat, toDocuments: boolean) =>
  call<string | null>("export_matrix", { id, format, toDocuments });

async function stage(bytes: Uint8Array, fileName: string): Promise<StagedUpload> {
  return call<StagedUpload>("stage_upload", bytes, { headers: { "x-file-name": encodeURIComponent(fileName) } });
}

/** Sends the picked file's bytes (never a path), then imports them into matrix `name`, all or nothing. */
export async function importMatrix(file: File, name: string): Promise<MatrixImportReport> {
  const staged = await stage(await readBytes(file), file.name);
  return call<MatrixImportReport>("import_matrix", { uploadId: staged.upload_id, name });
}

/** Sends the PNG drawn in the window; Rust writes it (dialog or documents). null = cancelled. */
export async function exportMatrixHeatmap(id: string, png: Uint8Array, toDocuments: boolean): Promise<string | null> {
  const staged = await stage(png, "heatmap.png");
  return call<string | null>("export_matrix_heatmap", { id, uploadId: staged.upload_id, toDocuments });
}
