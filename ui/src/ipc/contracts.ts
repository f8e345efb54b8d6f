// Typed wrappers for the contract and legal-review commands (docs/ipc.md › Contracts). Every
// change returns the whole ContractDetail, so the screen just replaces what it shows.
import type { ContractDetail } from "../bindings/ContractDetail";
import type { ContractStatus } from "../bindings/ContractStatus";
import type { ContractSummary } from "../bindings/ContractSummary";
import type { NewContract } from "../bindings/NewContract";
import type { TermsForm } from "../bindings/TermsForm";
import type { Topic } from "../bindings/Topic";
import { call } from "./call";

export type ItemDecision = "pass" | "accepted" | "change_required";

export const listContracts = () => call<ContractSummary[]>("list_contracts");
export const getContract = (id: string) => call<ContractDetail>("get_contract", { id });
export const createContract = (input: NewContract) => call<ContractDetail>("create_contract", { input });
export const saveContractTerms = (id: string, terms: TermsForm) => call<ContractDetail>("save_contract_terms", { id, terms });
export const editContractClause = (id: string, position: number, zh: string, en: string) =>
  call<ContractDetail>("edit_contract_clause", { id, position, zh, en });
/** `fallback`: the library fallback's 1-based position; 0 = back to the standard text. */
export const chooseContractFallback = (id: string, position: number, fallback: number) =>
  call<ContractDetail>("choose_contract_fallback", { id, position, fallback });
export const addContractClause = (id: string, topic: Topic, titleZh: string, titleEn: string, zh: string, en: string) =>
  call<ContractDetail>("add_contract_clause", { id, topic, titleZh, titleEn, zh, en });
export const markContract = (id: string, to: ContractStatus) => call<ContractDetail>("mark_contract", { id, to });

export const submitContractReview = (id: string) => call<ContractDetail>("submit_contract_review", { id });
export const waiveContractFlag = (id: string, flag: string, reason: string) =>
  call<ContractDetail>("waive_contract_flag", { id, flag, reason });
export const decideContractItem = (id: string, item: string, decision: ItemDecision, reason: string) =>
  call<ContractDetail>("decide_contract_item", { id, item, decision, reason });
export const requestContractChanges = (id: string, comment: string) =>
  call<ContractDetail>("request_contract_changes", { id, comment });
export const signOffContract = (id: string, comment: string) => call<ContractDetail>("sign_off_contract", { id, comment });

/** Native save dialog; null = cancelled. The final PDF is refused (conflict) until it may be made. */
export const exportContractPdf = (id: string, draft: boolean) => call<string | null>("export_contract_pdf", { id, draft });
/** Writes the PDF into the app's documents folder; returns its path. */
export const printContract = (id: string, draft: boolean) => call<string>("print_contract", { id, draft });
/** Legal's review report PDF through the native save dialog; null = cancelled. */
export const exportContractReviewReport = (id: string) => call<string | null>("export_contract_review_report", { id });
