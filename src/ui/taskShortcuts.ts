// The task screen's keyboard map (listed under `?`): which key does what, decided from the key and
// where it was pressed, without a DOM, so the map is tested on its own. useTaskShortcuts wires it
// to the page and carries the commands out.

/** A key press as the map needs it. */
export type KeyPress = {
  key: string;
  ctrl: boolean;
  meta: boolean;
  alt: boolean;
  shift: boolean;
  /** A control already handled it (a ranking chip's digit): it is not a shortcut as well. */
  handled: boolean;
  /** It was pressed in a text box, a select or the code editor. */
  typing: boolean;
  /** … and that was the code editor, which keeps its own Esc. */
  inEditor: boolean;
  /** A dialog is open: it has the keys. */
  dialogOpen: boolean;
};

export type ShortcutContext = { solutions: number; readOnly: boolean; running: boolean };

export type Shortcut =
  | { type: 'runAll' }
  | { type: 'submit' }
  /** Esc in a text box: back to the solution's card, where the single keys work again. */
  | { type: 'leaveField' }
  | { type: 'help' }
  | { type: 'cancel' }
  | { type: 'move'; by: 1 | -1 }
  /** The next task of the list, in its order and filters. */
  | { type: 'nextTask' }
  | { type: 'critique' }
  | { type: 'rank'; rank: number };

export function shortcutFor(k: KeyPress, c: ShortcutContext): Shortcut | undefined {
  if (k.key === 'Enter' && (k.ctrl || k.meta)) return k.shift ? { type: 'runAll' } : { type: 'submit' };
  if (k.typing && k.key === 'Escape' && !k.inEditor) return { type: 'leaveField' };
  if (k.handled || k.typing || k.ctrl || k.meta || k.alt || k.dialogOpen) return undefined;
  if (k.key === '?') return { type: 'help' };
  if (k.key === 'r') return { type: 'runAll' };
  if (k.key === 'Escape') return c.running ? { type: 'cancel' } : undefined;
  if (k.key === 'N' && k.shift) return { type: 'nextTask' };
  if (k.key === 'n' || k.key === ']') return { type: 'move', by: 1 };
  if (k.key === 'p' || k.key === '[') return { type: 'move', by: -1 };
  if (c.solutions === 0) return undefined;
  if (k.key === 'c') return { type: 'critique' };
  if (/^[1-9]$/.test(k.key) && !c.readOnly && Number(k.key) <= c.solutions) return { type: 'rank', rank: Number(k.key) };
  return undefined;
}

/** What a shortcut does, as the help dialog names it (`shortcuts.<action>` in judgement.json). */
export type ShortcutAction = 'runAll' | 'cancel' | 'nextSolution' | 'previousSolution' | 'nextTask' | 'setRank' | 'critique' | 'submit' | 'help';

/** The shortcuts as the help dialog lists them. */
export const SHORTCUTS: readonly { keys: string; action: ShortcutAction }[] = [
  { keys: 'R · Ctrl+Shift+Enter', action: 'runAll' },
  { keys: 'Esc', action: 'cancel' },
  { keys: 'N · ]', action: 'nextSolution' },
  { keys: 'P · [', action: 'previousSolution' },
  { keys: 'Shift+N', action: 'nextTask' },
  { keys: '1 – 9', action: 'setRank' },
  { keys: 'C', action: 'critique' },
  { keys: 'Ctrl+Enter', action: 'submit' },
  { keys: '?', action: 'help' },
];
