// The Quotes area: the list, or the builder for one quote (a new draft when id is null).
// Opening another revision (after "New revision") just swaps the id.
import { useState } from "react";
import { QuoteBuilder } from "./QuoteBuilder";
import { QuoteList } from "./QuoteList";

type Open = { id: string | null } | null;

export function QuotesPage() {
  const [open, setOpen] = useState<Open>(null);
  if (open === null) return <QuoteList onOpen={(id) => setOpen({ id })} />;
  return (
    <QuoteBuilder
      key={open.id ?? "new"}
      id={open.id}
      onOpen={(id) => setOpen({ id })}
      onBack={() => setOpen(null)}
    />
  );
}
