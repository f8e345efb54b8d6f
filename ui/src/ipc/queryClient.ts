// One QueryClient setup: IPC is local, so retries and focus refetches only add noise;
// errors are typed as IpcError because call() guarantees it.
import { QueryClient } from "@tanstack/react-query";
import type { IpcError } from "../bindings/IpcError";

declare module "@tanstack/react-query" {
  interface Register {
    defaultError: IpcError;
  }
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false, staleTime: 30_000 },
      mutations: { retry: false },
    },
  });
}
