// The Competitor matrix area (竞品矩阵): the list of matrices, or one matrix in the editor.
import { useState } from "react";
import "./matrix.css";
import { MatrixEditor } from "./MatrixEditor";
import { MatrixList } from "./MatrixList";

export function MatrixPage() {
  const [open, setOpen] = useState<string | null>(null);
  if (open === null) return <MatrixList onOpen={setOpen} />;
  return <MatrixEditor key={open} id={open} onBack={() => setOpen(null)} />;
}
