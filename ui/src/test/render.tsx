// Renders the whole app (providers included) the way main.tsx does, with a fresh
// query cache per test.
import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Root } from "../Root";
import { createQueryClient } from "../ipc/queryClient";

export function renderApp() {
  const user = userEvent.setup();
  const client = createQueryClient();
  const result = render(<Root client={client} />);
  return { user, client, ...result };
}
