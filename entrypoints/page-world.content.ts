// The input guard's page-world script: registered at runtime by the background beside the isolated guard,
// on the same hosts, at document_start in the page's own world (lib/content/page-world.ts says why).
import { defineContentScript } from 'wxt/utils/define-content-script';
import { installPageWorld } from '../lib/content/page-world';

const installed = Symbol.for('gatehouse.pageWorld');

export default defineContentScript({
  registration: 'runtime',
  runAt: 'document_start',
  allFrames: true,
  world: 'MAIN',
  main() {
    const scope = globalThis as { [installed]?: boolean };
    if (scope[installed]) return;
    scope[installed] = true;
    installPageWorld();
  },
});
