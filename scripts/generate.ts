// Writes the files generated from the zod schema and the default policy (run by `npm run build`; a unit test
// checks they are current).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { generatedFiles } from './generated-files';

for (const [path, content] of Object.entries(generatedFiles())) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  console.log(`generated ${path}`);
}
