// The editor's side panel: where the draft stands (draft only, in the workbench, ready), what it
// still needs to be ready, every problem with a way to reach its field, and the translations still
// to write. The actions (save, mark ready, export) sit at its top.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReadinessItem } from '../../domain/readiness.js';
import type { DraftValidation } from '../../formats/taskDraft.js';
import { focusField, problemText } from './fields.js';

type Props = {
  validation: DraftValidation;
  /** The problems shown so far (of fields the author has left, or all after a save). */
  shown: DraftValidation['problems'];
  missing: readonly string[];
  readiness: { ready: boolean; items: { id: ReadinessItem; ok: boolean }[] };
  actions: ReactNode;
};

export function StatusPanel({ validation, shown, missing, readiness, actions }: Props) {
  const { t } = useTranslation('authoring');
  const { problems } = validation;
  return (
    <div className="status-panel">
      <section className="card" aria-labelledby="actions-heading">
        <h2 id="actions-heading">{t('status.actions')}</h2>
        {actions}
      </section>
      <section className="card" aria-labelledby="ready-heading">
        <h2 id="ready-heading">{t('status.readyHeading')}</h2>
        <ul className="checklist">
          {readiness.items.map((i) => (
            <li key={i.id} className={i.ok ? 'ok' : 'todo'} data-item={i.id} data-ok={i.ok}>
              <span aria-hidden="true">{i.ok ? '✓' : '○'} </span>
              <span className="visually-hidden">{i.ok ? t('status.done') : t('status.todo')}: </span>
              {t(`readiness.${i.id}`)}
            </li>
          ))}
        </ul>
      </section>
      <section className="card" aria-labelledby="problems-heading">
        <h2 id="problems-heading">{t('status.problems', { count: problems.length })}</h2>
        {problems.length === 0 ? (
          <p className="muted">{t('status.noProblems')}</p>
        ) : shown.length === 0 ? (
          <p className="muted">{t('status.problemsLater')}</p>
        ) : (
          <ul className="problem-list">
            {shown.map((p, i) => (
              <li key={i}>
                <button type="button" className="link" onClick={() => focusField(p.path)} title={t('status.goToField')}>
                  <code>{p.path}</code>
                </button>{' '}
                {problemText(t, p)}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby="missing-heading">
        <h2 id="missing-heading">{t('missing.heading', { count: missing.length })}</h2>
        {missing.length === 0 ? (
          <p className="muted">{t('missing.none')}</p>
        ) : (
          <>
            <p className="hint">{t('missing.hint')}</p>
            <ul className="problem-list">
              {missing.map((path) => (
                <li key={path}>
                  <button type="button" className="link" onClick={() => focusField(path)}>
                    <code>{path}</code>
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </div>
  );
}
