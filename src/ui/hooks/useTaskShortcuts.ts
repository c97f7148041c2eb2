// The task screen's shortcuts on the page: reads each key press into the map of taskShortcuts.ts
// and carries out what it says. Also keeps the "current" solution (the one N/P, C and the digits
// act on) following the card that has focus.
import { useCallback, useEffect, useRef, useState } from 'react';
import { shortcutFor, type Shortcut } from '../taskShortcuts.js';

export type ShortcutActions = {
  runAll(): void;
  submit(): void;
  cancel(): void;
  help(): void;
  /** Opens the next task of the list (nothing when there is none). */
  nextTask(): void;
  rank(solutionId: string, rank: number): void;
};

const cardOf = (id: string) => document.getElementById(`jp-card-${id}`);

/** Focuses a card itself, not its rank box: focus stays where single-key shortcuts still work. */
function focusCard(card: HTMLElement | null): void {
  if (!card) return;
  card.tabIndex = -1;
  card.focus();
}

export function useTaskShortcuts(solutionIds: readonly string[], state: { readOnly: boolean; running: boolean }, actions: ShortcutActions) {
  const [current, setCurrent] = useState(0);
  const latest = useRef({ current, solutionIds, state, actions });
  latest.current = { current, solutionIds, state, actions };

  const focusSolution = useCallback((i: number) => {
    const ids = latest.current.solutionIds;
    const n = ids.length;
    const next = ((i % n) + n) % n;
    setCurrent(next);
    focusCard(cardOf(ids[next]!));
  }, []);

  useEffect(() => {
    const run = (s: Shortcut, target: HTMLElement | null) => {
      const { current: i, solutionIds: ids, actions: a } = latest.current;
      const solution = ids[i];
      switch (s.type) {
        case 'runAll':
          return a.runAll();
        case 'submit':
          return a.submit();
        case 'cancel':
          return a.cancel();
        case 'help':
          return a.help();
        case 'nextTask':
          return a.nextTask();
        case 'leaveField': {
          const card = target?.closest<HTMLElement>('.jp-card') ?? null;
          target?.blur();
          return focusCard(card);
        }
        case 'move':
          return focusSolution(i + s.by);
        case 'critique':
          return void (solution && document.getElementById(`critique-${solution}`)?.focus());
        case 'rank':
          return void (solution && a.rank(solution, s.rank));
      }
    };
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      const inEditor = !!target?.closest?.('.monaco-editor');
      const typing = !!target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) || inEditor);
      const { solutionIds: ids, state: st } = latest.current;
      const shortcut = shortcutFor(
        { key: e.key, ctrl: e.ctrlKey, meta: e.metaKey, alt: e.altKey, shift: e.shiftKey, handled: e.defaultPrevented, typing, inEditor, dialogOpen: !!document.querySelector('dialog[open]') },
        { solutions: ids.length, readOnly: st.readOnly, running: st.running },
      );
      if (!shortcut) return;
      // Esc only moves focus out of the text box; everything else is the page's, not the browser's.
      if (shortcut.type !== 'leaveField') e.preventDefault();
      run(shortcut, target);
    };
    // The current solution follows focus, so shortcuts act on the card the trainer is in.
    const onFocus = (e: FocusEvent) => {
      const card = (e.target as HTMLElement | null)?.closest?.('.jp-card');
      const i = card ? latest.current.solutionIds.findIndex((id) => card.id === `jp-card-${id}`) : -1;
      if (i >= 0) setCurrent(i);
    };
    window.addEventListener('keydown', onKey);
    document.addEventListener('focusin', onFocus);
    return () => {
      window.removeEventListener('keydown', onKey);
      document.removeEventListener('focusin', onFocus);
    };
  }, [focusSolution]);

  return { current, setCurrent, focusSolution };
}
