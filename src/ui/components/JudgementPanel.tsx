// The trainer's judgement of one task: the ranking board, a card per solution (rank, rubric,
// critique, unsafe flag, and the reason the guardrail asks for), the overall justification, task
// flags, what blocks submitting, and Submit / Reopen. Every change is an EvaluationAction; checking
// before submit (checkSubmit) is the caller's, this only shows its problems and leads to the fields.
// Verdicts are the evaluation's own (seenVerdict), the set the guardrail reads too.
import { useEffect, useId, useMemo, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { seenVerdict, TASK_FLAGS, type Evaluation, type EvaluationAction, type Judgement, type SolutionFlag, type Written } from '../../domain/evaluation.js';
import { outrankedPassing, type SubmitProblem } from '../../domain/guardrails.js';
import { rubricOf, type RubricCriterion } from '../../domain/rubric.js';
import { LOCALES, type Locale, type Solution, type Task } from '../../domain/task.js';
import type { Verdict } from '../../domain/verdict.js';
import { formatDate } from '../../i18n/format.js';
import { dimensionsOf, type Dimension } from '../../domain/dimensions.js';
import { DimensionRatings, LineComments, PreferenceScale, useDimensionName } from './AnswerJudging.js';
import { RankingBoard } from './RankingBoard.js';
import { RewritePanel } from './RewritePanel.js';
import { SpellingNote } from './SpellingNote.js';
import { codeIdentifiers, writingChecks, type WritingCheck } from '../../domain/writingChecks.js';
import { judgedByDimensions } from '../../domain/dimensions.js';
import { RubricScores, useCriterionText } from './RubricScores.js';

export type JudgementPanelProps = {
  task: Task;
  evaluation: Evaluation;
  dispatch: (action: EvaluationAction) => void;
  /** The UI locale: texts, and the default language of what the trainer writes. */
  locale: Locale;
  /** The evaluation is submitted: everything is disabled until it is reopened. */
  readOnly: boolean;
  onSubmit: () => void;
  /** Submit, then open the next task of the list; absent when there is no next task. */
  onSubmitNext?: () => void;
  onReopen: () => void;
  /** From checkSubmit, after a failed attempt to submit; empty hides the list. */
  problems: readonly SubmitProblem[];
  /** Runs the ideal answer's code against every test (the session's sandbox); absent: no rewrite panel. */
  onRunRewrite?: () => void;
  rewriteRunning?: boolean;
};

/** The id of the control a problem is about, so a click on the problem can focus it. */
export function fieldIdOf(p: Pick<SubmitProblem, 'field' | 'solutionId' | 'params'>): string | undefined {
  if (p.field === 'unrunReason') return UNRUN_REASON_ID;
  if (p.field === 'preference') return 'jp-preference';
  if (p.field === 'rewrite') return 'rewrite-editor';
  if (p.solutionId === undefined) return undefined;
  if (p.field === 'rating') return p.params?.dimension === undefined ? undefined : `rating-${p.solutionId}-${p.params.dimension}`;
  if (p.field === 'score') return p.params?.criterion === undefined ? undefined : `score-${p.solutionId}-${p.params.criterion}`;
  return `${p.field}-${p.solutionId}`;
}

const UNSAFE: SolutionFlag = 'unsafe-code';
const UNRUN_REASON_ID = 'jp-unrun-reason';
const own = <V,>(record: Readonly<Record<string, V>>, key: string): V | undefined => (Object.hasOwn(record, key) ? record[key] : undefined);

function focusField(id: string) {
  const el = document.getElementById(id);
  if (!el) return;
  el.focus({ preventScroll: true });
  el.scrollIntoView({ block: 'center' });
}

export function JudgementPanel({ task, evaluation, dispatch, locale, readOnly, onSubmit, onSubmitNext, onReopen, problems, onRunRewrite, rewriteRunning = false }: JudgementPanelProps) {
  const { t } = useTranslation(['judgement', 'judging']);
  const j = evaluation.judgement;
  const criteria = useMemo(() => rubricOf(task), [task]);
  const dimensions = useMemo(() => dimensionsOf(task), [task]);
  // Spelling and the gentle checks are for tasks made from answers (judged by dimensions).
  const identifiers = useMemo(() => (judgedByDimensions(task) ? codeIdentifiers(task.solutions) : undefined), [task]);
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const checkKey = (c: WritingCheck) => `${c.kind}:${c.solutionId ?? ''}`;
  const gentle = identifiers ? writingChecks(task.solutions, j).filter((c) => !dismissed.has(checkKey(c))) : [];
  const labelOf = (id: string | undefined) => task.solutions.find((s) => s.id === id)?.label ?? '';
  const dimensionName = useDimensionName(locale);
  const textOf = useCriterionText(locale);

  const verdicts = Object.fromEntries(task.solutions.map((s) => [s.id, seenVerdict(j, s.id)]));

  // Which fields the problems name, to mark them invalid.
  const invalid = useMemo(() => {
    const byField = new Set<string>();
    const scores = new Map<string, Set<string>>();
    for (const p of problems) {
      if (p.solutionId === undefined) continue;
      byField.add(`${p.field}-${p.solutionId}`);
      if (p.field === 'rating' && p.params?.dimension !== undefined) byField.add(`rating-${p.solutionId}-${p.params.dimension}`);
      const criterion = p.params?.criterion;
      if (p.field === 'score' && criterion !== undefined)
        scores.set(p.solutionId, new Set([...(scores.get(p.solutionId) ?? []), String(criterion)]));
    }
    return { has: (field: string, id: string) => byField.has(`${field}-${id}`), scores: (id: string) => scores.get(id) };
  }, [problems]);

  const problemText = (p: SubmitProblem) => {
    const criterion = p.params?.criterion;
    const c = criterion === undefined ? undefined : criteria.find((x) => x.id === String(criterion));
    const dimension = p.params?.dimension;
    return t(p.key, { ns: 'judging', ...p.params, ...(c ? { criterion: textOf(c).name.text } : {}), ...(dimension === undefined ? {} : { dimension: dimensionName(String(dimension)) }) });
  };

  // Submit and Reopen replace each other, so focus would fall to <body>: move it to the other one.
  const submitRef = useRef<HTMLButtonElement>(null);
  const reopenRef = useRef<HTMLButtonElement>(null);
  const wasReadOnly = useRef(readOnly);
  useEffect(() => {
    if (wasReadOnly.current === readOnly) return;
    wasReadOnly.current = readOnly;
    const focused = document.activeElement;
    if (focused === null || focused === document.body) (readOnly ? reopenRef : submitRef).current?.focus();
  }, [readOnly]);

  const submittedAt = evaluation.submittedAt ? new Date(evaluation.submittedAt) : undefined;
  const count = evaluation.revisions.length;

  return (
    <section className="jp-panel" aria-labelledby="jp-heading">
      <h2 id="jp-heading" className="jp-heading">
        {t('panel.heading')}
      </h2>
      {readOnly ? (
        <div className="jp-submitted">
          <p className="jp-submitted-when">
            {submittedAt && !Number.isNaN(submittedAt.getTime()) && (
              <span>{t('panel.submitted', { date: formatDate(locale, submittedAt), time: formatTime(locale, submittedAt) })}</span>
            )}
            {count > 0 && <span className="jp-revisions">{t('panel.revisions', { count })}</span>}
          </p>
          <p className="jp-hint">{t('panel.readOnly')}</p>
          <button type="button" ref={reopenRef} className="jp-button" onClick={onReopen}>
            {t('panel.reopen')}
          </button>
        </div>
      ) : (
        <>
          <p className="jp-hint">{t(judgedByDimensions(task) ? 'panel.introDimensions' : 'panel.intro')}</p>
          {count > 0 && <p className="jp-note">{t('panel.reopened', { count })}</p>}
        </>
      )}

      <RankingBoard solutions={task.solutions} ranks={j.ranks} dispatch={dispatch} verdicts={verdicts} disabled={readOnly} />
      {task.solutions.length === 2 && (
        <PreferenceScale solutions={[task.solutions[0]!, task.solutions[1]!]} judgement={j} disabled={readOnly} dispatch={dispatch} invalid={problems.some((p) => p.field === 'preference')} />
      )}

      <div className="jp-cards">
        {task.solutions.map((s) => (
          <SolutionCard
            key={s.id}
            solution={s}
            count={task.solutions.length}
            judgement={j}
            verdict={verdicts[s.id]}
            needsReason={outrankedPassing(task.solutions, j, s.id).length > 0 || Boolean(own(j.reasons, s.id)?.text) || invalid.has('reason', s.id)}
            criteria={criteria}
            dimensions={dimensions}
            identifiers={identifiers}
            locale={locale}
            disabled={readOnly}
            dispatch={dispatch}
            invalid={invalid}
          />
        ))}
      </div>

      {onRunRewrite && (
        <RewritePanel
          solutions={task.solutions}
          judgement={j}
          locale={locale}
          disabled={readOnly}
          dispatch={dispatch}
          onRun={onRunRewrite}
          running={rewriteRunning}
          invalid={problems.some((p) => p.field === 'rewrite')}
        />
      )}

      <div className="jp-overall">
        {/* Asked for once a submit found solutions without a run; kept visible while it has text. */}
        {(problems.some((p) => p.field === 'unrunReason') || Boolean(j.unrunReason?.text)) && (
          <WrittenField
            id={UNRUN_REASON_ID}
            label={t('unrun.label')}
            hint={t('unrun.hint')}
            value={j.unrunReason}
            uiLocale={locale}
            disabled={readOnly}
            invalid={problems.some((p) => p.field === 'unrunReason')}
            rows={3}
            onChange={(text, l) => dispatch({ type: 'unrunReason', text, locale: l })}
          />
        )}
        <WrittenField
          id="jp-justification"
          label={t('justification.label')}
          hint={t('justification.hint')}
          value={j.justification}
          uiLocale={locale}
          disabled={readOnly}
          rows={4}
          onChange={(text, l) => dispatch({ type: 'justification', text, locale: l })}
          identifiers={identifiers}
        />
        <fieldset className="jp-flags" disabled={readOnly}>
          <legend>{t('flags.legend')}</legend>
          {TASK_FLAGS.map((flag) => (
            <label key={flag} className="jp-check">
              <input
                type="checkbox"
                checked={j.taskFlags.includes(flag)}
                onChange={(e) => dispatch({ type: 'taskFlag', flag, on: e.target.checked })}
              />
              <span>{t(`flags.${flag}`)}</span>
            </label>
          ))}
        </fieldset>
      </div>

      {gentle.length > 0 && (
        <div className="jp-gentle" role="status">
          <p className="jp-problems-heading">{t('gentle.heading', { ns: 'judging' })}</p>
          <ul>
            {gentle.map((c) => (
              <li key={checkKey(c)}>
                {c.kind === 'short'
                  ? t('gentle.short', { ns: 'judging', label: labelOf(c.solutionId), count: c.words })
                  : c.kind === 'noEvidence'
                    ? t('gentle.noEvidence', { ns: 'judging', label: labelOf(c.solutionId) })
                    : c.solutionId
                      ? t('gentle.language', { ns: 'judging', label: labelOf(c.solutionId), tagged: t(`writtenIn.${c.tagged}`), reads: t(`writtenIn.${c.reads}`) })
                      : t('gentle.languageJustification', { ns: 'judging', tagged: t(`writtenIn.${c.tagged}`), reads: t(`writtenIn.${c.reads}`) })}{' '}
                <button type="button" className="small ghost" onClick={() => setDismissed(new Set([...dismissed, checkKey(c)]))}>
                  {t('gentle.dismiss', { ns: 'judging' })}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}

      <div className="jp-problems" role="alert">
        {problems.length > 0 && (
          <>
            <p className="jp-problems-heading">{t('problems.heading')}</p>
            <ul>
              {problems.map((p, i) => {
                const target = fieldIdOf(p);
                return (
                  <li key={i}>
                    {target ? (
                      <button type="button" className="jp-problem" onClick={() => focusField(target)}>
                        {problemText(p)}
                      </button>
                    ) : (
                      problemText(p)
                    )}
                  </li>
                );
              })}
            </ul>
          </>
        )}
      </div>

      {!readOnly && (
        <div className="jp-actions">
          <button type="button" ref={submitRef} className="jp-button jp-primary" onClick={onSubmit}>
            {t('panel.submit')}
          </button>
          {onSubmitNext && (
            <button type="button" className="jp-button" onClick={onSubmitNext}>
              {t('panel.submitNext')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}

function formatTime(locale: Locale, d: Date): string {
  return new Intl.DateTimeFormat(locale, locale === 'es-CL' ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : { hour: 'numeric', minute: '2-digit' }).format(d);
}

function SolutionCard({
  solution,
  count,
  judgement: j,
  verdict,
  needsReason,
  criteria,
  dimensions,
  identifiers,
  locale,
  disabled,
  dispatch,
  invalid,
}: {
  dimensions: readonly Dimension[];
  identifiers: ReadonlySet<string> | undefined;
  solution: Solution;
  count: number;
  judgement: Judgement;
  verdict: Verdict | undefined;
  needsReason: boolean;
  criteria: readonly RubricCriterion[];
  locale: Locale;
  disabled: boolean;
  dispatch: (action: EvaluationAction) => void;
  invalid: { has: (field: string, id: string) => boolean; scores: (id: string) => ReadonlySet<string> | undefined };
}) {
  const { t } = useTranslation(['judgement', 'judging']);
  const { id, label } = solution;
  const rank = own(j.ranks, id);
  const unsafeHint = useId();

  const setRank = (e: ChangeEvent<HTMLInputElement>) => {
    const raw = e.target.value.trim();
    const n = Number(raw);
    if (raw !== '' && (!Number.isInteger(n) || n < 1)) return;
    dispatch({ type: 'rank', solutionId: id, rank: raw === '' ? undefined : n });
  };

  return (
    <article className="jp-card" id={`jp-card-${id}`} aria-labelledby={`jp-card-${id}-heading`}>
      <header className="jp-card-header">
        <h3 id={`jp-card-${id}-heading`} className="jp-card-title">
          {label}
        </h3>
        {verdict && (
          <span className="jp-verdict" data-status={verdict}>
            {t('card.verdict', { verdict: t(`verdict.${verdict}`, { ns: 'common' }) })}
          </span>
        )}
      </header>

      <div className="jp-rank">
        <label htmlFor={`rank-${id}`}>{t('card.rank')}</label>
        <input
          id={`rank-${id}`}
          type="number"
          inputMode="numeric"
          min={1}
          max={count}
          step={1}
          value={rank ?? ''}
          onChange={setRank}
          disabled={disabled}
          aria-label={t('card.rankName', { label })}
          aria-describedby={`rank-${id}-hint`}
          aria-invalid={invalid.has('rank', id) || undefined}
        />
        <span id={`rank-${id}-hint`} className="jp-hint">
          {t('card.rankHint', { max: count })}
        </span>
      </div>

      <RubricScores
        solution={solution}
        criteria={criteria}
        scores={own(j.scores, id) ?? {}}
        onScore={(criterion, score) => dispatch({ type: 'score', solutionId: id, criterion, score })}
        locale={locale}
        disabled={disabled}
        invalid={invalid.scores(id)}
      />

      {dimensions.length > 0 && (
        <DimensionRatings
          solution={solution}
          dimensions={dimensions}
          judgement={j}
          locale={locale}
          disabled={disabled}
          dispatch={dispatch}
          invalid={(d) => invalid.has('rating', `${id}-${d}`)}
        />
      )}
      <LineComments solution={solution} judgement={j} locale={locale} disabled={disabled} dispatch={dispatch} />

      <WrittenField
        id={`critique-${id}`}
        label={t('card.critique')}
        name={t('card.critiqueName', { label })}
        hint={t('card.critiqueHint')}
        value={own(j.critiques, id)}
        uiLocale={locale}
        disabled={disabled}
        invalid={invalid.has('critique', id)}
        rows={5}
        onChange={(text, l) => dispatch({ type: 'critique', solutionId: id, text, locale: l })}
        identifiers={identifiers}
      />

      {needsReason && (
        <WrittenField
          id={`reason-${id}`}
          label={t('card.reasonName', { label })}
          hint={t('card.reasonHint', { label })}
          value={own(j.reasons, id)}
          uiLocale={locale}
          disabled={disabled}
          invalid={invalid.has('reason', id)}
          rows={3}
          onChange={(text, l) => dispatch({ type: 'reason', solutionId: id, text, locale: l })}
        />
      )}

      <div className="jp-unsafe">
        <label className="jp-check">
          <input
            type="checkbox"
            checked={own(j.solutionFlags, id)?.includes(UNSAFE) ?? false}
            onChange={(e) => dispatch({ type: 'solutionFlag', solutionId: id, flag: UNSAFE, on: e.target.checked })}
            disabled={disabled}
            aria-describedby={unsafeHint}
          />
          <span>{t('card.unsafe')}</span>
        </label>
        <p id={unsafeHint} className="jp-hint">
          {t('card.unsafeHint')}
        </p>
      </div>
    </article>
  );
}

/**
 * A textarea tagged with the language it is written in. Until there is text, the language is the
 * one picked here (else the UI's): the reducer drops empty critiques, so it is kept locally too.
 */
function WrittenField({
  id,
  label,
  name,
  hint,
  value,
  uiLocale,
  disabled,
  invalid = false,
  rows,
  onChange,
  identifiers,
}: {
  /** When given, the text's spelling is checked; these names (from the solutions' code) never count as misspelled. */
  identifiers?: ReadonlySet<string> | undefined;
  id: string;
  /** Visible label. */
  label: string;
  /** Accessible name, when it must say more than the visible label. */
  name?: string;
  hint?: string;
  value: Written | undefined;
  uiLocale: Locale;
  disabled: boolean;
  invalid?: boolean;
  rows: number;
  onChange: (text: string, locale: Locale) => void;
}) {
  const { t } = useTranslation('judgement');
  const [chosen, setChosen] = useState<Locale | undefined>();
  const lang = value && value.text ? value.locale : (chosen ?? uiLocale);
  const hintId = `${id}-hint`;
  return (
    <div className="jp-field" data-invalid={invalid || undefined}>
      <div className="jp-field-head">
        <label htmlFor={id} className="jp-field-label">
          {label}
        </label>
        <span className="jp-written-in">
          <label htmlFor={`${id}-locale`}>{t('card.writtenIn')}</label>
          <select
            id={`${id}-locale`}
            value={lang}
            disabled={disabled}
            onChange={(e) => {
              const l = e.target.value as Locale;
              setChosen(l);
              if (value) onChange(value.text, l);
            }}
          >
            {LOCALES.map((l) => (
              <option key={l} value={l} lang={l}>
                {t(`writtenIn.${l}`)}
              </option>
            ))}
          </select>
        </span>
      </div>
      <textarea
        id={id}
        className="jp-textarea"
        lang={lang}
        rows={rows}
        value={value?.text ?? ''}
        onChange={(e) => onChange(e.target.value, lang)}
        disabled={disabled}
        aria-label={name}
        aria-describedby={hint ? hintId : undefined}
        aria-invalid={invalid || undefined}
      />
      {identifiers && value?.text && <SpellingNote text={value.text} locale={lang} identifiers={identifiers} />}
      {hint && (
        <p id={hintId} className="jp-hint">
          {hint}
        </p>
      )}
    </div>
  );
}
