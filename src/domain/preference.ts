// The side-by-side preference of a two-answer task: a 7-point scale from "A much better" (-3) to
// "B much better" (3), 0 meaning "about the same". It sits beside the ranking, and the two must
// agree: the guardrail (guardrails.ts) says so when they contradict each other.
export const PREFERENCE_SCALE = [-3, -2, -1, 0, 1, 2, 3] as const;
export type PreferenceStrength = (typeof PREFERENCE_SCALE)[number];

/** Which two solutions the scale compares (A, B) and how strongly one is preferred. */
export type Preference = { a: string; b: string; strength: number };

/**
 * Whether the preference and the ranking disagree: A preferred but ranked below B (or the other way
 * round), a tie in the ranking against a preference, or a preference of 0 against ranks that differ.
 * Nothing to say while either solution is unranked.
 */
export function preferenceContradicts(ranks: Readonly<Record<string, number>>, p: Preference): boolean {
  if (!Object.hasOwn(ranks, p.a) || !Object.hasOwn(ranks, p.b)) return false;
  return Math.sign(p.strength) !== Math.sign(ranks[p.a]! - ranks[p.b]!);
}
