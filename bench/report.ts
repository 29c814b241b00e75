/** Shared printing and statistics for benchmarks. */

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

export function summarize(samples: readonly number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const sum = sorted.reduce((a, b) => a + b, 0);
  return {
    n: sorted.length,
    mean: sum / sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
  };
}

export function fmt(value: number, digits = 1): string {
  return Number.isFinite(value) ? value.toFixed(digits) : 'n/a';
}

/** A figure against its target: "2.1 s (target ≤ 3 s: met)". */
export function against(value: number, target: number, unit: string, lowerIsBetter = true): string {
  const met = lowerIsBetter ? value <= target : value >= target;
  return `${fmt(value)} ${unit} (target ${lowerIsBetter ? '≤' : '≥'} ${target} ${unit}: ${met ? 'met' : 'NOT met'})`;
}

export function ratio(value: number, baseline: number): string {
  return `${fmt(value / baseline, 2)}×`;
}

export function printTable(
  title: string,
  headers: readonly string[],
  rows: readonly (readonly (string | number)[])[],
) {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: readonly string[]) => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  process.stdout.write(
    `\n${title}\n${line(cells[0] ?? [])}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n`,
  );
  for (const r of cells.slice(1)) process.stdout.write(`${line(r)}\n`);
}

export function print(line = ''): void {
  process.stdout.write(`${line}\n`);
}
