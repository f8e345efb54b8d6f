//! Lists with search, sort and paging, shared by every table screen. Sort keys are looked up
//! in a per-table whitelist, so no text from the window ever becomes SQL.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct ListQuery {
    pub search: Option<String>,
    pub sort: Option<String>,
    #[serde(default)]
    pub desc: bool,
    /// 1-based.
    pub page: u32,
    pub page_size: u32,
}

impl Default for ListQuery {
    fn default() -> Self {
        Self { search: None, sort: None, desc: false, page: 1, page_size: 50 }
    }
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub total: u32,
    pub page: u32,
    pub page_size: u32,
}

/// How one table is listed: the SQL that selects its rows (with a `WHERE` the filters extend),
/// the expressions searched, and the sortable keys.
pub struct ListSpec {
    /// `SELECT … FROM … WHERE <live rows>`; filters are appended with `AND`.
    pub select: &'static str,
    pub count: &'static str,
    pub search_columns: &'static [&'static str],
    /// (key the UI sends, SQL expression).
    pub sort_keys: &'static [(&'static str, &'static str)],
    pub default_sort: &'static str,
    /// The id column (qualified when the select joins), used to break ties.
    pub id_column: &'static str,
}

pub const MAX_PAGE_SIZE: u32 = 500;

/// The SQL for one page and its bind values (the search pattern, once per searched column).
pub struct PageSql {
    pub rows_sql: String,
    pub count_sql: String,
    pub binds: Vec<String>,
    pub limit: u32,
    pub offset: u32,
}

pub fn page_sql(spec: &ListSpec, q: &ListQuery) -> PageSql {
    let mut filter = String::new();
    let mut binds = Vec::new();
    if let Some(term) = q.search.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        let pattern = format!("%{}%", escape_like(&term.to_lowercase()));
        let ors: Vec<String> = spec.search_columns.iter().map(|c| format!("LOWER({c}) LIKE ? ESCAPE '\\'")).collect();
        filter = format!(" AND ({})", ors.join(" OR "));
        binds = vec![pattern; spec.search_columns.len()];
    }
    let sort_expr = q
        .sort
        .as_deref()
        .and_then(|k| spec.sort_keys.iter().find(|(key, _)| *key == k))
        .map(|(_, expr)| *expr)
        .unwrap_or(spec.default_sort);
    let dir = if q.desc { "DESC" } else { "ASC" };
    let page_size = q.page_size.clamp(1, MAX_PAGE_SIZE);
    let page = q.page.max(1);
    PageSql {
        // The id breaks ties, so paging is stable when many rows share a sort value.
        rows_sql: format!("{}{} ORDER BY {} {}, {} {} LIMIT ? OFFSET ?", spec.select, filter, sort_expr, dir, spec.id_column, dir),
        count_sql: format!("{}{}", spec.count, filter),
        binds,
        limit: page_size,
        offset: (page - 1).saturating_mul(page_size),
    }
}

fn escape_like(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Runs a [`PageSql`] and maps rows with `T: FromRow`.
pub async fn fetch_page<T>(conn: &mut sqlx::SqliteConnection, spec: &ListSpec, q: &ListQuery) -> crate::CoreResult<Page<T>>
where
    T: for<'r> sqlx::FromRow<'r, sqlx::sqlite::SqliteRow> + Send + Unpin,
{
    let sql = page_sql(spec, q);
    let mut count = sqlx::query_scalar::<_, i64>(&sql.count_sql);
    for b in &sql.binds {
        count = count.bind(b);
    }
    let total = count.fetch_one(&mut *conn).await?;
    let mut rows = sqlx::query_as::<_, T>(&sql.rows_sql);
    for b in &sql.binds {
        rows = rows.bind(b);
    }
    let items = rows.bind(sql.limit).bind(sql.offset).fetch_all(&mut *conn).await?;
    Ok(Page { items, total: u32::try_from(total).unwrap_or(u32::MAX), page: q.page.max(1), page_size: sql.limit })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SPEC: ListSpec = ListSpec {
        select: "SELECT * FROM t WHERE deleted_at IS NULL",
        count: "SELECT COUNT(*) FROM t WHERE deleted_at IS NULL",
        search_columns: &["name", "notes"],
        sort_keys: &[("name", "name")],
        default_sort: "updated_at",
        id_column: "id",
    };

    #[test]
    fn unknown_sort_keys_fall_back_instead_of_reaching_sql() {
        let q = ListQuery { sort: Some("name; DROP TABLE t".into()), ..ListQuery::default() };
        let sql = page_sql(&SPEC, &q);
        assert!(sql.rows_sql.contains("ORDER BY updated_at ASC"));
        assert!(!sql.rows_sql.contains("DROP"));
    }

    #[test]
    fn search_escapes_like_wildcards() {
        let q = ListQuery { search: Some("50%_off".into()), ..ListQuery::default() };
        let sql = page_sql(&SPEC, &q);
        assert_eq!(sql.binds, vec!["%50\\%\\_off%".to_string(); 2]);
    }

    #[test]
    fn page_size_is_capped_and_page_is_one_based() {
        let q = ListQuery { page: 3, page_size: 10_000, ..ListQuery::default() };
        let sql = page_sql(&SPEC, &q);
        assert_eq!((sql.limit, sql.offset), (MAX_PAGE_SIZE, 2 * MAX_PAGE_SIZE));
    }
}
