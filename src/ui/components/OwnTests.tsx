// The trainer's own test cases: call (JSON arguments and expected value) or stdio. They are saved
// with the evaluation as evidence, run with the task's tests, and exported.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvaluationAction } from '../../domain/evaluation.js';
import type { OwnTest, Task } from '../../domain/task.js';

type Props = { task: Task; tests: OwnTest[]; dispatch: (a: EvaluationAction) => void; disabled: boolean; onRun: () => void; running: boolean };

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

export function OwnTests({ task, tests, dispatch, disabled, onRun, running }: Props) {
  const { t } = useTranslation();
  const stdioTask = task.tests.every((x) => x.kind === 'stdio');
  const [kind, setKind] = useState<'call' | 'stdio'>(stdioTask ? 'stdio' : 'call');
  const [name, setName] = useState('');
  const [args, setArgs] = useState('[]');
  const [expected, setExpected] = useState('');
  const [stdin, setStdin] = useState('');
  const [stdout, setStdout] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  const add = (e: FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    const trimmed = name.trim();
    if (!trimmed) problems.name = t('own.nameMissing');
    else if (task.tests.some((x) => x.name === trimmed)) problems.name = t('own.nameTaken', { name: trimmed });
    let test: OwnTest | undefined;
    if (kind === 'call') {
      const a = parseJson(args);
      const x = parseJson(expected);
      if (!a.ok || !Array.isArray(a.value)) problems.args = t('own.argsInvalid');
      if (!x.ok) problems.expected = t('own.expectedInvalid');
      if (a.ok && Array.isArray(a.value) && x.ok) test = { name: trimmed, kind: 'call', args: a.value as unknown[], expected: x.value };
    } else test = { name: trimmed, kind: 'stdio', stdin, expectedStdout: stdout };
    setErrors(problems);
    if (Object.keys(problems).length || !test) return;
    dispatch({ type: 'addOwnTest', test });
    setName('');
  };

  const field = (id: string) => (errors[id] ? { 'aria-invalid': true, 'aria-describedby': `own-${id}-error` } : {});
  const error = (id: string) => errors[id] && <span id={`own-${id}-error`} className="field-error">{errors[id]}</span>;

  return (
    <section className="own-tests" aria-labelledby="own-heading">
      <h2 id="own-heading">{t('own.heading')}</h2>
      <p className="hint">{t('own.hint')}</p>
      {tests.length > 0 && (
        <ul className="own-list">
          {tests.map((x) => (
            <li key={x.name}>
              <code>{x.name}</code>{' '}
              <span className="muted">{x.kind === 'call' ? `${JSON.stringify(x.args)} → ${JSON.stringify(x.expected)}` : t('own.stdioSummary', { bytes: x.stdin.length })}</span>{' '}
              <button type="button" className="small" disabled={disabled} onClick={() => dispatch({ type: 'removeOwnTest', name: x.name })}>
                {t('own.remove', { name: x.name })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="own-form" onSubmit={add}>
        <fieldset disabled={disabled}>
          <legend>{t('own.add')}</legend>
          <label>
            {t('own.kind')}
            <select value={kind} onChange={(e) => setKind(e.target.value as 'call' | 'stdio')}>
              <option value="call">{t('own.kindCall')}</option>
              <option value="stdio">{t('own.kindStdio')}</option>
            </select>
          </label>
          <label>
            {t('own.name')}
            <input value={name} onChange={(e) => setName(e.target.value)} {...field('name')} />
            {error('name')}
          </label>
          {kind === 'call' ? (
            <>
              <label>
                {t('own.args')}
                <input className="mono" value={args} onChange={(e) => setArgs(e.target.value)} {...field('args')} />
                {error('args')}
              </label>
              <label>
                {t('own.expected')}
                <input className="mono" value={expected} onChange={(e) => setExpected(e.target.value)} {...field('expected')} />
                {error('expected')}
              </label>
            </>
          ) : (
            <>
              <label>
                {t('own.stdin')}
                <textarea className="mono" rows={3} value={stdin} onChange={(e) => setStdin(e.target.value)} />
              </label>
              <label>
                {t('own.stdout')}
                <textarea className="mono" rows={3} value={stdout} onChange={(e) => setStdout(e.target.value)} />
              </label>
            </>
          )}
          <div className="row">
            <button type="submit">{t('own.addButton')}</button>
            <button type="button" onClick={onRun} disabled={running || tests.length === 0}>
              {t('own.runWith')}
            </button>
          </div>
        </fieldset>
      </form>
    </section>
  );
}
