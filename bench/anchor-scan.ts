// A reference for the redaction benchmark, not an engine: only the scans that find where the personal data
// types of lib/redact/ could start (runs of six or more digits, '@', secret-token prefixes, secret and SSN
// context words, a country or NINO letter pair before digits), with no validation and no output. Whatever
// an engine then does to decide, it cannot be faster than finding its candidates, so this row bounds the
// throughput any engine detecting these types can reach on the same text.
const anchorScans = [
  /\d(?:[ ().\/-]?\d){5}/g,
  /\b(?:AKIA|AIza|gh[pousr]_|github_pat_|glpat-|xox[abposr]-|[sr]k_(?:live|test)_|whsec_|ya29\.|sk-|shp|sig=|sq0|SG\.|SK[0-9a-f]|npm_|pypi-|hf_|hvs\.|dop_v1_|dapi|key-|GOCSPX-|PMAK-|lin_api_|eyJ)/g,
  /pass|pwd|secret|key|token|credential|bearer|basic|ssn|social|itin|payer/gi,
  /[A-Za-z](?<![A-Za-z0-9][A-Za-z])[A-Za-z] ?\d\d/g,
];

/** Number of candidate anchors in `text` (returned so the work cannot be optimised away). */
export function scanAnchors(text: string): number {
  let found = 0;
  for (const scan of anchorScans) {
    scan.lastIndex = 0;
    while (scan.exec(text)) found++;
  }
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) found++;
  return found;
}
