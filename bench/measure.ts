// Timing for benchmarks: repeat until a minimum duration, report the best of several rounds.
export interface Rate {
  perSecond: number;
  nsPerOp: number;
}

export function measureRate(operations: number, run: () => void, rounds = 5, minMs = 200): Rate {
  run(); // warm up
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    let repeats = 0;
    const start = performance.now();
    let elapsed = 0;
    do {
      run();
      repeats++;
      elapsed = performance.now() - start;
    } while (elapsed < minMs);
    best = Math.min(best, elapsed / repeats);
  }
  const nsPerOp = (best * 1e6) / operations;
  return { perSecond: 1e9 / nsPerOp, nsPerOp };
}

export function printTable(title: string, header: string[], rows: (string | number)[][]): void {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((row) => row[i]!.length)));
  const line = (row: string[]) => `| ${row.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(`\n${title}\n`);
  console.log(line(cells[0]!));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of cells.slice(1)) console.log(line(row));
}

export const formatRate = (n: number) => `${(n / 1e6).toFixed(2)} M/s`;
