import { useRef } from 'react';
import { usePageKeyGroups } from '../shared/page-keys';
import { useModalDialog } from '../shared/use-modal-dialog';
import { useAtlasStore } from '../store/atlas-store';

/**
 * The list of keyboard shortcuts, in a modal dialog that `?` opens: the keys of whatever is on
 * screen, as they were declared, so the list cannot drift from the keys.
 */
export function ShortcutsDialog() {
  const groups = usePageKeyGroups();
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
      {groups.map((group) => (
        <table key={group.title} className="shortcuts__table">
          <caption>{group.title}</caption>
          <tbody>
            {group.keys.map(({ keys, does }) => (
              <tr key={`${keys.join('+')} ${does}`}>
                <th scope="row">
                  {keys.map((key) => (
                    <kbd key={key}>{key}</kbd>
                  ))}
                </th>
                <td>{does}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
      {/* eslint-disable-next-line jsx-a11y/no-autofocus -- the dialog's initial focus, as the HTML dialog guidance recommends: the table before it has nothing to focus */}
      <button type="button" className="button" onClick={() => setOpen(false)} autoFocus>
        Close
      </button>
    </dialog>
  );
}
