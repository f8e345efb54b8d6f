// The grid's toolbar: undo/redo, fill down, heatmap colours, adding and editing competitors
// and dimensions, and moving or hiding the row and column of the active cell (hidden ones
// are listed under "Hidden" to show again). Moves and hides answer with the whole grid.
import { ArrowDownOutlined, ArrowLeftOutlined, ArrowRightOutlined, ArrowUpOutlined, EyeInvisibleOutlined, RedoOutlined, UndoOutlined, VerticalAlignBottomOutlined } from "@ant-design/icons";
import { Button, Divider, Dropdown, Space, Switch, Tooltip } from "antd";
import { useTranslation } from "react-i18next";
import type { MatrixAxis } from "../bindings/MatrixAxis";
import type { MatrixGrid } from "../bindings/MatrixGrid";
import { useReportError } from "../components/useReportError";
import { toIpcError } from "../ipc/call";
import { moveMatrixItem, setMatrixHidden } from "../ipc/matrix";
import { dimLabel } from "./gridModel";
import { at } from "./selection";
import type { MatrixState } from "./useMatrix";

export type Dialog = { kind: "competitor"; id: string | null } | { kind: "dimension"; id: string | null };

type Props = { m: MatrixState; heat: boolean; onHeat: (on: boolean) => void; onDialog: (d: Dialog) => void };

export function GridToolbar({ m, heat, onHeat, onDialog }: Props) {
  const { t, i18n } = useTranslation();
  const zh = i18n.language.startsWith("zh");
  const reportError = useReportError();
  const { grid, view, sel } = m;
  if (!grid || !view) return null;
  const { r, c } = sel.cursor;
  const row = view.rows[r];
  const col = view.cols[c];
  const comp = row === undefined ? undefined : grid.competitors[row];
  const dim = col === undefined ? undefined : grid.dimensions[col];

  const run = async (f: () => Promise<MatrixGrid>, then?: { r: number; c: number }) => {
    try {
      m.replace(await f());
      if (then) m.setSel(at(then.r, then.c));
    } catch (e) {
      reportError(toIpcError(e));
    }
  };
  const moveTo = (axis: MatrixAxis, id: string, to: number, then: { r: number; c: number }) => void run(() => moveMatrixItem(m.id, axis, id, to), then);
  const hide = (axis: MatrixAxis, id: string, hidden: boolean) => void run(() => setMatrixHidden(m.id, axis, id, hidden));

  const prevRow = r > 0 ? grid.competitors[view.rows[r - 1]] : undefined;
  const canUp = comp && !comp.is_ours && prevRow && !prevRow.is_ours;
  const canDown = comp && !comp.is_ours && r < view.rows.length - 1;
  const hiddenItems = [
    ...grid.competitors.filter((x) => x.hidden).map((x) => ({ key: `row:${x.id}`, label: <span data-testid={`matrix-unhide-${x.id}`}>{t("matrix.showRow", { name: x.name })}</span> })),
    ...grid.dimensions.filter((x) => x.hidden).map((x) => ({ key: `column:${x.id}`, label: <span data-testid={`matrix-unhide-${x.id}`}>{t("matrix.showColumn", { name: dimLabel(x, zh) })}</span> })),
  ];

  return (
    <Space wrap size={4} className="mx-toolbar">
      <Tooltip title="Ctrl+Z"><Button icon={<UndoOutlined />} disabled={!grid.can_undo} onClick={m.undo} data-testid="matrix-undo">{t("matrix.undo")}</Button></Tooltip>
      <Tooltip title="Ctrl+Shift+Z"><Button icon={<RedoOutlined />} disabled={!grid.can_redo} onClick={m.redo} data-testid="matrix-redo">{t("matrix.redo")}</Button></Tooltip>
      <Tooltip title="Ctrl+D"><Button icon={<VerticalAlignBottomOutlined />} onClick={m.fillDown} data-testid="matrix-fill-down">{t("matrix.fillDown")}</Button></Tooltip>
      <Divider type="vertical" />
      <Button onClick={() => onDialog({ kind: "competitor", id: null })} data-testid="matrix-add-competitor">{t("matrix.addCompetitor")}</Button>
      <Button onClick={() => onDialog({ kind: "dimension", id: null })} data-testid="matrix-add-dimension">{t("matrix.addDimension")}</Button>
      <Button disabled={!comp} onClick={() => comp && onDialog({ kind: "competitor", id: comp.id })} data-testid="matrix-edit-competitor">{t("matrix.editCompetitor")}</Button>
      <Button disabled={!dim} onClick={() => dim && onDialog({ kind: "dimension", id: dim.id })} data-testid="matrix-edit-dimension">{t("matrix.editDimension")}</Button>
      <Divider type="vertical" />
      <Tooltip title={t("matrix.rowUp")}><Button icon={<ArrowUpOutlined />} disabled={!canUp} onClick={() => comp && moveTo("row", comp.id, view.rows[r - 1], { r: r - 1, c })} data-testid="matrix-row-up" /></Tooltip>
      <Tooltip title={t("matrix.rowDown")}><Button icon={<ArrowDownOutlined />} disabled={!canDown} onClick={() => comp && moveTo("row", comp.id, view.rows[r + 1], { r: r + 1, c })} data-testid="matrix-row-down" /></Tooltip>
      <Tooltip title={t("matrix.hideRow")}><Button icon={<EyeInvisibleOutlined />} disabled={!comp} onClick={() => comp && hide("row", comp.id, true)} data-testid="matrix-row-hide">{t("matrix.row")}</Button></Tooltip>
      <Tooltip title={t("matrix.colLeft")}><Button icon={<ArrowLeftOutlined />} disabled={!dim || c === 0} onClick={() => dim && moveTo("column", dim.id, view.cols[c - 1], { r, c: c - 1 })} data-testid="matrix-col-left" /></Tooltip>
      <Tooltip title={t("matrix.colRight")}><Button icon={<ArrowRightOutlined />} disabled={!dim || c >= view.cols.length - 1} onClick={() => dim && moveTo("column", dim.id, view.cols[c + 1], { r, c: c + 1 })} data-testid="matrix-col-right" /></Tooltip>
      <Tooltip title={t("matrix.hideColumn")}><Button icon={<EyeInvisibleOutlined />} disabled={!dim} onClick={() => dim && hide("column", dim.id, true)} data-testid="matrix-col-hide">{t("matrix.column")}</Button></Tooltip>
      <Dropdown disabled={hiddenItems.length === 0} trigger={["click"]}
        menu={{ items: hiddenItems, onClick: ({ key }) => { const [axis, id] = key.split(":"); hide(axis as MatrixAxis, id, false); } }}>
        <Button data-testid="matrix-hidden">{t("matrix.hidden", { n: hiddenItems.length })}</Button>
      </Dropdown>
      <Divider type="vertical" />
      <Space size={4}>
        <Switch checked={heat} onChange={onHeat} size="small" data-testid="matrix-heat" />
        <span>{t("matrix.heatColours")}</span>
      </Space>
    </Space>
  );
}
