// The ideal answer (rewrite): started from any answer or from scratch, edited as Markdown (prose and
// code) with a live preview, and run against every test; submitting needs it to pass them all or a
// written reason (guardrails.ts). Changes are EvaluationActions; the run is the session's.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contentHash } from '../../domain/contentHash.js';
import type { EvaluationAction, Judgement } from '../../domain/evaluation.js';
import type { Locale, Solution } from '../../domain/task.js';
import { Markdown } from './Markdown.js';

/** An answer as the starting text: the model's Markdown, or its code in a fence. */
function startingText(s: Solution): string {
  return s.answer ?? `\`\`\`${s.language}\n${s.code.replace(/\n+$/, '')}\n\`\`\`\n`;
}

export function RewritePanel({ solutions, judgement, locale, disabled, dispatch, onRun, running, invalid }: {
  solutions: readonly Solution[];
  judgement: Judgement;
  locale: Locale;
  disabled: boolean;
  dispatch: (a: EvaluationAction) => void;
  onRun: () => void;
  running: boolean;
  invalid: boolean;
}) {
  const { t } = useTranslation('judging');
  const rewrite = judgement.rewrite;
  const [from, setFrom] = useState(solutions[0]?.id ?? '');
  const result = rewrite?.result && rewrite.result.markdownHash === contentHash(rewrite.markdown) ? rewrite.result : undefined;
  const failed = result ? result.tests.filter((x) => x.status !== 'passed').length : 0;
  return (
    <section id="rewrite-editor" className="jp-rewrite" aria-labelledby="jp-rewrite-heading" tabIndex={-1} aria-invalid={invalid || undefined}>
      <h3 id="jp-rewrite-heading">{t('rewrite.heading')}</h3>
      <p className="jp-hint">{t('rewrite.intro')}</p>
      {!rewrite ? (
        <div className="jp-rewrite-start">
          <label>
            {t('rewrite.startFrom')}{' '}
            <select value={from} onChange={(e) => setFrom(e.target.value)} disabled={disabled}>
              {solutions.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.label}
                </option>
              ))}
              <option value="">{t('rewrite.scratch')}</option>
            </select>
          </label>{' '}
          <button
            type="button"
            disabled={disabled}
            onClick={() => {
              const s = solutions.find((x) => x.id === from);
              dispatch(s ? { type: 'rewrite', from: s.id, markdown: startingText(s) } : { type: 'rewrite', markdown: '' });
            }}
          >
            {t('rewrite.start')}
          </button>
        </div>
      ) : (
        <>
          <div className="jp-rewrite-edit">
            <textarea
              aria-label={t('rewrite.editor')}
              rows={12}
              spellCheck
              lang={locale}
              value={rewrite.markdown}
              disabled={disabled}
              onChange={(e) => dispatch({ type: 'rewrite', markdown: e.target.value })}
            />
            <div className="jp-rewrite-preview" aria-label={t('rewrite.preview')} role="region">
              <Markdown source={rewrite.markdown || ' '} />
            </div>
          </div>
          <p>
            <button type="button" disabled={disabled || running || !rewrite.markdown.trim()} onClick={onRun}>
              {running ? t('rewrite.running') : t('rewrite.run')}
            </button>{' '}
            <span role="status" className={result ? (failed ? 'jp-bad' : 'jp-good') : 'jp-hint'} data-rewrite-verdict={result?.verdict}>
              {result ? (failed ? t('rewrite.fails', { count: failed, total: result.tests.length }) : t('rewrite.passes', { total: result.tests.length })) : t('rewrite.notRun')}
            </span>
          </p>
          <label className="jp-rewrite-exemption" htmlFor="rewrite-exemption">
            {t('rewrite.exemption')}
          </label>
          <textarea
              id="rewrite-exemption"
              rows={2}
              value={rewrite.exemption?.text ?? ''}
              disabled={disabled}
              onChange={(e) => dispatch({ type: 'rewriteExemption', text: e.target.value, locale: rewrite.exemption?.locale ?? locale })}
            />
          <p>
            <button type="button" className="small" disabled={disabled} onClick={() => dispatch({ type: 'dropRewrite' })}>
              {t('rewrite.discard')}
            </button>
          </p>
        </>
      )}
    </section>
  );
}
