// "New from answers": a prompt and the models' answers pasted (or a file dropped), shown as the
// task they make — each answer's code blocks to choose from, the entry point, the tests taken from
// the prompt's examples plus the trainer's rows — and saved as an ordinary task. The building is
// formats/answerTask.ts; this screen only holds the form and shows the result.
import { useId, useMemo, useState, type DragEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckFinding } from '../../domain/readiness.js';
import type { Message } from '../../domain/verdict.js';
import { render } from '../../i18n/i18n.js';
import { answersToTask, type AnswerChoice } from '../../formats/answerTask.js';
import { parseAnswersDocument } from '../../formats/answers.js';
import { ProblemList } from '../components/ProblemList.js';
import { followLink, navigate, taskPath } from '../router.js';
import { checkAnswerReference, saveAnswerTask } from '../services/answerImport.js';
import { storageFailureText } from '../services/failureText.js';
import { useServices } from '../services/services.js';

const MAX_ANSWERS = 10;

/** A label beside its control, not around it: a wrapping label would name the control with its own value. */
function Field({ label, children }: { label: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  );
}

export function AnswersScreen() {
  const services = useServices();
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [prompt, setPrompt] = useState('');
  const [answers, setAnswers] = useState<string[]>(['', '']);
  const [rows, setRows] = useState('');
  const [reference, setReference] = useState('');
  const [choice, setChoice] = useState<AnswerChoice>({});
  const [busy, setBusy] = useState(false);
  const [findings, setFindings] = useState<CheckFinding[]>([]);
  const [failure, setFailure] = useState<string | undefined>();

  const filled = answers.filter((a) => a.trim());
  // A note naming a language gets the language's name, not its id.
  const named = (m: Message): Message => (m.params && typeof m.params.language === 'string' ? { ...m, params: { ...m.params, language: t(`language.${m.params.language as 'python'}`) } } : m);
  const built = useMemo(
    () =>
      prompt.trim() && filled.length
        ? answersToTask(
            { prompt, answers: filled.map((markdown) => ({ markdown })) },
            { choice, rows, ...(reference.trim() ? { reference: `${reference.trimEnd()}\n` } : {}), ...(title.trim() ? { title: title.trim() } : {}) },
          )
        : undefined,
    [prompt, answers, rows, reference, title, choice],
  );

  const setAnswer = (i: number, text: string) => {
    setAnswers(answers.map((a, j) => (j === i ? text : a)));
    setChoice({}); // the blocks change with the text: back to the default choice
  };

  // A dropped document (## Prompt, ## Answer A…) fills the form.
  const onDrop = async (e: DragEvent) => {
    e.preventDefault();
    const file = e.dataTransfer.files[0];
    if (!file) return;
    const set = parseAnswersDocument(await file.text());
    if (!set) return setFailure(t('answers.notADocument', { file: file.name }));
    setFailure(undefined);
    setPrompt(set.prompt);
    setAnswers(set.answers.map((a) => a.markdown));
    setRows(set.tests ?? '');
    setTitle(set.title ?? '');
    setChoice({});
  };

  const create = async () => {
    const task = built?.task;
    if (!task) return;
    setBusy(true);
    setFailure(undefined);
    try {
      const found = await checkAnswerReference(services, task);
      setFindings(found);
      if (found.length) return;
      await saveAnswerTask(services, task);
      navigate(taskPath(task.id));
    } catch (e) {
      setFailure(t('answers.notSaved', { detail: storageFailureText(t, e) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="page wide answers-screen" onDragOver={(e) => e.preventDefault()} onDrop={(e) => void onDrop(e)}>
      <p>
        <a href="/" onClick={followLink}>
          ← {t('nav.allTasks')}
        </a>
      </p>
      <h1>{t('answers.heading')}</h1>
      <p className="muted">{t('answers.intro')}</p>
      <Field label={t('answers.title')}>{(id) => <input id={id} value={title} onChange={(e) => setTitle(e.target.value)} placeholder={t('answers.titlePlaceholder')} />}</Field>
      <Field label={t('answers.prompt')}>{(id) => <textarea id={id} rows={6} value={prompt} onChange={(e) => setPrompt(e.target.value)} />}</Field>
      {answers.map((a, i) => {
        const info = built?.answers[answers.slice(0, i).filter((x) => x.trim()).length];
        const letter = String.fromCharCode(65 + i);
        return (
          <fieldset key={i} className="answer-input">
            <legend>{t('answers.answer', { label: letter })}</legend>
            <textarea rows={6} aria-label={t('answers.answer', { label: letter })} value={a} onChange={(e) => setAnswer(i, e.target.value)} />
            {a.trim() && info && (
              <div className="answer-blocks">
                {info.notes.map((n, k) => (
                  <p key={k} className="muted">
                    {render(t, named(n))}
                  </p>
                ))}
                {info.parsed.blocks.length > 0 && (
                  <fieldset>
                    <legend>{t('answers.blocks', { label: letter })}</legend>
                    {info.parsed.blocks.map((b, k) => {
                      const index = answers.slice(0, i).filter((x) => x.trim()).length;
                      const chosen = info.chosen.includes(k);
                      return (
                        <label key={k} className="block-choice">
                          <input
                            type="checkbox"
                            checked={chosen}
                            disabled={!b.language}
                            onChange={() => setChoice({ ...choice, [index]: chosen ? info.chosen.filter((c) => c !== k) : [...info.chosen, k] })}
                          />{' '}
                          {t('answers.block', { n: k + 1, language: b.language ? t(`language.${b.language}`) : b.info || t('answers.notCode') })}{' '}
                          <code>{b.code.split('\n')[0]!.slice(0, 60)}</code>
                        </label>
                      );
                    })}
                  </fieldset>
                )}
              </div>
            )}
            {answers.length > 1 && (
              <button type="button" onClick={() => (setAnswers(answers.filter((_, j) => j !== i)), setChoice({}))}>
                {t('answers.remove', { label: letter })}
              </button>
            )}
          </fieldset>
        );
      })}
      {answers.length < MAX_ANSWERS && (
        <button type="button" onClick={() => setAnswers([...answers, ''])}>
          {t('answers.add')}
        </button>
      )}
      <Field label={t('answers.rows')}>{(id) => <textarea id={id} rows={4} value={rows} onChange={(e) => setRows(e.target.value)} placeholder="[1, 2, 3] → 2" />}</Field>
      <p className="muted">{t('answers.rowsHint')}</p>
      <Field label={t('answers.reference')}>{(id) => <textarea id={id} rows={4} value={reference} onChange={(e) => setReference(e.target.value)} spellCheck={false} />}</Field>

      {built && (
        <section aria-labelledby="answers-preview">
          <h2 id="answers-preview">{t('answers.preview')}</h2>
          <p>
            {Object.keys(built.entryPoints).length
              ? t('answers.entryPoint', { name: [...new Set(Object.values(built.entryPoints))].join(' / ') })
              : t('answers.noEntryPoint')}
          </p>
          {built.task && (
            <ul className="test-list" aria-label={t('answers.tests')}>
              {built.task.tests.map((test) => (
                <li key={test.name}>
                  <code>
                    {test.kind === 'call'
                      ? `${JSON.stringify(test.args).slice(1, -1)} → ${JSON.stringify(test.expected)}`
                      : test.kind === 'stdio'
                        ? `${JSON.stringify(test.stdin)} → ${JSON.stringify(test.expectedStdout)}`
                        : test.name}
                  </code>
                </li>
              ))}
            </ul>
          )}
          {built.problems.length > 0 && <ProblemList heading={t('answers.problems', { count: built.problems.length })} problems={built.problems} />}
        </section>
      )}
      {findings.length > 0 && (
        <div className="problems" role="alert">
          <p className="problems-heading">{t('answers.referenceFails')}</p>
          <ul>
            {findings.map((f, i) => (
              <li key={i}>{f.kind === 'fails' ? t('answers.referenceFailsTest', { test: f.test, verdict: t(`verdict.${f.status}`) }) : t('answers.referenceFlaky', { test: f.test })}</li>
            ))}
          </ul>
        </div>
      )}
      {failure && (
        <p className="note error" role="alert">
          {failure}
        </p>
      )}
      <p>
        <button type="button" className="primary" disabled={!built?.task || busy} onClick={() => void create()}>
          {busy && built?.task?.referenceSolution ? t('answers.checking') : t('answers.create')}
        </button>
      </p>
    </main>
  );
}
