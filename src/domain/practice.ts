// Practice feedback: a trainer's judgement of a bundled task set beside its gold answer — ranking
// agreement (Kendall's tau-b), rubric distance, and which known bugs the critiques name. Pure: no
// storage, no UI; every number can be recomputed from the task and the evaluation, and every bug
// match says what matched, so the feedback can be explained to the trainer.
import type { Evaluation, Judgement } from './evaluation.js';
import { compactRanks } from './ranking.js';
import { LOCALES, type Gold, type Locale, type Task } from './task.js';

type Ranks = Readonly<Record<string, number>>;

/**
 * Kendall's tau-b of two rankings (lower = better, equal numbers are ties) over the `ids` ranked in
 * both: (nc − nd) / √((n0 − n1)(n0 − n2)). Undefined with fewer than two such ids, or when either
 * side ties them all (the denominator is 0: there is no order to agree with).
 */
export function kendallTauB(a: Ranks, b: Ranks, ids: readonly string[]): number | undefined {
  const pairs = [...new Set(ids)].flatMap((id) => {
    const x = rankOf(a, id);
    const y = rankOf(b, id);
    return x === undefined || y === undefined ? [] : [[x, y] as const];
  });
  const n = pairs.length;
  let concordant = 0;
  let discordant = 0;
  let tiedA = 0;
  let tiedB = 0;
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const da = Math.sign(pairs[i]![0] - pairs[j]![0]);
      const db = Math.sign(pairs[i]![1] - pairs[j]![1]);
      if (da === 0) tiedA++;
      if (db === 0) tiedB++;
      if (da * db > 0) concordant++;
      else if (da * db < 0) discordant++;
    }
  const n0 = (n * (n - 1)) / 2;
  const denominator = Math.sqrt((n0 - tiedA) * (n0 - tiedB));
  return denominator === 0 ? undefined : (concordant - discordant) / denominator;
}

/** Gold tie groups (best first) as ranks 1..k; an id listed twice keeps its first group. */
export function goldRanks(gold: Pick<Gold, 'ranking'>): Record<string, number> {
  const ranks: Record<string, number> = {};
  gold.ranking.forEach((group, g) => {
    for (const id of group) if (!Object.hasOwn(ranks, id)) ranks[id] = g + 1;
  });
  return ranks;
}

/** One rubric cell; `diff` = trainer − gold (positive: the trainer was more generous). */
export type RubricCell = { trainer?: number; gold?: number; diff?: number };
export type RubricDifferences = {
  /** solution id → criterion id → cell, for every solution and criterion asked for. */
  cells: Record<string, Record<string, RubricCell>>;
  /** Mean |diff| over the cells scored on both sides ("rubric distance"); undefined when none are. */
  meanAbsoluteDifference?: number;
  /** How many cells were scored on both sides. */
  compared: number;
};

/** Trainer vs gold rubric scores; scores for criteria or solutions not asked for are ignored. */
export function rubricDifferences(
  trainer: Judgement['scores'],
  gold: Gold['scores'],
  criteria: readonly string[],
  solutionIds: readonly string[],
): RubricDifferences {
  const cells: Record<string, Record<string, RubricCell>> = {};
  let total = 0;
  let compared = 0;
  for (const solutionId of solutionIds) {
    const row: Record<string, RubricCell> = {};
    for (const criterion of criteria) {
      const t = scoreOf(trainer, solutionId, criterion);
      const g = scoreOf(gold, solutionId, criterion);
      const cell: RubricCell = {};
      if (t !== undefined) cell.trainer = t;
      if (g !== undefined) cell.gold = g;
      if (t !== undefined && g !== undefined) {
        cell.diff = t - g;
        total += Math.abs(t - g);
        compared++;
      }
      row[criterion] = cell;
    }
    cells[solutionId] = row;
  }
  return compared ? { cells, meanAbsoluteDifference: total / compared, compared } : { cells, compared };
}

/** Why a critique counts as mentioning a bug: the gold keyword or test name, as the task spells it. */
export type BugMatch = { kind: 'keyword'; text: string; locale: Locale } | { kind: 'test'; text: string };
export type BugMention = { bugId: string; solutionId: string; mentioned: boolean; matchedBy?: BugMatch };

/**
 * For each gold bug and each solution it lists, whether the trainer's critique of that solution
 * names it. Tried in order, first match wins: keywords in the critique's own locale, then the other
 * locale's (trainers write English terms into Spanish critiques, and the reverse), then the name of
 * the test that reveals the bug. Only the critique counts (not reasons or the justification).
 */
