// The live preview behind the builder's totals: preview_quote for the input as typed, at most
// once per 150 ms pause, keeping the last answer on screen while the next one is computed.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { QuoteInput } from "../bindings/QuoteInput";
import { previewQuote } from "../ipc/quotes";
import { useDebounced } from "../table/useDebounced";

export const PREVIEW_DEBOUNCE_MS = 150;

export function useQuotePreview(input: QuoteInput) {
  const settled = useDebounced(input, PREVIEW_DEBOUNCE_MS);
  return useQuery({
    queryKey: ["quote_preview", settled],
    queryFn: () => previewQuote(settled),
    placeholderData: keepPreviousData,
    gcTime: 30_000,
  });
}
