// Writes the files generated from code (run by `npm run build`; a unit test checks they are current).
import { writeFileSync } from 'node:fs';
import { generatedFiles } from './generated-files';

for (const [path, content] of Object.entries(await generatedFiles())) {
  writeFileSync(path, content);
  console.log(`generated ${path}`);
}