export function bugCoverage(task: Pick<Task, 'gold'>, judgement: Pick<Judgement, 'critiques'>): BugMention[] {
  return (task.gold?.bugs ?? []).flatMap((bug) =>
    [...new Set(bug.solutions)].map((solutionId): BugMention => {
      const critique = Object.hasOwn(judgement.critiques, solutionId) ? judgement.critiques[solutionId] : undefined;
      const text = normalizeForMatch(critique?.text ?? '');
      const locales = critique ? [critique.locale, ...LOCALES.filter((l) => l !== critique.locale)] : [];
      const candidates: BugMatch[] = [
        ...locales.flatMap((locale) => bug.keywords[locale].map((k): BugMatch => ({ kind: 'keyword', text: k, locale }))),
        ...(bug.test === undefined ? [] : [{ kind: 'test', text: bug.test } as const]),
      ];
      const matchedBy = text ? candidates.find((c) => containsNormalized(text, normalizeForMatch(c.text))) : undefined;
      return matchedBy ? { bugId: bug.id, solutionId, mentioned: true, matchedBy } : { bugId: bug.id, solutionId, mentioned: false };
    }),
  );
}

/**
 * Text as bug matching compares it: lower case, accents stripped (NFD, combining marks removed, so
 * "modificá" = "modifica"; this also folds ñ to n), hyphens, dashes and underscores as spaces (so
 * "in-place", "in_place" and a test named `keeps_order` read as words), whitespace collapsed.
 */
export function normalizeForMatch(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[-_\u2010-\u2015\u2212]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Whether `text` names `term` as whole words, both normalized first: "in place" matches "works
 * in-place." but not "in placement", "orden" does not match "ordenado" (gold keywords list the
 * inflections they accept). As with regex \b, an edge of the term that is not a letter or digit
 * ("O(n^2)") needs no boundary. A term that normalizes to nothing matches nothing.
 */
export function containsTerm(text: string, term: string): boolean {
  return containsNormalized(normalizeForMatch(text), normalizeForMatch(term));
}

const WORD = /[\p{L}\p{N}]/u;

function containsNormalized(text: string, term: string): boolean {
  if (!term) return false;
  const checkStart = WORD.test(term[0]!);
  const checkEnd = WORD.test(term[term.length - 1]!);
  // Every occurrence, not only the first: "placement … in place" must still find the second.
  for (let at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + 1)) {
    const before = text[at - 1];
    const after = text[at + term.length];
    if ((!checkStart || before === undefined || !WORD.test(before)) && (!checkEnd || after === undefined || !WORD.test(after)))
      return true;
  }
  return false;
}

export type RankAgreement = { solutionId: string; trainerRank?: number; goldRank: number };
export type PracticeReport = {
  /** Kendall's tau-b between the trainer's ranking and the gold one; see `kendallTauB`. */
  tau?: number;
  /** Task solutions in task order; both ranks dense (1..k) so they read the same way. */
  rankingAgreement: RankAgreement[];
  rubric: RubricDifferences;
  bugs: BugMention[];
  /** Counted per (bug, solution) pair, as `bugs` lists them: a bug in two solutions is two to find. */
  missedBugs: number;
  totalBugs: number;
};

/** The trainer's current judgement against the gold answer; undefined when the task has no gold. */
export function practiceReport(task: Task, evaluation: Evaluation, criteria: readonly string[]): PracticeReport | undefined {
  const gold = task.gold;
  if (!gold) return undefined;
  const judgement = evaluation.judgement;
  const ids = task.solutions.map((s) => s.id);
  const expected = goldRanks(gold);
  // Only this task's solutions, compacted after filtering: a stale id must not shift the others.
  const own: Record<string, number> = {};
  for (const id of ids) {
    const rank = rankOf(judgement.ranks, id);
    if (rank !== undefined) own[id] = rank;
  }
  const trainer = compactRanks(own);
  const rankingAgreement = ids.flatMap((solutionId): RankAgreement[] => {
    const goldRank = expected[solutionId];
    if (goldRank === undefined) return [];
    const trainerRank = trainer[solutionId];
    return [trainerRank === undefined ? { solutionId, goldRank } : { solutionId, trainerRank, goldRank }];
  });
  const bugs = bugCoverage(task, judgement);
  const tau = kendallTauB(own, expected, ids);
  const report: PracticeReport = {
    rankingAgreement,
    rubric: rubricDifferences(judgement.scores, gold.scores, criteria, ids),
    bugs,
    missedBugs: bugs.filter((b) => !b.mentioned).length,
    totalBugs: bugs.length,
  };
  return tau === undefined ? report : { tau, ...report };
}

function rankOf(ranks: Ranks, id: string): number | undefined {
  const rank = Object.hasOwn(ranks, id) ? ranks[id] : undefined;
  return typeof rank === 'number' && Number.isFinite(rank) ? rank : undefined;
}

function scoreOf(scores: Gold['scores'], solutionId: string, criterion: string): number | undefined {
  const row = scores && Object.hasOwn(scores, solutionId) ? scores[solutionId] : undefined;
  const score = row && Object.hasOwn(row, criterion) ? row[criterion] : undefined;
  return typeof score === 'number' && Number.isFinite(score) ? score : undefined;
}
