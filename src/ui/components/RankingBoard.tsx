// The ranking as tie groups, best first, with drag and drop (@dnd-kit/core) and keys on each chip.
// It only turns gestures into rank actions (domain/ranking.ts), which the evaluation reducer
// applies: the board never sets a rank itself, it previews one with the same applyRankAction.
import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  closestCenter,
  pointerWithin,
  useDndContext,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type DragStartEvent,
  type KeyboardCoordinateGetter,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvaluationAction } from '../../domain/evaluation.js';
import { applyRankAction, compactRanks, groupsOf, sameRanks, type RankAction, type Ranks } from '../../domain/ranking.js';
import type { Solution } from '../../domain/task.js';
import type { Verdict } from '../../domain/verdict.js';

export type RankingBoardProps = {
  /** In task order; ties inside a group keep this order. */
  solutions: readonly Pick<Solution, 'id' | 'label'>[];
  ranks: Ranks;
  dispatch: (action: EvaluationAction) => void;
  /** Shown as a small mark on each chip when known. */
  verdicts?: Readonly<Record<string, Verdict | undefined>>;
  disabled?: boolean;
};

/** Drop targets: a group (tie), the gap before group `index` (new position), or the tray (unrank). */
type Target = { kind: 'group'; index: number } | { kind: 'gap'; index: number } | { kind: 'tray' };
const targetId = (t: Target): string => (t.kind === 'tray' ? 'tray' : `${t.kind}:${t.index}`);
function parseTarget(id: UniqueIdentifier | undefined): Target | undefined {
  if (id === undefined) return undefined;
  const s = String(id);
  if (s === 'tray') return { kind: 'tray' };
  const m = /^(group|gap):(\d+)$/.exec(s);
  return m ? { kind: m[1] as 'group' | 'gap', index: Number(m[2]) } : undefined;
}

/** The rank action a drop on `target` stands for. */
function dropAction(id: string, target: Target): RankAction {
  if (target.kind === 'group') return { type: 'tie', solutionId: id, group: target.index };
  if (target.kind === 'gap') return { type: 'rankBefore', solutionId: id, group: target.index };
  return { type: 'rank', solutionId: id, rank: undefined };
}

const chipDomId = (id: string) => `jp-chip-${id}`;

