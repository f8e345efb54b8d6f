// Entry point: mounts the app into #root. The first screen (the customer list) is fetched
// at once, in parallel with app_info, so it renders with its rows in the first pass.
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createQueryClient } from "./ipc/queryClient";
import { Root } from "./Root";
import { INITIAL_LIST_QUERY, listQueryKey } from "./table/useListQuery";
import { customersTable } from "./tables/customers";
import "./styles.css";

const client = createQueryClient();
void client.prefetchQuery({
  queryKey: listQueryKey(customersTable.table, INITIAL_LIST_QUERY),
  queryFn: () => customersTable.api.list(INITIAL_LIST_QUERY),
});

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <Root client={client} />
  </StrictMode>,
);
