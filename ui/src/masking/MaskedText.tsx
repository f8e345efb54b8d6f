// A personal value as the server sent it (masked by the data view's policy, or in clear),
// with the eye to reveal it where the view may (the value then shows in the dialog only).
// Used wherever a screen shows a single personal field outside the generic tables: quote
// owners and history, contracts and legal's review, the dashboard's drill-down.
import type { ReactNode } from "react";
import type { RevealTable } from "../bindings/RevealTable";
import { useDataView } from "../ipc/masking";
import { RevealButton } from "./RevealButton";

type Props = {
  table: RevealTable;
  /** The row's id (quote, event, item …); no eye without one. */
  id: string | null | undefined;
  field: string;
  label: string;
  /** The fields the server masked for this row. */
  masked: readonly string[];
  children: ReactNode;
  onRevealed?: (value: string) => void;
};

export function MaskedText({ table, id, field, label, masked, children, onRevealed }: Props) {
  const canReveal = useDataView().data?.can_reveal ?? false;
  if (!masked.includes(field) || !id) return <>{children}</>;
  return (
    <span className="masked-cell" data-testid={`masked-${id}-${field}`}>
      {children}
      {canReveal && <RevealButton table={table} id={id} field={field} label={label} onRevealed={onRevealed} />}
    </span>
  );
}