export function RankingBoard({ solutions, ranks, dispatch, verdicts = {}, disabled = false }: RankingBoardProps) {
  const { t, i18n } = useTranslation(['judgement', 'judging']);
  const ids = useMemo(() => solutions.map((s) => s.id), [solutions]);
  const labelOf = useMemo(() => {
    const labels = new Map(solutions.map((s) => [s.id, s.label]));
    return (id: UniqueIdentifier) => labels.get(String(id)) ?? String(id);
  }, [solutions]);
  const dense = useMemo(() => compactRanks(ranks), [ranks]);
  const { groups, unranked } = useMemo(() => groupsOf(dense, ids), [dense, ids]);

  // Announcements and the keyboard coordinate getter are called by dnd-kit outside React's render,
  // so they read the latest ranks through a ref.
  const latest = useRef({ dense, groups });
  latest.current = { dense, groups };

  const [activeId, setActiveId] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const focusAfter = useRef<string | null>(null);

  const list = (names: string[]) => new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(names);
  const placeText = (id: string, next: Ranks): string => {
    const label = labelOf(id);
    const rank = Object.hasOwn(next, id) ? next[id] : undefined;
    if (rank === undefined) return t('board.place.unranked', { label });
    const others = ids.filter((o) => o !== id && next[o] === rank).map(labelOf);
    return others.length
      ? t('board.place.tied', { label, position: rank, others: list(others) })
      : t('board.place.alone', { label, position: rank });
  };

  const commit = (action: RankAction, announce: boolean) => {
    const next = applyRankAction(latest.current.dense, action);
    if (announce) setMessage(placeText(action.solutionId, next));
    if (sameRanks(next, ranks)) return;
    focusAfter.current = action.solutionId;
    dispatch(action);
  };

  // A chip moved to another group is a new element: give it focus back.
  useEffect(() => {
    const id = focusAfter.current;
    if (id === null) return;
    focusAfter.current = null;
    const el = document.getElementById(chipDomId(id));
    if (el && document.activeElement !== el) el.focus();
  }, [ranks]);

  const onChipKey = (id: string, e: ReactKeyboardEvent<HTMLButtonElement>): boolean => {
    if (disabled || e.ctrlKey || e.metaKey || e.altKey) return false;
    const { groups: gs } = latest.current;
    const label = labelOf(id);
    const g = gs.findIndex((group) => group.includes(id));
    const alone = g >= 0 && gs[g]!.length === 1;
    const say = (key: 'board.place.first' | 'board.place.last' | 'board.place.unranked' | 'board.place.noneAbove') => setMessage(t(key, { label }));
    const before = (group: number) => commit({ type: 'rankBefore', solutionId: id, group }, true);
    if (e.key === 'ArrowUp') {
      if (g < 0) before(gs.length);
      else if (!alone) before(g);
      else if (g > 0) before(g - 1);
      else say('board.place.first');
      return true;
    }
    if (e.key === 'ArrowDown') {
      if (g < 0) say('board.place.unranked');
      else if (!alone) before(g + 1);
      else if (g < gs.length - 1) before(g + 2);
      else say('board.place.last');
      return true;
    }
    if (/^[1-9]$/.test(e.key)) {
      commit({ type: 'rank', solutionId: id, rank: Number(e.key) }, true);
      return true;
    }
    if (e.key === 't' || e.key === 'T') {
      const above = g < 0 ? gs.length - 1 : g - 1;
      if (above >= 0) commit({ type: 'tie', solutionId: id, group: above }, true);
      else say('board.place.noneAbove');
      return true;
    }
    if (e.key === 'Delete' || e.key === 'Backspace') {
      commit({ type: 'rank', solutionId: id, rank: undefined }, true);
      return true;
    }
    return false;
  };

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: useTargetStepper(latest) }),
  );

  const overText = (active: UniqueIdentifier, over: UniqueIdentifier | undefined): string => {
    const id = String(active);
    const label = labelOf(id);
    const target = parseTarget(over);
    if (!target) return t('board.drag.overNothing', { label });
    const { dense: now, groups: gs } = latest.current;
    if (target.kind === 'tray') return t('board.drag.overTray', { label });
    if (target.kind === 'group') {
      if (gs[target.index]?.includes(id)) return t('board.drag.overOwn', { label });
      return t('board.drag.overGroup', { label, position: target.index + 1 });
    }
    const next = applyRankAction(now, dropAction(id, target));
    return t('board.drag.overGap', { label, position: next[id] ?? target.index + 1 });
  };

  const announcements: Announcements = {
    onDragStart: ({ active }) => t('board.drag.start', { label: labelOf(active.id) }),
    onDragOver: ({ active, over }) => overText(active.id, over?.id),
    onDragEnd: ({ active, over }) => {
      const target = parseTarget(over?.id);
      if (!target) return t('board.drag.endNowhere', { label: labelOf(active.id) });
      return placeText(String(active.id), applyRankAction(latest.current.dense, dropAction(String(active.id), target)));
    },
    onDragCancel: ({ active }) => t('board.drag.cancel', { label: labelOf(active.id) }),
  };

  const onDragStart = (e: DragStartEvent) => {
    setMessage('');
    setActiveId(String(e.active.id));
  };
  const onDragEnd = (e: DragEndEvent) => {
    setActiveId(null);
    const target = parseTarget(e.over?.id);
    if (!target || disabled) return;
    const id = String(e.active.id);
    // The drop is announced by dnd-kit; focus goes back to the chip only for keyboard drags.
    commit(dropAction(id, target), false);
    if (!(e.activatorEvent instanceof KeyboardEvent)) focusAfter.current = null;
  };

  const chip = (id: string) => (
    <Chip
      key={id}
      id={id}
      label={labelOf(id)}
      verdict={verdicts[id]}
      disabled={disabled}
      onKey={onChipKey}
    />
  );

  return (
    <section className="jp-board" aria-labelledby="jp-board-heading">
      <h3 id="jp-board-heading" className="jp-board-heading">
        {t('board.heading')}
      </h3>
      <p className="jp-hint" id="jp-board-hint">
        {t('board.hint')}
      </p>
      <DndContext
        sensors={sensors}
        collisionDetection={collisionDetection}
        onDragStart={onDragStart}
        onDragEnd={onDragEnd}
        onDragCancel={() => setActiveId(null)}
        accessibility={{
          announcements,
          screenReaderInstructions: { draggable: t('board.drag.instructions') },
        }}
      >
        <div className={`jp-groups${activeId ? ' jp-dragging' : ''}`} role="list" aria-labelledby="jp-board-heading">
          <Gap index={0} position={1} empty={groups.length === 0} disabled={disabled} />
          {groups.flatMap((group, g) => [
            <GroupRow key={`group-${g}`} index={g} tied={group.length > 1} disabled={disabled}>
              {group.map(chip)}
            </GroupRow>,
            <Gap key={`gap-${g + 1}`} index={g + 1} position={g + 2} empty={false} disabled={disabled} />,
          ])}
        </div>
        <Tray disabled={disabled}>{unranked.map(chip)}</Tray>
        <DragOverlay dropAnimation={null}>
          {activeId ? (
            <span className="jp-chip jp-chip-overlay">
              <span className="jp-chip-label">{labelOf(activeId)}</span>
            </span>
          ) : null}
        </DragOverlay>
      </DndContext>
      <div className="visually-hidden" role="status" aria-live="polite">
        {message}
      </div>
    </section>
  );
}

