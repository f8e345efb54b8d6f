//! The dashboard's tables as spreadsheet cells for CSV/XLSX export: the same columns as the
//! window's tables, amounts as numbers, headers in English snake_case like every export.

use super::dashboard::DashboardTable;
use dealdesk_core::report::dashboard::Dashboard;
use dealdesk_core::report::Decimal;
use dealdesk_core::tabular::Cell;

fn num(v: Decimal) -> Cell {
    Cell::Number(v)
}

fn opt(v: Option<Decimal>) -> Cell {
    v.map_or(Cell::Text(String::new()), Cell::Number)
}

fn text(v: impl Into<String>) -> Cell {
    Cell::Text(v.into())
}

pub(crate) fn name(table: &DashboardTable) -> &'static str {
    match table {
        DashboardTable::Funnel => "funnel",
        DashboardTable::Kpi => "kpi",
        DashboardTable::Forecast => "forecast",
        DashboardTable::Abc => "abc",
        DashboardTable::Drill { .. } => "records",
    }
}

/// Headers and rows of `table` (drill-downs are built by the drill module).
pub(crate) fn cells(d: &Dashboard, table: &DashboardTable) -> (Vec<&'static str>, Vec<Vec<Cell>>) {
    match table {
        DashboardTable::Funnel => (
            vec!["stage", "label", "reached", "amount", "current", "current_amount", "conv_prev_pct", "conv_first_pct", "drop_off", "median_days", "industry_pct", "top_pct", "bottleneck"],
            d.funnel
                .stages
                .iter()
                .map(|s| {
                    vec![
                        text(s.stage.code()),
                        text(s.label_zh),
                        num(s.reached_count.into()),
                        num(s.reached_amount),
                        num(s.current_count.into()),
                        num(s.current_amount),
                        opt(s.conversion_from_previous_pct),
                        opt(s.conversion_from_first_pct),
                        opt(s.drop_off.map(Decimal::from)),
                        opt(s.median_days_in_stage),
                        num(s.industry_pct),
                        num(s.top_pct),
                        Cell::Bool(d.funnel.bottleneck == Some(s.stage)),
                    ]
                })
                .collect(),
        ),
        DashboardTable::Kpi => (
            vec!["period", "won", "lost", "win_rate_pct", "won_amount", "avg_deal_size", "sales_cycle_days", "new_customers", "open_count", "open_pipeline", "pipeline_coverage"],
            d.kpi
                .trend
                .iter()
                .map(|k| {
                    vec![
                        text(k.period.clone()),
                        num(k.won_count.into()),
                        num(k.lost_count.into()),
                        opt(k.win_rate_pct),
                        num(k.won_amount),
                        opt(k.average_deal_size),
                        opt(k.sales_cycle_days),
                        num(k.new_customers.into()),
                        num(k.open_count.into()),
                        num(k.open_pipeline),
                        opt(k.pipeline_coverage),
                    ]
                })
                .collect(),
        ),
        DashboardTable::Forecast => (
            vec!["month", "count", "pipeline", "worst", "likely", "best"],
            d.forecast
                .months
                .iter()
                .chain([&d.forecast.total, &d.forecast.overdue, &d.forecast.unscheduled])
                .map(|b| vec![text(b.label.clone()), num(b.count.into()), num(b.pipeline), num(b.worst), num(b.likely), num(b.best)])
                .collect(),
        ),
        DashboardTable::Abc => (
            vec!["rank", "customer_id", "customer", "revenue", "share_pct", "cumulative_pct", "class", "current_tier"],
            d.abc
                .rows
                .iter()
                .enumerate()
                .map(|(i, r)| {
                    vec![
                        num(Decimal::from(i + 1)),
                        text(r.customer_id.clone()),
                        text(r.customer_name.clone()),
                        num(r.revenue),
                        opt(r.share_pct),
                        opt(r.cumulative_pct),
                        text(r.class.code()),
                        text(r.current_tier.map(|t| t.code()).unwrap_or_default()),
                    ]
                })
                .collect(),
        ),
        DashboardTable::Drill { .. } => (Vec::new(), Vec::new()),
    }
}
