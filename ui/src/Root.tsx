// Top-level providers (query cache, i18n); used by main.tsx and by the tests.
import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { AppShell } from "./AppShell";
import "./i18n";
import { createQueryClient } from "./ipc/queryClient";

export function Root({ client }: { client?: QueryClient }) {
  const [queryClient] = useState(() => client ?? createQueryClient());
  return (
    <QueryClientProvider client={queryClient}>
      <AppShell />
    </QueryClientProvider>
  );
}