/**
 * Pointer drags hit what is under the pointer. Keyboard drags have no pointer: the target is the
 * drop zone under the centre of the dragged chip (the stepper below centres it on one), else the
 * closest one.
 */
const collisionDetection: CollisionDetection = (args) => {
  if (args.pointerCoordinates) return pointerWithin(args);
  const r = args.collisionRect;
  const cx = r.left + r.width / 2;
  const cy = r.top + r.height / 2;
  const hits = args.droppableContainers.filter((c) => {
    const rect = args.droppableRects.get(c.id);
    return rect !== undefined && cx >= rect.left && cx <= rect.right && cy >= rect.top && cy <= rect.bottom;
  });
  if (hits.length) return hits.map((c) => ({ id: c.id, data: { droppableContainer: c, value: 0 } }));
  return closestCenter(args);
};

/**
 * Keyboard drags: ↑/↓ step to the previous/next drop zone that would change something (plus the
 * chip's own place), top to bottom, instead of dnd-kit's default 25-pixel nudges.
 * Modelled on @dnd-kit/sortable's sortableKeyboardCoordinates.
 */
function useTargetStepper(latest: { current: { dense: Ranks } }): KeyboardCoordinateGetter {
  return useMemo<KeyboardCoordinateGetter>(
    () =>
      (event, { context }) => {
        const dir = event.code === 'ArrowDown' || event.code === 'ArrowRight' ? 1 : event.code === 'ArrowUp' || event.code === 'ArrowLeft' ? -1 : 0;
        if (dir === 0) return undefined;
        event.preventDefault();
        const { active, collisionRect, droppableContainers, over } = context;
        if (!active || !collisionRect) return undefined;
        const id = String(active.id);
        const now = latest.current.dense;
        const home = Object.hasOwn(now, id) ? targetId({ kind: 'group', index: now[id]! - 1 }) : 'tray';
        const zones = droppableContainers
          .getEnabled()
          .filter((c) => {
            if (!c.rect.current) return false;
            if (String(c.id) === home) return true;
            const target = parseTarget(c.id);
            return target !== undefined && !sameRanks(now, applyRankAction(now, dropAction(id, target)));
          })
          .sort((a, b) => a.rect.current!.top - b.rect.current!.top);
        const cy = collisionRect.top + collisionRect.height / 2;
        let i = zones.findIndex((c) => c.id === (over?.id ?? home));
        if (i < 0) i = dir > 0 ? zones.findIndex((c) => c.rect.current!.top > cy) - 1 : zones.findIndex((c) => c.rect.current!.bottom >= cy);
        const next = zones[i + dir];
        if (!next) return undefined;
        const rect = next.rect.current!;
        return {
          x: rect.left + rect.width / 2 - collisionRect.width / 2,
          y: rect.top + rect.height / 2 - collisionRect.height / 2,
        };
      },
    [latest],
  );
}

