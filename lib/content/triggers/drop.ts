// Drop trigger: text or files dragged into the page from outside it (another window, the desktop).
import { listenFirst, type InputTrigger } from './trigger';

export const dropTrigger: InputTrigger = ({ intercept }) => {
  // Text moved within the page is already the page's: a drag that started here is not checked.
  let internalDrag = false;
  return listenFirst([
    [
      'drop',
      (event) => {
        if (!internalDrag) intercept(event, 'drop', (event as DragEvent).dataTransfer, null);
      },
    ],
    [
      'beforeinput',
      (event) => {
        // Only reached if a drop escaped the listener above.
        const input = event as InputEvent;
        if (input.inputType === 'insertFromDrop' && !internalDrag)
          intercept(input, 'drop', input.dataTransfer, input.data);
      },
    ],
    [
      'dragstart',
      (event) => {
        if (event.isTrusted) internalDrag = true;
      },
    ],
    ['dragend', () => (internalDrag = false)],
  ]);
};
