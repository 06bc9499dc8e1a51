export const PROWLER_VERSION: string;
export const PROWLER_BIN: string;
/** Installs the pinned Prowler into .tools/prowler when missing; returns the executable's path. */
export function ensureProwler(): string;
