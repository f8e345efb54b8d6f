// The Contracts area (and the Legal review area, which lists only contracts waiting for
// legal): the list, "New contract" from an accepted quote, or one contract's screen.
import { useState } from "react";
import "./contracts.css";
import { ContractDetailView } from "./ContractDetailView";
import { ContractList } from "./ContractList";

export function ContractsPage({ reviewQueue = false }: { reviewQueue?: boolean }) {
  const [open, setOpen] = useState<string | null>(null);
  if (open === null) return <ContractList reviewQueue={reviewQueue} onOpen={setOpen} />;
  return <ContractDetailView key={open} id={open} onBack={() => setOpen(null)} />;
}