function GroupRow({ index, tied, disabled, children }: { index: number; tied: boolean; disabled: boolean; children: ReactNode }) {
  const { t } = useTranslation('judgement');
  const { setNodeRef, isOver, active } = useDroppable({ id: targetId({ kind: 'group', index }), disabled });
  return (
    <div ref={setNodeRef} role="listitem" className="jp-group" data-over={isOver && active ? 'true' : undefined} data-tied={tied || undefined}>
      <span className="jp-position">
        <span className="visually-hidden">{t('board.position', { position: index + 1 })}</span>
        <span aria-hidden="true">{index + 1}</span>
      </span>
      <div className="jp-chips">{children}</div>
      {tied && <span className="jp-tie">{t('board.tie')}</span>}
    </div>
  );
}

/** A drop zone between groups (a new position there); when nothing is ranked, the place to start. */
function Gap({ index, position, empty, disabled }: { index: number; position: number; empty: boolean; disabled: boolean }) {
  const { t } = useTranslation('judgement');
  const { setNodeRef, isOver, active } = useDroppable({ id: targetId({ kind: 'gap', index }), disabled });
  return (
    <div ref={setNodeRef} className={empty ? 'jp-gap jp-gap-empty' : 'jp-gap'} data-over={isOver && active ? 'true' : undefined} aria-hidden="true">
      {empty ? t('board.emptyDrop') : isOver && active ? t('board.newPosition', { position }) : null}
    </div>
  );
}

function Tray({ disabled, children }: { disabled: boolean; children: ReactNode[] }) {
  const { t } = useTranslation('judgement');
  const { setNodeRef, isOver, active } = useDroppable({ id: 'tray', disabled });
  return (
    <div ref={setNodeRef} className="jp-tray" data-over={isOver && active ? 'true' : undefined}>
      <h4 className="jp-tray-heading" id="jp-tray-heading">
        {t('board.tray')}
      </h4>
      {children.length ? (
        <div className="jp-chips" role="list" aria-labelledby="jp-tray-heading">
          {children.map((c, i) => (
            <div role="listitem" key={i} className="jp-tray-item">
              {c}
            </div>
          ))}
        </div>
      ) : (
        <p className="jp-hint">{t('board.trayEmpty')}</p>
      )}
    </div>
  );
}

function Chip({
  id,
  label,
  verdict,
  disabled,
  onKey,
}: {
  id: string;
  label: string;
  verdict: Verdict | undefined;
  disabled: boolean;
  onKey: (id: string, e: ReactKeyboardEvent<HTMLButtonElement>) => boolean;
}) {
  const { t } = useTranslation('judgement');
  const { active } = useDndContext();
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({
    id,
    disabled,
    attributes: { roleDescription: t('board.chipRole') },
  });
  const onKeyDown = (e: ReactKeyboardEvent<HTMLButtonElement>) => {
    // During a keyboard drag the arrows belong to dnd-kit's sensor.
    if (!active && onKey(id, e)) {
      e.preventDefault();
      return;
    }
    listeners?.onKeyDown?.(e);
  };
  return (
    <button
      type="button"
      ref={setNodeRef}
      id={chipDomId(id)}
      className="jp-chip"
      data-dragging={isDragging || undefined}
      disabled={disabled}
      {...attributes}
      {...listeners}
      onKeyDown={onKeyDown}
    >
      <span className="jp-chip-label">{label}</span>
      {verdict && (
        <span className="jp-chip-verdict" data-status={verdict}>
          {t(`verdict.${verdict}`, { ns: 'common' })}
        </span>
      )}
    </button>
  );
}
