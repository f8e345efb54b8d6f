// Picks the page for the selected area. Each table page is keyed by its table so
// switching tables starts from fresh search/sort/paging state.
import { ContractsPage } from "../contracts/ContractsPage";
import { CompliancePage } from "../compliance/CompliancePage";
import { DashboardPage } from "../dashboard/DashboardPage";
import { MatrixPage } from "../matrix/MatrixPage";
import { NotBuiltPage } from "../pages/NotBuiltPage";
import { PartnersPage } from "../partners/PartnersPage";
import { SettingsPage } from "../pages/SettingsPage";
import { QuotesPage } from "../quotes/QuotesPage";
import { TablePage } from "../table/TablePage";
import { contactsTable } from "../tables/contacts";
import { customersTable } from "../tables/customers";
import { opportunitiesTable } from "../tables/opportunities";
import { productsTable } from "../tables/products";
import type { Area } from "./areas";

/** `visit` changes on every navigation click; the quotes and contracts areas restart on it (back to their list). */
export function AreaView({ area, visit = 0 }: { area: Area; visit?: number }) {
  switch (area) {
    case "dashboard":
      return <DashboardPage key={`dashboard-${visit}`} />;
    case "customers":
      return <TablePage key="customers" config={customersTable} />;
    case "contacts":
      return <TablePage key="contacts" config={contactsTable} />;
    case "products":
      return <TablePage key="products" config={productsTable} />;
    case "opportunities":
      return <TablePage key="opportunities" config={opportunitiesTable} />;
    case "quotes":
      return <QuotesPage key={`quotes-${visit}`} />;
    case "contracts":
      return <ContractsPage key={`contracts-${visit}`} />;
    case "legal":
      return <ContractsPage key={`legal-${visit}`} reviewQueue />;
    case "partners":
      return <PartnersPage key={`partners-${visit}`} />;
    case "matrix":
      return <MatrixPage key={`matrix-${visit}`} />;
    case "compliance":
      return <CompliancePage />;
    case "settings":
      return <SettingsPage />;
    default:
      return <NotBuiltPage />;
  }
}
