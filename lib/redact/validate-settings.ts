// Checks a policy's redaction settings before they are deployed: shape (zod) and, per custom pattern,
// whether it compiles under RE2. The policy checker turns the problems into errors with JSON paths.
import { compileCustomPattern } from './detect-custom';
import { redactionSettingsSchema } from './settings';

export interface SettingsProblem {
  /** JSON path, e.g. `redaction.customPatterns[0].pattern`. */
  path: string;
  message: string;
}

export interface CustomPatternCheck {
  /** JSON path of the pattern, e.g. `redaction.customPatterns[0].pattern`. */
  path: string;
  name: string;
  compiles: boolean;
  /** Why it does not compile (RE2 syntax error, or it matches the empty string). */
  error?: string;
}

export interface SettingsValidation {
  valid: boolean;
  /** Every problem, shape errors and patterns that do not compile alike; empty when `valid`. */
  problems: SettingsProblem[];
  /** One entry per custom pattern, in order (empty when the shape itself is wrong). */
  customPatterns: CustomPatternCheck[];
}

function formatPath(base: string, path: readonly PropertyKey[]): string {
  let out = base;
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : `${out ? '.' : ''}${String(key)}`;
  return out;
}

/**
 * Validates `settings` (the policy's `redaction` object). `basePath` prefixes the JSON paths; it defaults to
 * `redaction`, the key under which the policy bundle holds these settings.
 */
export function validateRedactionSettings(settings: unknown, basePath = 'redaction'): SettingsValidation {
  const parsed = redactionSettingsSchema.safeParse(settings ?? {});
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => ({
      path: formatPath(basePath, issue.path),
      message: issue.message,
    }));
    return { valid: false, problems, customPatterns: [] };
  }
  const customPatterns = parsed.data.customPatterns.map((custom, index): CustomPatternCheck => {
    const path = formatPath(basePath, ['customPatterns', index, 'pattern']);
    const compiled = compileCustomPattern(custom.pattern, custom.caseInsensitive);
    return compiled.ok
      ? { path, name: custom.name, compiles: true }
      : { path, name: custom.name, compiles: false, error: compiled.message };
  });
  const problems = customPatterns
    .filter((check) => !check.compiles)
    .map((check) => ({
      path: check.path,
      message: `not a valid RE2 (linear-time) regular expression: ${check.error}`,
    }));
  return { valid: problems.length === 0, problems, customPatterns };
}
