// The tab's placeholders in the input guard's isolated world: the map every redaction numbers with, kept
// for the tab by the background when the policy says `placeholderMap: tab` (top frame only), and, with
// `placeholders: restore`, the restorer that shows the originals in the page's answers.
import type { GuardStatusReply } from '../guard/guard-messages';
import { PlaceholderMap } from '../guard/placeholder-map';
import { ask, type MessageInput } from '../messages';
import { startAnswerRestorer, type AnswerRestorer } from './answer-restorer';
import { createRestoreMarks } from './restore-marks';
import { startRestoreTooltip } from './restore-tooltip';

export interface TabPlaceholders {
  /** The map, once the background said how this page numbers and any kept values are back. */
  ready(): Promise<PlaceholderMap>;
  /** The background's answer about this frame (null: it could not be asked; numbering starts afresh). */
  configure(status: GuardStatusReply | null): void;
  stop(): void;
}

export interface TabPlaceholdersEnvironment {
  send: (message: MessageInput) => Promise<unknown>;
  /** "Restored on this device by Gatehouse", in the browser's language. */
  restoredLabel: () => string;
  topFrame: boolean;
}

export function createTabPlaceholders(env: TabPlaceholdersEnvironment): TabPlaceholders {
  const map = new PlaceholderMap();
  let settle: () => void = () => undefined;
  const configured = new Promise<void>((resolve) => (settle = resolve));
  const stops: (() => void)[] = [];

  const keep = () => {
    stops.push(
      map.onAdded((entries) => {
        void ask(env.send, { type: 'placeholders:add', entries: [...entries] }).catch((error: unknown) =>
          console.error('Gatehouse input guard:', error),
        );
      }),
    );
  };

  const restore = (display: 'inline' | 'on-hover') => {
    let restorer: AnswerRestorer | null = null;
    const start = () => {
      if (restorer || map.size === 0) return;
      const marks = createRestoreMarks();
      restorer = startAnswerRestorer({ original: (p) => map.original(p), display, marks });
      const tooltip = startRestoreTooltip(marks, display, env.restoredLabel());
      stops.push(() => {
        tooltip();
        restorer?.stop();
      });
    };
    const whenBody = () => {
      if (document.body) start();
      else document.addEventListener('DOMContentLoaded', start, { once: true });
    };
    // Nothing to restore until something was numbered (here, or in a kept map).
    stops.push(map.onAdded(whenBody));
    whenBody();
  };

  return {
    ready: async () => {
      await configured;
      return map;
    },
    configure(status) {
      void (async () => {
        try {
          if (!status?.guarded || status.placeholders.mode === 'typed') return;
          const { mode, restoreDisplay, map: scope } = status.placeholders;
          if (scope === 'tab' && env.topFrame) {
            try {
              map.load((await ask(env.send, { type: 'placeholders:load' })).entries);
            } catch (error) {
              // The page numbers afresh; the kept values stay in the background for the next load.
              console.error('Gatehouse input guard:', error);
            }
            keep();
          }
          if (mode === 'restore') restore(restoreDisplay);
        } finally {
          settle();
        }
      })();
    },
    stop() {
      for (const stop of stops.splice(0)) stop();
      map.clear();
    },
  };
}
