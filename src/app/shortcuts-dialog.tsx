import { useRef } from 'react';
import { useModalDialog } from '../shared/use-modal-dialog';
import { useAtlasStore } from '../store/atlas-store';

const shortcuts: [string[], string][] = [
  [['Tab'], 'Move to the next control or concept (concepts come in the order of the argument)'],
  [['Enter'], 'Select the focused concept'],
  [['←', '↑', '→', '↓'], 'Move to a connected concept in that direction'],
  [['Esc'], 'Clear the selection, or close a menu'],
  [['/'], 'Search concepts'],
  [['Ctrl', 'K'], 'Search concepts'],
  [['↑', '↓', 'Enter'], 'Choose a search result'],
  [['?'], 'Show this list'],
];

/** The list of keyboard shortcuts, in a modal dialog that `?` opens. */
export function ShortcutsDialog() {
  const open = useAtlasStore((s) => s.shortcutsOpen);
  const setOpen = useAtlasStore((s) => s.setShortcutsOpen);
  const ref = useRef<HTMLDialogElement>(null);
  useModalDialog(ref, open);
  return (
    <dialog
      ref={ref}
      className="shortcuts"
      aria-labelledby="shortcuts-title"
      onClose={() => setOpen(false)}
      onCancel={() => setOpen(false)}
    >
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <table className="shortcuts__table">
        <tbody>
          {shortcuts.map(([keys, what]) => (
            <tr key={`${keys.join('+')} ${what}`}>
              <th scope="row">
                {keys.map((key) => (
                  <kbd key={key}>{key}</kbd>
                ))}
              </th>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {/* eslint-disable-next-line jsx-a11y/no-autofocus -- the dialog's initial focus, as the HTML dialog guidance recommends: the table before it has nothing to focus */}
      <button type="button" className="button" onClick={() => setOpen(false)} autoFocus>
        Close
      </button>
    </dialog>
  );
}
