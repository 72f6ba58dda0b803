// Writes the files generated from the zod schema: public/managed_schema.json (run by `npm run build`).
import { writeFileSync } from 'node:fs';
import { chromeManagedSchema } from '../lib/policy/managed-schema';

writeFileSync('public/managed_schema.json', JSON.stringify(chromeManagedSchema(), null, 2) + '\n');
console.log('generated public/managed_schema.json');
