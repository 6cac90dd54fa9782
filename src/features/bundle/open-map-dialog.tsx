import { useId, useRef, useState, type FormEvent } from 'react';
import { backToBuiltIn, openBundle } from './bundle-actions';
import { useModalDialog } from '../../shared/use-modal-dialog';
import { BUNDLE_FILE_NAME, EXAMPLE_ELEMENT_ID, MAX_BUNDLE_BYTES } from '../../model/bundle-format';
import { downloadBlob } from '../../shared/download';
import { useAtlasStore } from '../../store/atlas-store';
import './open-map-dialog.css';

const LIMIT_MB = MAX_BUNDLE_BYTES / 1024 / 1024;

/**
 * The one-file build carries the example inside the page, since from disk there is no file beside
 * it to link to: the link then saves it as a file made here, the same bytes as the hosted one.
 */
function saveInlineExample(event: React.MouseEvent<HTMLAnchorElement>) {
  const inline = document.getElementById(EXAMPLE_ELEMENT_ID)?.textContent;
  if (!inline) return;
  event.preventDefault();
  const text = `${JSON.stringify(JSON.parse(inline), null, 1)}\n`;
  downloadBlob(new Blob([text], { type: 'application/json' }), BUNDLE_FILE_NAME);
}

/**
 * Opens another map: a bundle file from this computer or from a web address. Also offers the
 * built-in map as an example file, and the way back to it.
 */
export function OpenMapDialog() {
  const open = useAtlasStore((s) => s.openMapOpen);
  const setOpen = useAtlasStore((s) => s.setOpenMapOpen);
  const source = useAtlasStore((s) => s.source);
  const ref = useRef<HTMLDialogElement>(null);
  const [address, setAddress] = useState('');
  const id = useId();
  useModalDialog(ref, open);

  function openFile(files: FileList | null) {
    const file = files?.[0];
    if (!file) return;
    setOpen(false);
    void openBundle({ kind: 'file', file });
  }

  function openAddress(event: FormEvent) {
    event.preventDefault();
    if (!address.trim()) return;
    setOpen(false);
    void openBundle({ kind: 'url', url: address.trim() });
  }

  return (
    <dialog
      ref={ref}
      className="open-map"
      aria-labelledby={`${id}-title`}
      onClose={() => setOpen(false)}
      onCancel={() => setOpen(false)}
    >
      <h2 id={`${id}-title`}>Open another map</h2>
      <p className="open-map__lead">
        A map file holds an article and its concept map. The map on screen stays until the new one
        has been checked.
      </p>
      {source.kind === 'bundle' ? (
        <p className="open-map__current">
          Showing <strong>{source.name}</strong>.{' '}
          <button
            type="button"
            className="button"
            onClick={() => {
              setOpen(false);
              backToBuiltIn();
            }}
          >
            Back to the built-in article
          </button>
        </p>
      ) : null}
      <div className="open-map__option">
        <label className="open-map__label" htmlFor={`${id}-file`}>
          From this computer (a .json map file, up to {LIMIT_MB} MB; you can also drop it on the
          page)
        </label>
        <input
          id={`${id}-file`}
          className="open-map__file"
          type="file"
          accept=".json,application/json"
          onChange={(event) => {
            openFile(event.target.files);
            event.target.value = '';
          }}
        />
      </div>
      <form className="open-map__option" onSubmit={openAddress}>
        <label className="open-map__label" htmlFor={`${id}-url`}>
          From a web address (http or https; the server must allow this site to read it)
        </label>
        <div className="open-map__row">
          <input
            id={`${id}-url`}
            className="open-map__url"
            type="url"
            inputMode="url"
            placeholder="https://example.org/reading.json"
            value={address}
            onChange={(event) => setAddress(event.target.value)}
          />
          <button type="submit" className="button" disabled={!address.trim()}>
            Open
          </button>
        </div>
      </form>
      <p className="open-map__example">
        <a href={BUNDLE_FILE_NAME} download onClick={saveInlineExample}>
          Download the built-in map as an example file
        </a>{' '}
        to see the format.
      </p>
      <button type="button" className="button button--quiet" onClick={() => setOpen(false)}>
        Close
      </button>
    </dialog>
  );
}
