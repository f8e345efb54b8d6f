// The quote being edited in the builder: the input, header and line edits, moving and
// removing lines, and the server's field errors (an error goes away when its field changes;
// line errors all go when lines move, since their indices no longer match).
import { useCallback, useState } from "react";
import type { FieldError } from "../bindings/FieldError";
import type { QuoteInput } from "../bindings/QuoteInput";
import type { QuoteLineInput } from "../bindings/QuoteLineInput";
import { lineField } from "./fieldErrors";

const isLineError = (e: FieldError) => e.field.startsWith("lines[");

export function useQuoteDraft(initial: () => QuoteInput) {
  const [input, setInput] = useState(initial);
  const [errors, setErrors] = useState<FieldError[]>([]);

  const change = useCallback((patch: Partial<QuoteInput>) => {
    setInput((i) => ({ ...i, ...patch }));
    setErrors((es) => es.filter((e) => !(e.field in patch)));
  }, []);

  const editLine = useCallback((index: number, patch: Partial<QuoteLineInput>) => {
    setInput((i) => ({ ...i, lines: i.lines.map((l, j) => (j === index ? { ...l, ...patch } : l)) }));
    const cleared = new Set(Object.keys(patch).map((k) => lineField(index, k)));
    setErrors((es) => es.filter((e) => !cleared.has(e.field)));
  }, []);

  const addLine = useCallback((line: QuoteLineInput) => {
    setInput((i) => ({ ...i, lines: [...i.lines, line] }));
  }, []);

  const moveLine = useCallback((index: number, by: -1 | 1) => {
    setInput((i) => {
      const to = index + by;
      if (to < 0 || to >= i.lines.length) return i;
      const lines = [...i.lines];
      [lines[index], lines[to]] = [lines[to], lines[index]];
      return { ...i, lines };
    });
    setErrors((es) => es.filter((e) => !isLineError(e)));
  }, []);

  const removeLine = useCallback((index: number) => {
    setInput((i) => ({ ...i, lines: i.lines.filter((_, j) => j !== index) }));
    setErrors((es) => es.filter((e) => !isLineError(e)));
  }, []);

  return { input, errors, setErrors, change, editLine, addLine, moveLine, removeLine };
}
