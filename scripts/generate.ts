// Writes the files generated from code (the zod schemas, the default policy, the CLI's help; run by
// `npm run build`; a unit test checks they are current).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { generatedFiles } from './generated-files';

for (const [path, content] of Object.entries(await generatedFiles())) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  console.log(`generated ${path}`);
}
