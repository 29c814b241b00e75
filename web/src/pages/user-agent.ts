/** "Chrome on Linux" from a User-Agent header: enough to tell one's own devices apart. */
export function describeUserAgent(ua: string | null): { browser: string; os: string } | undefined {
  if (!ua) return undefined;
  const browser =
    (/Edg\//.test(ua) && 'Edge') ||
    (/OPR\//.test(ua) && 'Opera') ||
    (/Firefox\//.test(ua) && 'Firefox') ||
    (/(Chrome|Chromium)\//.test(ua) && (/HeadlessChrome/.test(ua) ? 'Headless Chrome' : 'Chrome')) ||
    (/Safari\//.test(ua) && 'Safari') ||
    (/curl\//.test(ua) && 'curl') ||
    (/node/i.test(ua) && 'Node.js') ||
    undefined;
  const os =
    (/Android/.test(ua) && 'Android') ||
    (/iPhone|iPad|iPod/.test(ua) && 'iOS') ||
    (/Windows/.test(ua) && 'Windows') ||
    (/Mac OS X|Macintosh/.test(ua) && 'macOS') ||
    (/CrOS/.test(ua) && 'ChromeOS') ||
    (/Linux/.test(ua) && 'Linux') ||
    undefined;
  if (!browser && !os) return undefined;
  return { browser: browser ?? '?', os: os ?? '?' };
}
