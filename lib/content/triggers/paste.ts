// Paste trigger: the clipboard's content on its way into the page (keyboard, context menu, browser paste).
import { listenFirst, type InputTrigger } from './trigger';

const pasteInputTypes = new Set(['insertFromPaste', 'insertFromPasteAsQuotation']);

export const pasteTrigger: InputTrigger = ({ intercept }) =>
  listenFirst([
    ['paste', (event) => intercept(event, 'paste', (event as ClipboardEvent).clipboardData, null)],
    [
      'beforeinput',
      (event) => {
        // Only reached if a paste escaped the listener above (e.g. a browser-initiated paste).
        const input = event as InputEvent;
        if (pasteInputTypes.has(input.inputType)) intercept(input, 'paste', input.dataTransfer, input.data);
      },
    ],
  ]);
