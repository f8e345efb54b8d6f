// The ranking: weighted score Σwᵢsᵢ/Σwᵢ over each competitor's KNOWN scored cells (unknown is
// left out, never a zero) with coverage beside it, best first; and the weights per dimension
// with their normalised share. A weight is typed as a decimal and sent when the field is left
// or Enter is pressed; the ranking redraws from Rust's answer.
import { Card, Col, Input, Row, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { DimensionView } from "../bindings/DimensionView";
import type { FieldError } from "../bindings/FieldError";
import type { RankRow } from "../bindings/RankRow";
import { errorText } from "../quotes/fieldErrors";
import { dimLabel } from "./gridModel";
import { shareOf } from "./look";
import type { MatrixState } from "./useMatrix";

export function RankingView({ m }: { m: MatrixState }) {
  const { t, i18n } = useTranslation();
  const zh = i18n.language.startsWith("zh");
  const [search, setSearch] = useState("");
  const grid = m.grid;
  if (!grid) return null;
  const scale = grid.matrix.scale;
  const groupName = (id: string) => {
    const g = grid.groups.find((x) => x.id === id);
    return g ? dimLabel(g, zh) : "";
  };
  const weighted = grid.dimensions.filter((d) => d.scored && `${d.name_zh} ${d.name_en}`.toLowerCase().includes(search.trim().toLowerCase()));

  const rankColumns = [
    { title: "#", dataIndex: "rank", width: 48, render: (r: number | null, x: RankRow) => <span data-testid={`ranking-rank-${x.competitor_id}`}>{r ?? "—"}</span> },
    {
      title: t("matrix.fields.competitor"),
      dataIndex: "name",
      render: (name: string, x: RankRow) => (
        <span data-testid={`ranking-name-${x.competitor_id}`}>{name}{x.is_ours && <Tag color="blue" className="mx-ours-tag">{t("matrix.oursTag")}</Tag>}</span>
      ),
    },
    {
      title: t("matrix.score"),
      dataIndex: "score",
      render: (s: string | null, x: RankRow) => (
        <div className="mx-bar-cell">
          <div className="mx-bar" style={{ width: s === null ? 0 : `${Math.round(shareOf(s, scale) * 100)}%` }} />
          <span data-testid={`ranking-score-${x.competitor_id}`}>{s ?? "—"}</span>
        </div>
      ),
    },
    {
      title: t("matrix.coverage"),
      dataIndex: "coverage_pct",
      render: (c: string, x: RankRow) => <span data-testid={`ranking-coverage-${x.competitor_id}`}>{c}% ({x.known}/{x.scored_dimensions})</span>,
    },
  ];

  return (
    <Row gutter={12}>
      <Col xs={24} lg={13}>
        <Card size="small" title={t("matrix.ranking")} extra={<Typography.Text type="secondary">{t("matrix.rankingRule")}</Typography.Text>}>
          <Table<RankRow> rowKey="competitor_id" size="small" dataSource={grid.ranking} columns={rankColumns} data-testid="matrix-ranking"
            pagination={grid.ranking.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
            onRow={(x, i) => ({ "data-testid": `ranking-pos-${(i ?? 0) + 1}`, "data-competitor": x.competitor_id }) as React.HTMLAttributes<HTMLElement>} />
        </Card>
      </Col>
      <Col xs={24} lg={11}>
        <Card size="small" title={t("matrix.weights")} extra={<Input.Search size="small" allowClear placeholder={t("common.search")} onChange={(e) => setSearch(e.target.value)} />}>
          <Table<DimensionView> rowKey="id" size="small" dataSource={weighted} data-testid="matrix-weights" pagination={weighted.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
            columns={[
              { title: t("matrix.fields.dimension"), key: "name", render: (_: unknown, d: DimensionView) => <span>{dimLabel(d, zh)} <Typography.Text type="secondary">{groupName(d.group_id)}</Typography.Text></span> },
              { title: t("matrix.fields.weight"), key: "weight", width: 120, render: (_: unknown, d: DimensionView) => <WeightInput key={`${d.id}:${d.weight}`} d={d} m={m} /> },
              { title: t("matrix.share"), dataIndex: "normalised_pct", width: 80, render: (p: string, d: DimensionView) => <span data-testid={`weight-pct-${d.id}`}>{p}%</span> },
            ]} />
        </Card>
      </Col>
    </Row>
  );
}

function WeightInput({ d, m }: { d: DimensionView; m: MatrixState }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(d.weight);
  const [error, setError] = useState<FieldError | null>(null);
  const send = async () => {
    if (value.trim() === d.weight) return;
    const err = await m.setWeight(d.id, value.trim());
    setError(err ? err.fields[0] ?? { field: "weight", code: "invalid_number", message: err.message } : null);
  };
  return (
    <div>
      <Input size="small" value={value} status={error ? "error" : undefined} onChange={(e) => setValue(e.target.value)} onBlur={() => void send()}
        onPressEnter={() => void send()} data-testid={`weight-${d.id}`} />
      {error && <div className="field-error" data-testid={`error-weight-${d.id}`}>{errorText(t, error)}</div>}
    </div>
  );
}
