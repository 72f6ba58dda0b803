// Compiles a bundle with the real CLI (`npm run --silent cli -- policy compile`), as an admin would.
import { execFileSync } from 'node:child_process';

export function compilePolicy(file: string, target: string, ...flags: string[]): string {
  return execFileSync(
    'npx',
    ['tsx', 'cli/index.ts', 'policy', 'compile', file, '--target', target, ...flags],
    {
      encoding: 'utf8',
    },
  );
}
