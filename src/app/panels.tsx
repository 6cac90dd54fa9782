import { useEffect, useRef, useState } from 'react';
import { Group, Panel, type PanelImperativeHandle, Separator } from 'react-resizable-panels';
import { type NarrowTab, useAtlasStore } from '../store/atlas-store';
import { DetailsPanel } from './details-panel';
import { MainView } from './main-view';
import { SourceReader } from '../features/explorer/source-reader';

const COLLAPSED = 0;

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
          <SourceReader />
        </Panel>
      </Group>
    </div>
  );
}

const tabs: { id: NarrowTab; label: string }[] = [
  { id: 'map', label: 'Map' },
  { id: 'details', label: 'Details' },
  { id: 'article', label: 'Article' },
];

/** On a narrow screen the three panels take turns, switched by tabs. */
export function NarrowLayout() {
  const tab = useAtlasStore((s) => s.narrowTab);
  const setTab = useAtlasStore((s) => s.setNarrowTab);
  const selectedId = useAtlasStore((s) => s.selectedId);
  const previous = useRef<string | null>(null);
  useEffect(() => {
    // A new selection on the map is read in the details tab.
    if (selectedId && selectedId !== previous.current && tab === 'map') setTab('details');
    previous.current = selectedId;
  }, [selectedId, tab, setTab]);
  function onKeyDown(event: React.KeyboardEvent) {
    const at = tabs.findIndex((t) => t.id === tab);
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    const next = tabs[(at + step + tabs.length) % tabs.length]!;
    setTab(next.id);
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
            aria-selected={tab === t.id}
            aria-controls={`tabpanel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            className="tabs__tab"
            onClick={() => setTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      {tabs.map((t) => (
        <div
          key={t.id}
          id={`tabpanel-${t.id}`}
          role="tabpanel"
          aria-labelledby={`tab-${t.id}`}
          hidden={tab !== t.id}
          className="tabs__panel"
        >
          {t.id === 'map' ? <MainView /> : null}
          {t.id === 'details' ? (
            <div className="panel__scroll">
              <DetailsPanel />
            </div>
          ) : null}
          {t.id === 'article' ? <SourceReader /> : null}
        </div>
      ))}
    </div>
  );
}
