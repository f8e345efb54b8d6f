// Search / sort / paging state of a table page, turned into the ListQuery sent to
// list_<table>. The search is debounced (250 ms) and resets to page 1.
import { useCallback, useMemo, useState } from "react";
import type { ListQuery } from "../bindings/ListQuery";
import { useDebounced } from "./useDebounced";

export const DEFAULT_PAGE_SIZE = 20;
export const SEARCH_DEBOUNCE_MS = 250;

/** The query a table page starts with (also what the first screen prefetches). */
export const INITIAL_LIST_QUERY: ListQuery = { search: null, sort: null, desc: false, page: 1, page_size: DEFAULT_PAGE_SIZE };

/** The cache key of one page of a table's list. */
export const listQueryKey = (table: string, query: ListQuery) => [table, "list", query] as const;

export function useListQuery() {
  const [searchText, setSearchText] = useState("");
  const search = useDebounced(searchText, SEARCH_DEBOUNCE_MS);
  const [sort, setSort] = useState<{ field: string | null; desc: boolean }>({ field: null, desc: false });
  const [paging, setPaging] = useState({ page: 1, pageSize: DEFAULT_PAGE_SIZE, search: "" });

  // A new search term starts again at page 1.
  const page = paging.search === search ? paging.page : 1;

  const query: ListQuery = useMemo(
    () => ({
      search: search.trim() === "" ? null : search.trim(),
      sort: sort.field,
      desc: sort.desc,
      page,
      page_size: paging.pageSize,
    }),
    [search, sort, page, paging.pageSize],
  );

  const setSortBy = useCallback((field: string | null, desc: boolean) => setSort({ field, desc }), []);
  const setPage = useCallback(
    (nextPage: number, pageSize: number) =>
      setPaging((p) => {
        const next = { page: pageSize !== p.pageSize ? 1 : nextPage, pageSize, search };
        return next.page === p.page && next.pageSize === p.pageSize && next.search === p.search ? p : next;
      }),
    [search],
  );

  return { query, searchText, setSearchText, setSort: setSortBy, setPage };
}
