// What every field of the task editor shares: its problems shown right under it and tied to it
// with aria-describedby (and aria-invalid), a mark when its translation is missing, and an id a
// problem list can jump to. The problems come from one context, computed once per change.
import { createContext, useContext, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { render, type AnyT } from '../../i18n/i18n.js';
import type { FieldProblem } from '../../domain/draft.js';
import { problemsAt } from '../../formats/taskDraft.js';

export type FieldInfo = { problems: readonly FieldProblem[]; missing: ReadonlySet<string> };
export const FieldContext = createContext<FieldInfo>({ problems: [], missing: new Set() });

/** The DOM id of the control for a field path (`tests[2].args` → `f-tests-2-args`). */
export const fieldId = (path: string) => `f-${path.replace(/[^A-Za-z0-9_]+/g, '-').replace(/-+$/, '')}`;

/** Whether the author has left the field at `path`, a control inside it, or the group around it. */
export function touchedBy(touched: ReadonlySet<string>, path: string): boolean {
  const id = fieldId(path);
  for (const t of touched) if (t === id || t.startsWith(`${id}-`) || id.startsWith(`${t}-`)) return true;
  return false;
}

/** A problem as a sentence in the page's language. */
export function problemText(t: AnyT, p: FieldProblem): string {
  const text = render(t, p.message, p.ns);
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

export type FieldBinding = {
  id: string;
  /** Spread on the control. */
  props: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string };
  describedBy: string | undefined;
  invalid: boolean;
  problems: FieldProblem[];
  /** The problems (and the missing-translation mark), to render under the control. */
  notes: ReactNode;
};

/**
 * Binds a control to its field path. `nested` also shows problems of fields inside it (a whole
 * test row); `hint` is the id of a hint that describes the control too.
 */
export function useField(path: string, { nested = false, hint }: { nested?: boolean; hint?: string } = {}): FieldBinding {
  const { problems, missing } = useContext(FieldContext);
  const { t } = useTranslation('authoring');
  const id = fieldId(path);
  const mine = problemsAt(problems, path, nested);
  const isMissing = missing.has(path);
  const errorId = `${id}-error`;
  const missingId = `${id}-missing`;
  const describedBy = [hint, mine.length ? errorId : undefined, isMissing ? missingId : undefined].filter(Boolean).join(' ') || undefined;
  const notes = (
    <>
      {isMissing && (
        <span id={missingId} className="badge missing-translation">
          {t('missing.mark')}
        </span>
      )}
      {mine.length > 0 && <FieldErrors id={errorId} problems={mine} />}
    </>
  );
  return {
    id,
    props: { id, ...(mine.length ? { 'aria-invalid': true as const } : {}), ...(describedBy ? { 'aria-describedby': describedBy } : {}) },
    describedBy,
    invalid: mine.length > 0,
    problems: mine,
    notes,
  };
}

/** `prefix` names the field when the problems are shown away from it (above a group). */
export function FieldErrors({ id, problems, prefix }: { id: string; problems: readonly FieldProblem[]; prefix?: string }) {
  const { t } = useTranslation('authoring');
  return (
    <span id={id} className="field-errors">
      {problems.map((p, i) => (
        <span key={i} className="field-error">
          {prefix ? `${prefix}: ${render(t, p.message, p.ns)}` : problemText(t, p)}
        </span>
      ))}
    </span>
  );
}

/** Focuses a field's control (from a problem list), opening a closed <details> around it. */
export function focusField(path: string): void {
  const id = fieldId(path);
  const el =
    document.getElementById(id) ??
    // A group (title, a test row): its first control.
    document.querySelector<HTMLElement>(`:is(input, textarea, select)[id^="${id}-"]`) ??
    document.getElementById(fieldId(path.replace(/(\.[^.[\]]+|\[\d+\])$/, '')));
  if (!el) return;
  el.closest('details')?.setAttribute('open', '');
  el.scrollIntoView({ block: 'center' });
  el.focus();
}

/** One section of the editor: a card with its heading (named for the section's landmark) and hint. */
export function AuthorSection({ id, heading, hint, children }: { id: string; heading: string; hint?: string; children: ReactNode }) {
  return (
    <section className="card author-section" aria-labelledby={`${id}-heading`} id={id}>
      <h2 id={`${id}-heading`}>{heading}</h2>
      {hint !== undefined && <p className="hint">{hint}</p>}
      {children}
    </section>
  );
}
