// One-off import of the researched catalog (the team's services.json, kept outside this project) into
// policies/catalog.json. Re-run after the research is updated: `npx tsx scripts/import-catalog.ts PATH`; it
// keeps every source. Nothing else in the project reads the research file.
import { readFileSync, writeFileSync } from 'node:fs';
import { catalogSchema } from '../lib/catalog/catalog-schema';

interface ResearchSource {
  url: string;
  what: string;
  seen_in_research: boolean;
}
interface ResearchService {
  [key: string]: unknown;
  evidence: ResearchSource[];
  host_sources: ResearchSource[];
}

const input = process.argv[2];
if (!input) {
  console.error('usage: npx tsx scripts/import-catalog.ts PATH/TO/services.json');
  process.exit(1);
}
const research = JSON.parse(readFileSync(input, 'utf8')) as ResearchService[];
const source = (s: ResearchSource) => ({ url: s.url, what: s.what, seenInResearch: s.seen_in_research });

const catalog = research.map((s) => ({
  id: s.id,
  name: s.name,
  operator: s.operator,
  operatorCountry: s.operator_country,
  parentCompany: s.parent_company,
  parentCountry: s.parent_country,
  jurisdiction: s.data_jurisdiction,
  confidence: s.jurisdiction_confidence,
  jurisdictionBasis: s.jurisdiction_basis,
  category: s.category,
  alsoCategories: s.also_categories,
  ...(s.subcategory ? { subcategory: s.subcategory } : {}),
  embedded: s.embedded,
  domains: s.domains,
  hosts: s.hosts,
  hostSuffixes: s.host_suffixes,
  hostPatterns: s.host_regex,
  urlPatterns: s.url_patterns,
  bans: s.bans,
  ...(s.notes ? { notes: s.notes } : {}),
  sources: { evidence: s.evidence.map(source), hosts: s.host_sources.map(source) },
}));

catalogSchema.parse(catalog);
writeFileSync('policies/catalog.json', JSON.stringify(catalog, null, 1) + '\n');
console.log(`policies/catalog.json: ${catalog.length} services`);
