// A task as the screens show it in the user's language: the labels the dataset reader made up
// ("canonical_solution", "sample 1"), and the bundled tasks' stock origins ("synthetic sample",
// "human"), said in that language; or, blind, "Answer A", "Answer B"… in this trainer's order for
// the task, with no origin. Display only: sessions, storage and exports keep the task as read.
import { blindOrder } from '../domain/blindLabels.js';
import type { Task } from '../domain/task.js';
import { madeUpLabel } from '../formats/datasets.js';
import type { AnyT } from '../i18n/i18n.js';

/** The origins tasks/README.md gives as examples, which bundled tasks use; any other is data, shown as is. */
const STOCK_ORIGINS: Record<string, 'solutions.originSynthetic' | 'solutions.originHuman'> = {
  'synthetic sample': 'solutions.originSynthetic',
  human: 'solutions.originHuman',
};

/**
 * How solutions are named: by their own labels, or blind with the trainer's key (`reveal`: after a
 * practice submit, the letter with the real name beside it).
 */
export type LabelView = { blind: false } | { blind: true; key: string; reveal?: boolean };

/** solution id → letter, for a blind view (what the submit keeps as `shownLabels`). */
export function blindLabelsOf(task: Pick<Task, 'id' | 'solutions'>, key: string): Record<string, string> {
  return Object.fromEntries(blindOrder(task.solutions.map((s) => s.id), key, task.id).map((b) => [b.id, b.letter]));
}

export function shownTask(task: Task, t: AnyT, view: LabelView = { blind: false }): Task {
  const named = namedTask(task, t);
  if (!view.blind) return named;
  const byId = new Map(named.solutions.map((s) => [s.id, s]));
  const solutions = blindOrder(task.solutions.map((s) => s.id), view.key, task.id).map(({ id, letter }) => {
    const { origin: _, ...s } = byId.get(id)!;
    const label = t('solutions.blind', { ns: 'common', letter });
    return { ...s, label: view.reveal ? t('solutions.blindRevealed', { ns: 'common', label, name: byId.get(id)!.label }) : label };
  });
  return { ...named, solutions };
}

/**
 * The task as a submitted judgement saw it, for a reviewer: each solution's own name after the
 * blind label the trainer judged it under ("Answer A · Stack without…"), as the critiques may say "A".
 */
export function asJudged(task: Task, shownLabels: Readonly<Record<string, string>> | undefined, t: AnyT): Task {
  const named = namedTask(task, t);
  if (!shownLabels) return named;
  const solutions = named.solutions.map((s) => {
    const letter = Object.hasOwn(shownLabels, s.id) ? shownLabels[s.id] : undefined;
    return letter ? { ...s, label: t('solutions.blindRevealed', { ns: 'common', label: t('solutions.blind', { ns: 'common', letter }), name: s.label }) } : s;
  });
  return { ...named, solutions };
}

function namedTask(task: Task, t: AnyT): Task {
  let changed = false;
  const solutions = task.solutions.map((s) => {
    const made = madeUpLabel(s);
    if (!made) return s;
    changed = true;
    return { ...s, label: made.kind === 'canonical' ? t('solutions.canonical', { ns: 'common' }) : t('solutions.sample', { ns: 'common', n: made.n }) };
  });
  return changed ? { ...task, solutions } : task;
}

/** A solution's origin to show: a stock one in the user's language, any other as data. */
export function shownOrigin(origin: string, t: AnyT): { text: string; data: boolean } {
  const stock = Object.hasOwn(STOCK_ORIGINS, origin) ? STOCK_ORIGINS[origin] : undefined;
  return stock ? { text: t(stock, { ns: 'common' }), data: false } : { text: origin, data: true };
}
