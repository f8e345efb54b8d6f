// Named snapshots (the quarterly refresh: "2026-Q3") and the diff between two snapshots or a
// snapshot and now: every changed cell old → new (or "evidence only") and how each
// competitor moved in the ranking. The comparison starts at the newest snapshot against now.
import { Button, Card, Col, Empty, Input, List, Row, Select, Space, Table, Tag, Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { CellDiffView } from "../bindings/CellDiffView";
import type { DiffView } from "../bindings/DiffView";
import type { RankMoveView } from "../bindings/RankMoveView";
import type { SnapshotView } from "../bindings/SnapshotView";
import { useReportError } from "../components/useReportError";
import { toIpcError } from "../ipc/call";
import { diffMatrix, listMatrixSnapshots, takeMatrixSnapshot } from "../ipc/matrix";

export function SnapshotsView({ matrixId }: { matrixId: string }) {
  const { t } = useTranslation();
  const reportError = useReportError();
  const [snaps, setSnaps] = useState<SnapshotView[]>([]);
  const [name, setName] = useState("");
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState("now");
  const [diff, setDiff] = useState<DiffView | null>(null);
  const [busy, setBusy] = useState(false);

  const show = (list: SnapshotView[]) => {
    setSnaps(list);
    setFrom(list.length ? list[list.length - 1].name : null);
  };
  useEffect(() => {
    listMatrixSnapshots(matrixId).then(show, (e) => reportError(toIpcError(e)));
  }, [matrixId, reportError]);

  const take = async () => {
    setBusy(true);
    try {
      show(await takeMatrixSnapshot(matrixId, name.trim()));
      setName("");
    } catch (e) {
      reportError(toIpcError(e));
    } finally {
      setBusy(false);
    }
  };
  const compare = async () => {
    if (!from) return;
    try {
      setDiff(await diffMatrix(matrixId, from, to));
    } catch (e) {
      reportError(toIpcError(e));
    }
  };
  const options = [...snaps.map((s) => ({ value: s.name, label: s.name })), { value: "now", label: t("matrix.now") }];
  const moves = (diff?.ranking ?? []).filter((m) => m.places !== 0 || m.from_score !== m.to_score);

  return (
    <Row gutter={12}>
      <Col xs={24} lg={8}>
        <Card size="small" title={t("matrix.snapshots")}>
          <Space.Compact className="full-width">
            <Input placeholder={t("matrix.snapshotName")} value={name} onChange={(e) => setName(e.target.value)} onPressEnter={() => void take()} data-testid="snapshot-name" />
            <Button type="primary" loading={busy} disabled={name.trim() === ""} onClick={() => void take()} data-testid="snapshot-take">{t("matrix.takeSnapshot")}</Button>
          </Space.Compact>
          <List size="small" dataSource={snaps} data-testid="snapshot-list" locale={{ emptyText: t("matrix.noSnapshots") }}
            renderItem={(s) => (
              <List.Item data-testid={`snapshot-${s.name}`}>
                <strong>{s.name}</strong> <Typography.Text type="secondary">{s.taken_at.slice(0, 16).replace("T", " ")} · {s.taken_by}</Typography.Text>
              </List.Item>
            )} />
        </Card>
      </Col>
      <Col xs={24} lg={16}>
        <Card size="small" title={t("matrix.diff")}
          extra={
            <Space>
              <Select value={from ?? undefined} onChange={setFrom} options={options.filter((o) => o.value !== "now")} className="mx-diff-select" data-testid="diff-from" virtual={false} />
              →
              <Select value={to} onChange={setTo} options={options} className="mx-diff-select" data-testid="diff-to" virtual={false} />
              <Button disabled={!from} onClick={() => void compare()} data-testid="diff-run">{t("matrix.compare")}</Button>
            </Space>
          }>
          {!diff ? (
            <Empty description={t("matrix.diffHint")} />
          ) : (
            <Space direction="vertical" className="full-width">
              <Typography.Text data-testid="diff-count">{t("matrix.diffCount", { n: diff.cells.length, from: diff.from, to: diff.to === "now" ? t("matrix.now") : diff.to })}</Typography.Text>
              {[...diff.added_competitors.map((n) => ["+", n]), ...diff.removed_competitors.map((n) => ["−", n]), ...diff.added_dimensions.map((n) => ["+", n]), ...diff.removed_dimensions.map((n) => ["−", n])].map(([s, n]) => (
                <Tag key={`${s}${n}`}>{s} {n}</Tag>
              ))}
              <Table<CellDiffView> size="small" rowKey={(c) => `${c.competitor}/${c.dimension}`} dataSource={diff.cells} data-testid="diff-cells" pagination={diff.cells.length > 20 ? { pageSize: 20 } : false}
                onRow={() => ({ "data-testid": "diff-cell" }) as React.HTMLAttributes<HTMLElement>}
                columns={[
                  { title: t("matrix.fields.competitor"), dataIndex: "competitor" },
                  { title: t("matrix.fields.dimension"), dataIndex: "dimension" },
                  { title: t("matrix.change"), key: "change", render: (_: unknown, c: CellDiffView) => (c.evidence_only ? t("matrix.evidenceOnly") : `${c.old} → ${c.new}`) },
                ]} />
              <Table<RankMoveView> size="small" rowKey="competitor" dataSource={moves} data-testid="diff-ranking" pagination={false}
                onRow={() => ({ "data-testid": "diff-move" }) as React.HTMLAttributes<HTMLElement>}
                columns={[
                  { title: t("matrix.fields.competitor"), dataIndex: "competitor" },
                  { title: t("matrix.rankMove"), key: "rank", render: (_: unknown, m: RankMoveView) => `${m.from_rank ?? "—"} → ${m.to_rank ?? "—"}${m.places ? (m.places > 0 ? ` ▲${m.places}` : ` ▼${-m.places}`) : ""}` },
                  { title: t("matrix.score"), key: "score", render: (_: unknown, m: RankMoveView) => `${m.from_score ?? "—"} → ${m.to_score ?? "—"}` },
                ]} />
            </Space>
          )}
        </Card>
      </Col>
    </Row>
  );
}
