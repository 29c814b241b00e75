/** Plain terminal output for the CLI (the logger is for machines; this is for people). */
export function print(line = ''): void {
  process.stdout.write(`${line}\n`);
}

export function printError(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** A fixed-width table; cells are stringified and padded. */
export function table(headers: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const cells = [headers, ...rows.map((r) => r.map((c) => (c === null || c === undefined ? '' : String(c))))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: readonly string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [
    line(cells[0] ?? []),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...cells.slice(1).map(line),
  ].join('\n');
}

/**
 * Progress for long work: a redrawn bar on a terminal, a line every `every` items (and at the
 * end) when output goes to a file or CI log.
 */
export function progress(label: string, total: number, every = Math.max(1, Math.ceil(total / 20))) {
  const tty = process.stdout.isTTY;
  const started = performance.now();
  let last = -1;
  return {
    tick(done: number, note = '') {
      const pct = total === 0 ? 100 : Math.floor((done / total) * 100);
      if (tty) {
        const width = 24;
        const filled = Math.round((pct / 100) * width);
        process.stdout.write(
          `\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${note}`.padEnd(
            90,
          ),
        );
        if (done >= total) process.stdout.write('\n');
      } else if (done >= total || done - last >= every) {
        print(`${label} ${done}/${total} (${pct}%) ${note}`.trimEnd());
        last = done;
      }
    },
    elapsedMs: () => Math.round(performance.now() - started),
  };
}

/** Parses "30d", "12h", "90m" or "45s" into milliseconds. */
export function parseDuration(text: string): number | undefined {
  const match = /^(\d+)\s*(s|m|h|d|w)$/.exec(text.trim());
  if (!match) return undefined;
  const unit = { s: 1e3, m: 6e4, h: 36e5, d: 864e5, w: 6048e5 }[match[2] as 's' | 'm' | 'h' | 'd' | 'w'];
  return Number(match[1]) * unit;
}
