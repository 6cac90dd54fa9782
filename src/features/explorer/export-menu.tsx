import { Panel, type ReactFlowState, useReactFlow, useStore } from '@xyflow/react';
import { LARGE_MAP } from '../../model/geometry';
import { drawMap } from '../../model/map-drawing';
import { useAtlasStore } from '../../store/atlas-store';
import { type FocusEvent, type KeyboardEvent, useCallback, useId, useRef, useState } from 'react';
import { downloadBlob } from '../../shared/download';
import { type ExportFormat, type ExportScope, exportMap } from './export-image';
import { useOutsidePress } from '../../shared/use-outside-press';
import './export-menu.css';

type Choice = { label: string; scope: ExportScope; format: ExportFormat };

const choices: readonly Choice[] = [
  { label: 'Whole map as PNG', scope: 'whole', format: 'png' },
  { label: 'Whole map as SVG (vector drawing)', scope: 'whole', format: 'svg' },
  { label: 'Current view as PNG', scope: 'view', format: 'png' },
  { label: 'Current view as SVG (vector drawing)', scope: 'view', format: 'svg' },
];

const selectFlowElement = (s: ReactFlowState) => s.domNode;

/** Lets the status paint before the drawing is made. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function reason(error: unknown): string {
  return error instanceof Error && error.message ? error.message : 'an unknown error';
}

/**
 * A disclosure in the map's corner that saves the whole map or the current view as an image.
 * Rendered inside `<ReactFlow>`, whose store gives it the nodes, their bounds and the element.
 */
export function ExportMenu() {
  const { getNodes, getEdges, getViewport } = useReactFlow();
  const atlas = useAtlasStore((s) => s.atlas);
  const setPrintOpen = useAtlasStore((s) => s.setPrintOpen);
  const flowElement = useStore(selectFlowElement);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const listId = useId();

  const closeMenu = useCallback(() => setOpen(false), []);
  // A click anywhere else closes the menu, as it would a native one.
  useOutsidePress(panelRef, open, closeMenu);

  function close() {
    setOpen(false);
    toggleRef.current?.focus();
  }

  async function save({ scope, format }: Choice) {
    close();
    if (busy) return;
    setError(null);
    if (!flowElement) {
      setError('The image could not be made: the map is not ready yet.');
      return;
    }
    setBusy(true);
    try {
      await nextTask();
      const shown = getNodes().filter((node) => !node.hidden);
      const { x, y, zoom } = getViewport();
      const frame = {
        x: -x / zoom,
        y: -y / zoom,
        width: flowElement.clientWidth / zoom,
        height: flowElement.clientHeight / zoom,
      };
      // A large map gives elements only to the concepts near the camera, and draws its relations
      // itself: there, the drawing has every concept and relation.
      const windowed = (atlas?.graph.concepts.length ?? 0) > LARGE_MAP;
      const drawn = windowed
        ? {}
        : {
            concepts: new Set(shown.filter((n) => n.type === 'concept').map((n) => n.id)),
            relations: new Set(
              getEdges()
                .filter((e) => !e.hidden)
                .map((e) => e.id),
            ),
          };
      const drawing = atlas
        ? drawMap(atlas, { ...drawn, ...(scope === 'view' ? { frame } : {}) })
        : { viewBox: frame, sections: [], relations: [], concepts: [] };
      const title = atlas?.article.meta.title ?? 'Concept map';
      const image = await exportMap({ format, scope, drawing, zoom, title });
      downloadBlob(image, `concept-map-${scope}.${format}`);
    } catch (failure) {
      setError(`The image could not be made: ${reason(failure)}. Please try again.`);
    } finally {
      setBusy(false);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Escape' && open) {
      // Handled here, so the page does not also clear the selection.
      event.preventDefault();
      event.stopPropagation();
      close();
      return;
    }
    if (!open) return;
    const items = [...(listRef.current?.querySelectorAll('button') ?? [])];
    if (items.length === 0) return;
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    const last = items.length - 1;
    const next: Record<string, number> = {
      ArrowDown: at < 0 || at === last ? 0 : at + 1,
      ArrowUp: at <= 0 ? last : at - 1,
      Home: 0,
      End: last,
    };
    const index = next[event.key];
    if (index === undefined) return;
    event.preventDefault();
    items[index]?.focus();
  }

  function onBlur(event: FocusEvent<HTMLDivElement>) {
    const to = event.relatedTarget;
    if (to && !event.currentTarget.contains(to)) setOpen(false);
  }

  return (
    <Panel
      position="top-right"
      className="export-menu"
      ref={panelRef}
      onKeyDown={onKeyDown}
      onBlur={onBlur}
    >
      <button
        ref={toggleRef}
        type="button"
        className="export-menu__toggle"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen(!open)}
      >
        Export
        <span className="export-menu__chevron" aria-hidden="true">
          ▾
        </span>
      </button>
      <ul id={listId} ref={listRef} className="export-menu__list" hidden={!open}>
        {choices.map((choice) => (
          <li key={choice.label}>
            <button
              type="button"
              className="export-menu__item"
              disabled={busy}
              onClick={() => void save(choice)}
            >
              {choice.label}
            </button>
          </li>
        ))}
        <li>
          <button
            type="button"
            className="export-menu__item"
            onClick={() => {
              close();
              setPrintOpen(true);
            }}
          >
            Print a handout…
          </button>
        </li>
      </ul>
      <p className="export-menu__status" role="status">
        {busy ? 'Preparing image…' : ''}
      </p>
      {error ? (
        <p className="export-menu__error" role="alert">
          {error}
        </p>
      ) : null}
    </Panel>
  );
}
