/**
 * Paths the dashboard never answers for: the API and the operational endpoints keep their own
 * problem+json 404s, so a typo in an API path never comes back as an HTML page with status 200.
 * The dashboard's dev server (web/vite.config.ts) proxies exactly these to the API.
 */
export const RESERVED_PATHS = [
  '/api',
  '/docs',
  '/openapi.json',
  '/interactions',
  '/healthz',
  '/readyz',
  '/metrics',
] as const;

export function isReservedPath(url: string): boolean {
  const pathname = url.split('?')[0] ?? url;
  return RESERVED_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`));
}
