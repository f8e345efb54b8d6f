// Query hook behind every customer picker (customer_options, max 50 per search).
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { customerOptions } from "./commands";

export function useCustomerOptions(search: string) {
  const term = search.trim() === "" ? null : search.trim();
  return useQuery({
    queryKey: ["customer_options", term],
    queryFn: () => customerOptions(term),
    placeholderData: keepPreviousData,
  });
}
