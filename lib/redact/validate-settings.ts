// Checks a policy's redaction settings before they are deployed: shape (zod) and, per custom pattern,
// whether it compiles under RE2. The policy checker turns these into errors with JSON paths.
import { compileCustomPattern } from './detect-custom';
import { redactionSettingsSchema } from './settings';

export interface SettingsProblem {
  /** JSON path, e.g. `redaction.customPatterns[0].pattern`. */
  path: string;
  message: string;
}

function formatPath(base: string, path: readonly PropertyKey[]): string {
  let out = base;
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : `${out ? '.' : ''}${String(key)}`;
  return out;
}

/**
 * Returns every problem found (an empty list when the settings are usable). `basePath` prefixes the paths;
 * it defaults to `redaction`, the key under which the policy bundle holds these settings.
 */
export function validateRedactionSettings(settings: unknown, basePath = 'redaction'): SettingsProblem[] {
  const parsed = redactionSettingsSchema.safeParse(settings ?? {});
  if (!parsed.success) {
    return parsed.error.issues.map((issue) => ({
      path: formatPath(basePath, issue.path),
      message: issue.message,
    }));
  }
  const problems: SettingsProblem[] = [];
  parsed.data.customPatterns.forEach((custom, index) => {
    const compiled = compileCustomPattern(custom.pattern, custom.caseInsensitive);
    if (!compiled.ok) {
      problems.push({
        path: formatPath(basePath, ['customPatterns', index, 'pattern']),
        message: `not a valid RE2 (linear-time) regular expression: ${compiled.message}`,
      });
    }
  });
  return problems;
}
