import { describe, expect, it } from 'vitest';
import { shortcutFor, type KeyPress, type ShortcutContext } from './taskShortcuts.js';

const press = (key: string, over: Partial<KeyPress> = {}): KeyPress => ({ key, ctrl: false, meta: false, alt: false, shift: false, handled: false, typing: false, inEditor: false, dialogOpen: false, ...over });
const ctx: ShortcutContext = { solutions: 3, readOnly: false, running: false };

describe('shortcutFor', () => {
  it('maps the single keys on the page', () => {
    expect(shortcutFor(press('?'), ctx)).toEqual({ type: 'help' });
    expect(shortcutFor(press('r'), ctx)).toEqual({ type: 'runAll' });
    expect(shortcutFor(press('n'), ctx)).toEqual({ type: 'move', by: 1 });
    expect(shortcutFor(press(']'), ctx)).toEqual({ type: 'move', by: 1 });
    expect(shortcutFor(press('p'), ctx)).toEqual({ type: 'move', by: -1 });
    expect(shortcutFor(press('['), ctx)).toEqual({ type: 'move', by: -1 });
    expect(shortcutFor(press('c'), ctx)).toEqual({ type: 'critique' });
    expect(shortcutFor(press('2'), ctx)).toEqual({ type: 'rank', rank: 2 });
    expect(shortcutFor(press('x'), ctx)).toBeUndefined();
  });

  it('Shift+N opens the next task of the list, never while typing', () => {
    expect(shortcutFor(press('N', { shift: true }), ctx)).toEqual({ type: 'nextTask' });
    expect(shortcutFor(press('N', { shift: true, typing: true }), ctx)).toBeUndefined();
    expect(shortcutFor(press('n', { shift: false }), ctx)).toEqual({ type: 'move', by: 1 });
  });

  it('Ctrl+Enter submits and Ctrl+Shift+Enter runs, even while typing', () => {
    expect(shortcutFor(press('Enter', { ctrl: true, typing: true }), ctx)).toEqual({ type: 'submit' });
    expect(shortcutFor(press('Enter', { meta: true, shift: true }), ctx)).toEqual({ type: 'runAll' });
    expect(shortcutFor(press('Enter'), ctx)).toBeUndefined();
  });

  it('Esc leaves a text box (not the code editor), and cancels a run otherwise', () => {
    expect(shortcutFor(press('Escape', { typing: true }), ctx)).toEqual({ type: 'leaveField' });
    expect(shortcutFor(press('Escape', { typing: true, inEditor: true }), ctx)).toBeUndefined();
    expect(shortcutFor(press('Escape'), ctx)).toBeUndefined();
    expect(shortcutFor(press('Escape'), { ...ctx, running: true })).toEqual({ type: 'cancel' });
  });

  it('is silent while typing, with modifiers, over a dialog, or for a key a control handled', () => {
    for (const over of [{ typing: true }, { ctrl: true }, { alt: true }, { meta: true }, { dialogOpen: true }, { handled: true }])
      expect(shortcutFor(press('1', over), ctx), JSON.stringify(over)).toBeUndefined();
  });

  it('ranks only up to the number of solutions, and not once submitted', () => {
    expect(shortcutFor(press('3'), ctx)).toEqual({ type: 'rank', rank: 3 });
    expect(shortcutFor(press('4'), ctx)).toBeUndefined();
    expect(shortcutFor(press('0'), ctx)).toBeUndefined();
    expect(shortcutFor(press('1'), { ...ctx, readOnly: true })).toBeUndefined();
    expect(shortcutFor(press('c'), { ...ctx, solutions: 0 })).toBeUndefined();
  });
});
