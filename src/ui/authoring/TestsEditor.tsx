// The task's tests: call tests in a table (JSON arguments and expected value, a problem row under
// each row that has problems, tied to its cells with aria-describedby), then stdio and code tests
// as cards. Numbers are the tests' positions in the task, as in `tests[2]` of a problem. Any test
// can be marked as a performance test, with its budget and its input's size (PerformanceToggle,
// PerformanceSettings: in a call row, the settings take a row of their own under it).
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallTestForm, CodeTestForm, FormAction, PerformanceForm, StdioTestForm, TaskForm, TestForm } from '../../domain/draft.js';
import type { TestKind } from '../../domain/task.js';
import { LANGUAGES, type Language, type Locale } from '../../domain/task.js';
import { CodeEditor } from '../editor/CodeEditor.js';
import { fieldId, FieldErrors, useField, type FieldBinding } from './fields.js';
import { newRowKey } from '../services/draftStore.js';

type Props = { form: TaskForm; dispatch: (a: FormAction) => void; locale: Locale };

export function TestsEditor({ form, dispatch, locale }: Props) {
  const { t } = useTranslation('authoring');
  const [focusKey, setFocusKey] = useState<string | undefined>();
  const all = useField('tests');
  const indexed = form.tests.map((test, index) => ({ test, index }));
  const calls = indexed.filter((x): x is { test: CallTestForm; index: number } => x.test.kind === 'call');
  const others = indexed.filter((x) => x.test.kind !== 'call');
  const hidden = form.tests.filter((x) => x.hidden).length;

  // A new row's name box takes focus, so the author types straight into it.
  useEffect(() => {
    if (!focusKey) return;
    const i = form.tests.findIndex((x) => x.key === focusKey);
    if (i >= 0) document.getElementById(fieldId(`tests[${i}].name`))?.focus();
    setFocusKey(undefined);
  }, [focusKey, form.tests]);

  const add = (kind: TestKind) => {
    const key = newRowKey();
    dispatch({ type: 'addTest', kind, key });
    setFocusKey(key);
  };

  return (
    <section className="card author-section" aria-labelledby="tests-heading" id="tests">
      <h2 id="tests-heading">{t('tests.heading')}</h2>
      <p className="hint">{t('tests.summary', { count: form.tests.length, hidden })}</p>
      {all.notes}
      {calls.length > 0 && (
        <div className="grid-scroll">
          <table className="tests-table">
            <caption>{t('tests.callCaption')}</caption>
            <colgroup>
              <col className="c-num" />
              <col className="c-name" />
              <col className="c-hidden" />
              <col className="c-args" />
              <col className="c-expected" />
              <col className="c-options" />
              <col className="c-actions" />
            </colgroup>
            <thead>
              <tr>
                <th scope="col">{t('tests.number')}</th>
                <th scope="col">{t('tests.name')}</th>
                <th scope="col">{t('tests.hidden')}</th>
                <th scope="col">{t('tests.args')}</th>
                <th scope="col">{t('tests.expected')}</th>
                <th scope="col">{t('tests.options')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('tests.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {calls.map(({ test, index }) => (
                <CallRow key={test.key} test={test} index={index} count={form.tests.length} dispatch={dispatch} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {others.map(({ test, index }) =>
        test.kind === 'stdio' ? (
          <StdioCard key={test.key} test={test} index={index} count={form.tests.length} dispatch={dispatch} />
        ) : (
          <CodeCard key={test.key} test={test as CodeTestForm} index={index} count={form.tests.length} dispatch={dispatch} locale={locale} />
        ),
      )}
      <div className="row add-row">
        <button type="button" onClick={() => add('call')}>
          {t('tests.addCall')}
        </button>
        <button type="button" onClick={() => add('stdio')}>
          {t('tests.addStdio')}
        </button>
        <button type="button" onClick={() => add('code')}>
          {t('tests.addCode')}
        </button>
      </div>
    </section>
  );
}

type RowProps<T extends TestForm> = { test: T; index: number; count: number; dispatch: (a: FormAction) => void };

/** Move up, move down, remove: named with the test's number. */
function RowActions({ test, index, count, dispatch }: RowProps<TestForm>) {
  const { t } = useTranslation('authoring');
  const n = index + 1;
  return (
    <div className="row-actions">
      <button type="button" className="small ghost" aria-label={t('tests.moveUp', { n })} title={t('tests.moveUp', { n })} disabled={index === 0} onClick={() => dispatch({ type: 'moveTest', key: test.key, by: -1 })}>
        ↑
      </button>
      <button type="button" className="small ghost" aria-label={t('tests.moveDown', { n })} title={t('tests.moveDown', { n })} disabled={index === count - 1} onClick={() => dispatch({ type: 'moveTest', key: test.key, by: 1 })}>
        ↓
      </button>
      <button type="button" className="small ghost danger" aria-label={t('tests.remove', { n })} title={t('tests.remove', { n })} onClick={() => dispatch({ type: 'removeTest', key: test.key })}>
        ✕
      </button>
    </div>
  );
}

/** Problems of one row's cells, each under its column's name, with the ids the cells point to. */
function RowProblems({ cells }: { cells: { label: string; binding: FieldBinding }[] }) {
  const shown = cells.filter((c) => c.binding.problems.length);
  if (!shown.length) return null;
  return (
    <ul className="row-problems">
      {shown.map((c) => (
        <li key={c.binding.id}>
          <span className="muted">{c.label}: </span>
          <FieldErrors id={`${c.binding.id}-error`} problems={c.binding.problems} />
        </li>
      ))}
    </ul>
  );
}

/** The fields every test has, whatever its kind: the row itself (its problems), its name, hidden. */
function useTestFields(index: number) {
  const at = `tests[${index}]`;
  const row = useField(at);
  const name = useField(`${at}.name`, { ...(row.problems.length ? { hint: `${row.id}-error` } : {}) });
  const hidden = useField(`${at}.hidden`);
  return { at, n: index + 1, row, name, hidden };
}

function CallRow({ test, index, count, dispatch }: RowProps<CallTestForm>) {
  const { t } = useTranslation('authoring');
  const { at, n, row, name, hidden } = useTestFields(index);
  const args = useField(`${at}.args`);
  const expected = useField(`${at}.expected`);
  const rel = useField(`${at}.tolerance.rel`);
  const abs = useField(`${at}.tolerance.abs`, { nested: false });
  const tolerance = useField(`${at}.tolerance`);
  const entry = useField(`${at}.entryPoint`, { nested: true });
  const update = (patch: Partial<Omit<CallTestForm, 'kind' | 'key'>>) => dispatch({ type: 'updateTest', key: test.key, patch });
  // Problems of the budget and size show in the settings row; this is the toggle's own (no reference to compare with).
  const perf = useField(`${at}.performance`);
  const optionsSet = !!(test.toleranceRel || test.toleranceAbs || test.entryPoint || test.performance.on);
  const optionProblems = rel.invalid || abs.invalid || tolerance.invalid || entry.invalid || perf.invalid;
  const cells = [
    { label: t('tests.row', { n }), binding: row },
    { label: t('tests.name'), binding: name },
    { label: t('tests.hidden'), binding: hidden },
    { label: t('tests.args'), binding: args },
    { label: t('tests.expected'), binding: expected },
    { label: t('tests.toleranceRel'), binding: rel },
    { label: t('tests.toleranceAbs'), binding: abs },
    { label: t('tests.tolerance'), binding: tolerance },
    { label: t('tests.entryPoint'), binding: entry },
    { label: t('tests.performance'), binding: perf },
  ];
  const invalid = cells.some((c) => c.binding.invalid);
  return (
    <>
      <tr className={invalid ? 'has-problems' : undefined} data-test-row={n}>
        <th scope="row" className="num">
          {n}
        </th>
        <td>
          <input value={test.name} aria-label={t('tests.nameOf', { n })} onChange={(e) => update({ name: e.target.value })} {...name.props} />
        </td>
        <td className="center">
          <input type="checkbox" checked={test.hidden} aria-label={t('tests.hiddenOf', { n })} onChange={(e) => update({ hidden: e.target.checked })} {...hidden.props} />
        </td>
        <td>
          <input className="mono" value={test.args} spellCheck={false} aria-label={t('tests.argsOf', { n })} onChange={(e) => update({ args: e.target.value })} {...args.props} />
        </td>
        <td>
          <input className="mono" value={test.expected} spellCheck={false} aria-label={t('tests.expectedOf', { n })} onChange={(e) => update({ expected: e.target.value })} {...expected.props} />
        </td>
        <td>
          <details className="row-options" open={optionProblems || undefined}>
            <summary>{optionsSet ? t('tests.optionsSet') : t('tests.optionsNone')}</summary>
            <label>
              {t('tests.toleranceRelOf', { n })}
              <input className="mono" value={test.toleranceRel} inputMode="decimal" placeholder="1e-9" onChange={(e) => update({ toleranceRel: e.target.value })} {...rel.props} />
            </label>
            <label>
              {t('tests.toleranceAbsOf', { n })}
              <input className="mono" value={test.toleranceAbs} inputMode="decimal" placeholder="1e-9" onChange={(e) => update({ toleranceAbs: e.target.value })} {...abs.props} />
            </label>
            <label>
              {t('tests.entryPointOf', { n })}
              <input className="mono" value={test.entryPoint} spellCheck={false} onChange={(e) => update({ entryPoint: e.target.value })} {...entry.props} />
            </label>
            {/* The options column is narrow: the hint goes with the settings' own row. */}
            <PerformanceToggle test={test} index={index} count={count} dispatch={dispatch} hint={false} />
          </details>
        </td>
        <td>
          <RowActions test={test} index={index} count={count} dispatch={dispatch} />
        </td>
      </tr>
      {test.performance.on && (
        <tr className="row-performance">
          <td colSpan={7}>
            <p className="hint">{t('tests.performanceHint')}</p>
            <PerformanceSettings test={test} index={index} count={count} dispatch={dispatch} />
          </td>
        </tr>
      )}
      {invalid && (
        <tr className="row-errors">
          <td colSpan={7}>
            <RowProblems cells={cells} />
          </td>
        </tr>
      )}
    </>
  );
}

function CardFrame({ index, count, test, dispatch, kindLabel, children }: RowProps<TestForm> & { kindLabel: string; children: ReactNode }) {
  const { t } = useTranslation('authoring');
  const { n, row, name, hidden } = useTestFields(index);
  const headingId = `test-card-${test.key}`;
  return (
    <div className="test-card" role="group" aria-labelledby={headingId} data-test-row={n}>
      <div className="test-card-head">
        <h3 id={headingId}>{t('tests.cardHeading', { n, kind: kindLabel })}</h3>
        <RowActions test={test} index={index} count={count} dispatch={dispatch} />
      </div>
      {row.problems.length > 0 && <FieldErrors id={`${row.id}-error`} problems={row.problems} />}
      <div className="field-grid">
        <div className="field">
          <label htmlFor={name.id}>{t('tests.nameOf', { n })}</label>
          <input value={test.name} onChange={(e) => dispatch({ type: 'updateTest', key: test.key, patch: { name: e.target.value } })} {...name.props} />
          {name.notes}
        </div>
        <label className="inline field-check">
          <input type="checkbox" checked={test.hidden} onChange={(e) => dispatch({ type: 'updateTest', key: test.key, patch: { hidden: e.target.checked } })} {...hidden.props} />
          {t('tests.hiddenOf', { n })}
        </label>
      </div>
      <PerformanceToggle test={test} index={index} count={count} dispatch={dispatch} />
      <PerformanceSettings test={test} index={index} count={count} dispatch={dispatch} />
      {children}
    </div>
  );
}

/** Marks a test as a performance test (domain/performance.ts): compared with the reference solution's time. */
function PerformanceToggle({ test, index, dispatch, hint = true }: RowProps<TestForm> & { hint?: boolean }) {
  const { t } = useTranslation('authoring');
  const at = `tests[${index}]`;
  const on = useField(`${at}.performance`, hint ? { hint: `${fieldId(at)}-performance-hint` } : {});
  const p = test.performance;
  return (
    <div className="performance-toggle">
      <label className="inline field-check">
        <input
          type="checkbox"
          checked={p.on}
          onChange={(e) => dispatch({ type: 'updateTest', key: test.key, patch: { performance: { ...p, on: e.target.checked, ...(e.target.checked && !p.budget ? { budget: '3' } : {}) } } })}
          {...on.props}
        />
        {t('tests.performanceOf', { n: index + 1 })}
      </label>
      {hint && (
        <span id={`${fieldId(at)}-performance-hint`} className="hint">
          {t('tests.performanceHint')}
        </span>
      )}
      {on.notes}
    </div>
  );
}

/** A performance test's budget (a ratio to the reference's time) and what its input's size is, per locale. */
function PerformanceSettings({ test, index, dispatch }: RowProps<TestForm>) {
  const { t } = useTranslation('authoring');
  const at = `tests[${index}]`;
  const n = index + 1;
  const budget = useField(`${at}.performance.budget`, { hint: `${fieldId(at)}-budget-hint` });
  const sizeEn = useField(`${at}.performance.size.en`);
  const sizeEs = useField(`${at}.performance.size.es-CL`);
  const p = test.performance;
  if (!p.on) return null;
  const set = (patch: Partial<PerformanceForm>) => dispatch({ type: 'updateTest', key: test.key, patch: { performance: { ...p, ...patch } } });
  return (
    <div className="field-grid performance-settings">
      <div className="field">
        <label htmlFor={budget.id}>{t('tests.budgetOf', { n })}</label>
        <input className="mono" value={p.budget} inputMode="decimal" placeholder="3" onChange={(e) => set({ budget: e.target.value })} {...budget.props} />
        <span id={`${fieldId(at)}-budget-hint`} className="hint">
          {t('tests.budgetHint')}
        </span>
        {budget.notes}
      </div>
      <div className="field">
        <label htmlFor={sizeEn.id}>{t('tests.sizeEnOf', { n })}</label>
        <input value={p.size.en} onChange={(e) => set({ size: { ...p.size, en: e.target.value } })} {...sizeEn.props} />
        {sizeEn.notes}
      </div>
      <div className="field">
        <label htmlFor={sizeEs.id}>{t('tests.sizeEsOf', { n })}</label>
        <input value={p.size['es-CL']} onChange={(e) => set({ size: { ...p.size, 'es-CL': e.target.value } })} {...sizeEs.props} />
        {sizeEs.notes}
      </div>
    </div>
  );
}

function StdioCard(props: RowProps<StdioTestForm>) {
  const { t } = useTranslation('authoring');
  const { test, index, dispatch } = props;
  const at = `tests[${index}]`;
  const n = index + 1;
  const stdin = useField(`${at}.stdin`);
  const stdout = useField(`${at}.expectedStdout`);
  return (
    <CardFrame {...props} kindLabel={t('tests.kindStdio')}>
      <div className="field-grid two">
        <div className="field">
          <label htmlFor={stdin.id}>{t('tests.stdinOf', { n })}</label>
          <textarea className="mono" rows={4} spellCheck={false} value={test.stdin} onChange={(e) => dispatch({ type: 'updateTest', key: test.key, patch: { stdin: e.target.value } })} {...stdin.props} />
          {stdin.notes}
        </div>
        <div className="field">
          <label htmlFor={stdout.id}>{t('tests.stdoutOf', { n })}</label>
          <textarea
            className="mono"
            rows={4}
            spellCheck={false}
            value={test.expectedStdout}
            onChange={(e) => dispatch({ type: 'updateTest', key: test.key, patch: { expectedStdout: e.target.value } })}
            {...stdout.props}
          />
          {stdout.notes}
        </div>
      </div>
    </CardFrame>
  );
}

function CodeCard(props: RowProps<CodeTestForm> & { locale: Locale }) {
  const { t } = useTranslation('authoring');
  const { test, index, dispatch, locale } = props;
  const at = `tests[${index}]`;
  const n = index + 1;
  const check = useField(`${at}.check`, { hint: `${fieldId(at)}-check-hint` });
  const entry = useField(`${at}.entryPoint`, { nested: true });
  const code = useField(`${at}.code`);
  // One binding per language: LANGUAGES is a constant, so the hooks run in the same order every time.
  const per = Object.fromEntries(LANGUAGES.map((l) => [l, useField(`${at}.code.${l}`)])) as Record<Language, ReturnType<typeof useField>>;
  const update = (patch: Partial<Omit<CodeTestForm, 'kind' | 'key'>>) => dispatch({ type: 'updateTest', key: test.key, patch });
  return (
    <CardFrame {...props} kindLabel={t('tests.kindCode')}>
      <div className="field-grid">
        <div className="field">
          <label htmlFor={check.id}>{t('tests.checkOf', { n })}</label>
          <input className="mono" value={test.check} spellCheck={false} onChange={(e) => update({ check: e.target.value })} {...check.props} />
          <span id={`${fieldId(at)}-check-hint`} className="hint">
            {t('tests.checkHint')}
          </span>
          {check.notes}
        </div>
        <div className="field">
          <label htmlFor={entry.id}>{t('tests.entryPointOf', { n })}</label>
          <input className="mono" value={test.entryPoint} spellCheck={false} onChange={(e) => update({ entryPoint: e.target.value })} {...entry.props} />
          {entry.notes}
        </div>
      </div>
      {code.notes}
      {LANGUAGES.map((l) => (
        <div className="field" key={l}>
          <span className="field-label" aria-hidden="true">
            {t('tests.codeOf', { n, language: t(`language.${l}`, { ns: 'common' }) })}
          </span>
          <CodeEditor
            id={per[l].id}
            value={test[l]}
            onChange={(value) => update({ [l]: value })}
            language={l}
            label={t('tests.codeOf', { n, language: t(`language.${l}`, { ns: 'common' }) })}
            locale={locale}
            {...(per[l].describedBy ? { describedBy: per[l].describedBy } : {})}
            invalid={per[l].invalid}
            minLines={3}
          />
          {per[l].notes}
        </div>
      ))}
    </CardFrame>
  );
}
