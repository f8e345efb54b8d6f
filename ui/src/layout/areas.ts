// The app's areas in navigation order; the keys are also the nav-<area> test ids.
export const AREAS = [
  "dashboard",
  "customers",
  "contacts",
  "products",
  "opportunities",
  "quotes",
  "contracts",
  "legal",
  "partners",
  "matrix",
  "compliance",
  "settings",
] as const;

export type Area = (typeof AREAS)[number];
