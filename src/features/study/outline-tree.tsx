import { ChevronRight } from 'lucide-react';
import {
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { kindStyles } from '../../model/kinds';
import { buildOutline, outlineParents, type OutlineNode } from '../../model/outline';
import { useAtlasStore } from '../../store/atlas-store';
import { KindIcon, SectionIcon } from '../../shared/kind-icon';
import './outline-tree.css';

type OutlineTreeProps = {
  /** Marks shown after a concept's label, such as "has notes" or "visited". */
  renderBadges?: (conceptId: string) => ReactNode;
};

/** A node the reader can currently see, because every node above it is open. */
type VisibleItem = { node: OutlineNode; parentId: string | undefined };

/** What every item needs from the tree; rebuilt on each render of the tree. */
type TreeContext = {
  isOpen: (node: OutlineNode) => boolean;
  tabStopId: string | undefined;
  selectedId: string | null;
  domId: (nodeId: string) => string;
  activate: (node: OutlineNode) => void;
  toggle: (node: OutlineNode) => void;
  renderBadges: ((conceptId: string) => ReactNode) | undefined;
};

/** After this pause, typing starts a new search instead of extending the last one. */
const TYPE_AHEAD_RESET_MS = 500;

const itemDomId = (prefix: string, nodeId: string) => `${prefix}-item-${nodeId}`;

/** Labels such as “"Modernization" as the direction” are found by their first word. */
const searchable = (label: string) => label.replace(/^[^\p{L}\p{N}]+/u, '').toLowerCase();

function OutlineItem({
  node,
  level,
  position,
  size,
  tree,
}: {
  node: OutlineNode;
  level: number;
  position: number;
  size: number;
  tree: TreeContext;
}) {
  const isSection = node.kind === 'section';
  const hasChildren = node.children.length > 0;
  const open = hasChildren && tree.isOpen(node);
  const selected = node.conceptId !== null && node.conceptId === tree.selectedId;
  const id = tree.domId(node.id);
  const badges =
    node.conceptId !== null && tree.renderBadges ? tree.renderBadges(node.conceptId) : null;
  const hasBadges = badges !== null && badges !== undefined && badges !== false;
  // Named by its own row only: the default name from content would also read every child.
  const labelledBy = [
    `${id}-label`,
    isSection ? null : `${id}-kind`,
    hasBadges ? `${id}-badges` : null,
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <li
      role="treeitem"
      id={id}
      data-node-id={node.id}
      className={`outline-tree__item${isSection ? ' outline-tree__item--section' : ''}`}
      aria-labelledby={labelledBy}
      aria-level={level}
      aria-posinset={position}
      aria-setsize={size}
      aria-expanded={hasChildren ? open : undefined}
      aria-selected={selected ? true : undefined}
      tabIndex={node.id === tree.tabStopId ? 0 : -1}
    >
      {/* eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-static-element-interactions -- a treeitem's row: the tree handles the keys of its focused item */}
      <div className="outline-tree__row" onClick={() => tree.activate(node)}>
        <span
          className="outline-tree__twisty"
          aria-hidden="true"
          onClick={(event) => {
            if (!hasChildren || isSection) return;
            // The arrow only opens or closes; the rest of the row selects.
            event.stopPropagation();
            tree.toggle(node);
          }}
        >
          {hasChildren ? <ChevronRight size={16} strokeWidth={2.5} focusable="false" /> : null}
        </span>
        {node.kind === 'section' ? (
          <span className="outline-tree__icon">
            <SectionIcon aria-hidden="true" focusable="false" size={17} strokeWidth={2.25} />
          </span>
        ) : (
          <span
            className="outline-tree__icon"
            style={{ '--kind-colour': kindStyles[node.kind].colour } as React.CSSProperties}
          >
            <KindIcon kind={node.kind} size={16} />
          </span>
        )}
        <span id={`${id}-label`} className="outline-tree__label">
          {node.label}
        </span>
        {node.kind === 'section' ? null : (
          <span id={`${id}-kind`} className="outline-tree__kind">
            <span className="visually-hidden">(</span>
            {kindStyles[node.kind].label}
            <span className="visually-hidden">)</span>
          </span>
        )}
        {hasBadges ? (
          <span id={`${id}-badges`} className="outline-tree__badges">
            {badges}
          </span>
        ) : null}
      </div>
      {open ? (
        <ul role="group" className="outline-tree__group">
          {node.children.map((child, index) => (
            <OutlineItem
              key={child.id}
              node={child}
              level={level + 1}
              position={index + 1}
              size={node.children.length}
              tree={tree}
            />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/**
 * The argument as an outline: sections, their main ideas and what supports them, as a WAI-ARIA
 * tree. It is the map's text alternative, so it follows the map's selection and sets it.
 */
export function OutlineTree({ renderBadges }: OutlineTreeProps) {
  const atlas = useAtlasStore((s) => s.atlas);
  const selectedId = useAtlasStore((s) => s.selectedId);
  const select = useAtlasStore((s) => s.select);

  const outline = useMemo(() => (atlas ? buildOutline(atlas) : []), [atlas]);
  const parents = useMemo(() => outlineParents(outline), [outline]);

  // Only choices that differ from the default are kept: sections open, concepts closed.
  const [openState, setOpenState] = useState<ReadonlyMap<string, boolean>>(() => new Map());
  const [activeId, setActiveId] = useState<string | null>(null);
  const typed = useRef({ text: '', at: 0 });
  const treeRef = useRef<HTMLUListElement>(null);
  const prefix = useId();

  // A selection made anywhere opens the way to it and becomes the tree's tab stop.
  const [followed, setFollowed] = useState<{ selectedId: string | null; outline: OutlineNode[] }>({
    selectedId: null,
    outline: [],
  });
  if (followed.selectedId !== selectedId || followed.outline !== outline) {
    setFollowed({ selectedId, outline });
    if (selectedId !== null && parents.has(selectedId)) {
      setOpenState((previous) => {
        const next = new Map(previous);
        for (let up = parents.get(selectedId); up !== undefined; up = parents.get(up)) {
          next.set(up, true);
        }
        return next;
      });
      setActiveId(selectedId);
    }
  }

  const isOpen = (node: OutlineNode) => openState.get(node.id) ?? node.kind === 'section';

  const visible: VisibleItem[] = [];
  const collect = (nodes: OutlineNode[], parentId: string | undefined) => {
    for (const node of nodes) {
      visible.push({ node, parentId });
      if (node.children.length > 0 && isOpen(node)) collect(node.children, node.id);
    }
  };
  collect(outline, undefined);
  const visibleIds = new Set(visible.map((item) => item.node.id));

  // The last item focused keeps the tab stop; if it is hidden, the nearest open ancestor takes it.
  let tabStopId: string | undefined = activeId ?? undefined;
  while (tabStopId !== undefined && !visibleIds.has(tabStopId)) tabStopId = parents.get(tabStopId);
  tabStopId ??= visible[0]?.node.id;

  const domId = (nodeId: string) => itemDomId(prefix, nodeId);

  useEffect(() => {
    if (selectedId === null) return;
    const item = document.getElementById(itemDomId(prefix, selectedId));
    if (!item) return;
    (item.firstElementChild ?? item).scrollIntoView({ block: 'nearest' });
    // Follow with focus only someone already working in the tree, never one on the map.
    const tree = treeRef.current;
    if (tree?.contains(document.activeElement) && document.activeElement !== item) item.focus();
  }, [selectedId, outline, prefix]);

  if (!atlas) return null;

  const setOpen = (nodeId: string, open: boolean) =>
    setOpenState((previous) => new Map(previous).set(nodeId, open));

  const toggle = (node: OutlineNode) => setOpen(node.id, !isOpen(node));

  const activate = (node: OutlineNode) => {
    if (node.conceptId === null) toggle(node);
    else select(node.conceptId);
  };

  const focusItem = (nodeId: string | undefined) => {
    if (nodeId === undefined) return;
    setActiveId(nodeId);
    document.getElementById(domId(nodeId))?.focus();
  };

  const typeAhead = (character: string, index: number) => {
    const now = Date.now();
    const text =
      now - typed.current.at > TYPE_AHEAD_RESET_MS ? character : typed.current.text + character;
    typed.current = { text, at: now };
    const query = text.toLowerCase();
    // Pressing one letter again and again steps through the items that start with it.
    const repeated = [...query].every((c) => c === query[0]);
    const needle = repeated ? query.slice(0, 1) : query;
    const start = repeated ? index + 1 : index;
    for (let step = 0; step < visible.length; step += 1) {
      const item = visible[(start + step) % visible.length];
      if (item && searchable(item.node.label).startsWith(needle)) {
        focusItem(item.node.id);
        return;
      }
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target as HTMLElement;
    const currentId = target.closest<HTMLElement>('[role="treeitem"]')?.dataset.nodeId;
    const index = visible.findIndex((item) => item.node.id === currentId);
    const current = visible[index];
    if (!current) return;
    const { node, parentId } = current;
    const hasChildren = node.children.length > 0;
    const typing = Date.now() - typed.current.at <= TYPE_AHEAD_RESET_MS;

    switch (event.key) {
      case 'ArrowDown':
        focusItem(visible[index + 1]?.node.id);
        break;
      case 'ArrowUp':
        focusItem(visible[index - 1]?.node.id);
        break;
      case 'ArrowRight':
        if (!hasChildren) break;
        if (isOpen(node)) focusItem(node.children[0]?.id);
        else setOpen(node.id, true);
        break;
      case 'ArrowLeft':
        if (hasChildren && isOpen(node)) setOpen(node.id, false);
        else focusItem(parentId);
        break;
      case 'Home':
        focusItem(visible[0]?.node.id);
        break;
      case 'End':
        focusItem(visible.at(-1)?.node.id);
        break;
      case 'Enter':
        activate(node);
        break;
      case '*': {
        const parent = visible.find((item) => item.node.id === parentId)?.node;
        const siblings = parent ? parent.children : outline;
        setOpenState((previous) => {
          const next = new Map(previous);
          for (const sibling of siblings)
            if (sibling.children.length > 0) next.set(sibling.id, true);
          return next;
        });
        break;
      }
      case ' ':
        // A space inside a typed search is part of it; otherwise it selects, like Enter.
        if (typing) typeAhead(' ', index);
        else activate(node);
        break;
      default:
        if (event.key.length !== 1) return;
        typeAhead(event.key, index);
    }
    // Moving or acting ends a typed search.
    if (event.key.length !== 1 || (event.key === ' ' && !typing) || event.key === '*') {
      typed.current = { text: '', at: 0 };
    }
    event.preventDefault();
  };

  const onFocus = (event: FocusEvent<HTMLUListElement>) => {
    const nodeId = (event.target as HTMLElement).dataset.nodeId;
    if (nodeId !== undefined) setActiveId(nodeId);
  };

  const tree: TreeContext = {
    isOpen,
    tabStopId,
    selectedId,
    domId,
    activate,
    toggle,
    renderBadges,
  };

  return (
    <div className="outline-tree">
      <h2 className="outline-tree__title">Outline of the argument</h2>
      <p className="outline-tree__hint">
        Use the arrow keys to move through the outline: <kbd>→</kbd> opens a part, <kbd>←</kbd>{' '}
        closes it, <kbd>Enter</kbd> shows a concept’s details.
      </p>
      <ul
        ref={treeRef}
        role="tree"
        aria-label="Outline of the argument"
        className="outline-tree__tree"
        onKeyDown={onKeyDown}
        onFocus={onFocus}
      >
        {outline.map((section, index) => (
          <OutlineItem
            key={section.id}
            node={section}
            level={1}
            position={index + 1}
            size={outline.length}
            tree={tree}
          />
        ))}
      </ul>
    </div>
  );
}
