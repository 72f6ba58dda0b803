// The input guard's main-world script: registered at runtime by the background beside the isolated guard,
// on the same hosts, at document_start in the page's own world (lib/content/main-world.ts says why).
import { defineContentScript } from 'wxt/utils/define-content-script';
import { installMainWorld } from '../lib/content/main-world';

const installed = Symbol.for('gatehouse.mainWorld');

export default defineContentScript({
  registration: 'runtime',
  runAt: 'document_start',
  allFrames: true,
  world: 'MAIN',
  main() {
    const scope = globalThis as { [installed]?: boolean };
    if (scope[installed]) return;
    scope[installed] = true;
    installMainWorld();
  },
});
