import { useEffect, useRef, useState } from 'react';
import { Group, Panel, type PanelImperativeHandle, Separator } from 'react-resizable-panels';
import type { View } from '../model/route';
import { type NarrowTab, useAtlasStore } from '../store/atlas-store';
import { DetailsPanel } from './details-panel';
import { MainView } from './main-view';
import { SourceReader } from '../features/explorer/source-reader';

const COLLAPSED = 0;

/** What a paragraph of a map being made says when it takes the focus: the keys of its words. */
const PARAGRAPH_HINT =
  'Paragraph. Press Enter to select its words: the arrows move over them, with Shift they extend the selection.';

/** The article; on a map being made, each paragraph takes the focus, to select its words. */
function ArticleReader() {
  const drafting = useAtlasStore((s) => s.source.kind === 'draft');
  return <SourceReader paragraphHint={drafting ? PARAGRAPH_HINT : undefined} />;
}

/** A button that hides or shows a side panel. */
function PanelToggle({
  label,
  panel,
}: {
  label: string;
  panel: React.RefObject<PanelImperativeHandle | null>;
}) {
  const panels = useAtlasStore((s) => s.panels);
  const index = label === 'Details' ? 1 : 2;
  const shown = panels[index] > COLLAPSED;
  return (
    <button
      type="button"
      className="button button--quiet panel-toggle"
      aria-pressed={shown}
      onClick={() => (shown ? panel.current?.collapse() : panel.current?.expand())}
    >
      {label}
    </button>
  );
}

/** Map, details and article side by side; the side panels can be resized and collapsed. */
export function WideLayout() {
  const setPanels = useAtlasStore((s) => s.setPanels);
  // Sizes are read once: afterwards the panel group owns them and reports changes.
  const [initial] = useState(() => useAtlasStore.getState().panels);
  const details = useRef<PanelImperativeHandle | null>(null);
  const reader = useRef<PanelImperativeHandle | null>(null);
  const passageRequest = useAtlasStore((s) => s.passageRequest);
  useEffect(() => {
    // "Show in article" opens the article panel if the user had closed it.
    if (passageRequest && reader.current?.isCollapsed()) reader.current.expand();
  }, [passageRequest]);
  const draftPanel = useAtlasStore((s) =>
    s.source.kind === 'draft' && s.draftPanel !== 'concept' ? s.draftPanel : null,
  );
  useEffect(() => {
    // The draft's tours and its passages to fix are in the details panel: asking for them opens
    // it if closed.
    if (draftPanel && details.current?.isCollapsed()) details.current.expand();
  }, [draftPanel]);
  return (
    <div className="wide-layout">
      <Group
        orientation="horizontal"
        className="panel-group"
        defaultLayout={{ map: initial[0], details: initial[1], reader: initial[2] }}
        onLayoutChanged={(layout) =>
          setPanels(
            [layout.map ?? 50, layout.details ?? 0, layout.reader ?? 0].map(
              (n) => Math.round(n * 10) / 10,
            ) as [number, number, number],
          )
        }
      >
        <Panel id="map" minSize="30" className="panel panel--map">
          <MainView
            toggles={
              <div className="panel-toggles" role="group" aria-label="Show panels">
                <PanelToggle label="Details" panel={details} />
                <PanelToggle label="Article" panel={reader} />
              </div>
            }
          />
        </Panel>
        <Separator className="panel-separator" aria-label="Resize the details panel" />
        <Panel
          id="details"
          panelRef={details}
          minSize="16"
          collapsible
          collapsedSize="0"
          className="panel"
        >
          <div className="panel__scroll">
            <DetailsPanel />
          </div>
        </Panel>
        <Separator className="panel-separator" aria-label="Resize the article panel" />
        <Panel
          id="reader"
          panelRef={reader}
          minSize="18"
          collapsible
          collapsedSize="0"
          className="panel"
        >
          <ArticleReader />
        </Panel>
      </Group>
    </div>
  );
}

type NarrowTabSpec = { id: string; label: string; panel: NarrowTab; view?: View };

/** The one navigation of a narrow screen: the three views and the two side panels. */
const tabs: readonly NarrowTabSpec[] = [
  { id: 'map', label: 'Map', panel: 'map', view: 'map' },
  { id: 'outline', label: 'Outline', panel: 'map', view: 'outline' },
  { id: 'quiz', label: 'Quiz', panel: 'map', view: 'quiz' },
  { id: 'details', label: 'Details', panel: 'details' },
  { id: 'article', label: 'Article', panel: 'article' },
];

const panelsShown: readonly NarrowTab[] = ['map', 'details', 'article'];

/**
 * On a narrow screen the map, the outline, the quiz, the details and the article take turns, chosen
 * by one row of tabs, and what is shown has the whole height below it. A panel out of turn keeps
 * its size, unseen (see `.tabs__panel[hidden]`), so that the map can still frame a selection made
 * elsewhere and the article can still scroll to a passage.
 */
export function NarrowLayout() {
  const panel = useAtlasStore((s) => s.narrowTab);
  const view = useAtlasStore((s) => s.view);
  const setPanel = useAtlasStore((s) => s.setNarrowTab);
  const setView = useAtlasStore((s) => s.setView);
  const selectedId = useAtlasStore((s) => s.selectedId);
  const previous = useRef<string | null>(null);
  const current = panel === 'map' ? view : panel;
  useEffect(() => {
    // A new selection on the map (or in the outline) is read in the details tab.
    if (selectedId && selectedId !== previous.current && panel === 'map') setPanel('details');
    previous.current = selectedId;
  }, [selectedId, panel, setPanel]);
  function choose(tab: NarrowTabSpec) {
    if (tab.view) setView(tab.view);
    else setPanel(tab.panel);
  }
  function onKeyDown(event: React.KeyboardEvent) {
    const at = tabs.findIndex((t) => t.id === current);
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    const next = tabs[(at + step + tabs.length) % tabs.length]!;
    choose(next);
    document.getElementById(`tab-${next.id}`)?.focus();
  }
  return (
    <div className="narrow-layout">
      {/* eslint-disable-next-line jsx-a11y/interactive-supports-focus -- roving tabindex: the selected tab takes focus, the list handles the arrow keys */}
      <div className="tabs" role="tablist" aria-label="Views" onKeyDown={onKeyDown}>
        {tabs.map((t) => (
          <button
            key={t.id}
            id={`tab-${t.id}`}
            type="button"
            role="tab"
            aria-selected={current === t.id}
            aria-controls={`tabpanel-${t.panel}`}
            tabIndex={current === t.id ? 0 : -1}
            className="tabs__tab"
            onClick={() => choose(t)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div className="tabs__panels">
        {panelsShown.map((p) => (
          <div
            key={p}
            id={`tabpanel-${p}`}
            role="tabpanel"
            aria-labelledby={`tab-${p === 'map' ? view : p}`}
            hidden={panel !== p}
            className="tabs__panel"
          >
            {p === 'map' ? <MainView narrow /> : null}
            {p === 'details' ? (
              <div className="panel__scroll">
                <DetailsPanel />
              </div>
            ) : null}
            {p === 'article' ? <ArticleReader /> : null}
          </div>
        ))}
      </div>
    </div>
  );
}
