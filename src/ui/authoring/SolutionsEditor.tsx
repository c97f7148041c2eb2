// The code of a task: the reference solution (per language, each optional) and the candidate
// solutions trainers will judge, all in editable Monaco editors.
import { useTranslation } from 'react-i18next';
import { nextSolutionId, type FormAction, type SolutionForm, type TaskForm } from '../../domain/draft.js';
import { LANGUAGES, type Language, type Locale } from '../../domain/task.js';
import { CodeEditor } from '../editor/CodeEditor.js';
import { newRowKey } from '../services/draftStore.js';
import { AuthorSection, useField } from './fields.js';

type Props = { form: TaskForm; dispatch: (a: FormAction) => void; locale: Locale };

const STARTER: Record<Language, string> = { python: '', javascript: '', typescript: '', cpp: '' };

export function ReferenceEditor({ form, dispatch, locale }: Props) {
  const { t } = useTranslation('authoring');
  const section = useField('referenceSolution');
  // One binding per language: LANGUAGES is a constant, so the hooks run in the same order every time.
  const bindings = Object.fromEntries(LANGUAGES.map((l) => [l, useField(`referenceSolution.${l}`)])) as Record<Language, ReturnType<typeof useField>>;
  return (
    <AuthorSection id="reference" heading={t('reference.heading')} hint={t('reference.hint')}>
      {section.notes}
      {LANGUAGES.map((l) => {
        const code = form.reference[l];
        const language = t(`language.${l}`, { ns: 'common' });
        const b = bindings[l];
        if (code === null)
          return (
            <p key={l}>
              <button type="button" onClick={() => dispatch({ type: 'setReference', language: l, code: STARTER[l] })}>
                {t('reference.add', { language })}
              </button>
            </p>
          );
        return (
          <div className="field code-field" key={l}>
            <div className="section-head">
              <span className="field-label" aria-hidden="true">
                {t('reference.codeIn', { language })}
              </span>
              <button type="button" className="small ghost danger" onClick={() => dispatch({ type: 'setReference', language: l, code: null })}>
                {t('reference.remove', { language })}
              </button>
            </div>
            <CodeEditor
              id={b.id}
              value={code}
              onChange={(value) => dispatch({ type: 'setReference', language: l, code: value })}
              language={l}
              label={t('reference.codeIn', { language })}
              locale={locale}
              {...(b.describedBy ? { describedBy: b.describedBy } : {})}
              invalid={b.invalid}
              minLines={6}
            />
            {b.notes}
          </div>
        );
      })}
    </AuthorSection>
  );
}

export function CandidatesEditor({ form, dispatch, locale }: Props) {
  const { t } = useTranslation('authoring');
  const section = useField('solutions');
  const add = (language: Language) => {
    const id = nextSolutionId(form);
    dispatch({ type: 'addSolution', key: newRowKey(), language, id, label: id.toUpperCase() });
  };
  return (
    <AuthorSection id="candidates" heading={t('candidates.heading')} hint={t('candidates.hint')}>
      {section.notes}
      {form.solutions.map((s, i) => (
        <CandidateCard key={s.key} solution={s} index={i} dispatch={dispatch} locale={locale} />
      ))}
      <div className="row add-row">
        {LANGUAGES.map((l) => (
          <button key={l} type="button" onClick={() => add(l)}>
            {t('candidates.add', { language: t(`language.${l}`, { ns: 'common' }) })}
          </button>
        ))}
      </div>
    </AuthorSection>
  );
}

function CandidateCard({ solution: s, index, dispatch, locale }: { solution: SolutionForm; index: number; dispatch: (a: FormAction) => void; locale: Locale }) {
  const { t } = useTranslation('authoring');
  const at = `solutions[${index}]`;
  const n = index + 1;
  const card = useField(at);
  const id = useField(`${at}.id`, { hint: `${card.id}-id-hint` });
  const label = useField(`${at}.label`);
  const language = useField(`${at}.language`);
  const origin = useField(`${at}.origin`);
  const code = useField(`${at}.code`);
  const update = (patch: Partial<Omit<SolutionForm, 'key'>>) => dispatch({ type: 'updateSolution', key: s.key, patch });
  const name = s.label.trim() || s.id || String(n);
  return (
    <div className="test-card" role="group" aria-labelledby={`${card.id}-heading`}>
      <div className="test-card-head">
        <h3 id={`${card.id}-heading`}>{t('candidates.cardHeading', { n, label: name })}</h3>
        <button type="button" className="small ghost danger" onClick={() => dispatch({ type: 'removeSolution', key: s.key })}>
          {t('candidates.remove', { label: name })}
        </button>
      </div>
      {card.notes}
      <div className="field-grid">
        <div className="field">
          <label htmlFor={id.id}>{t('candidates.idOf', { n })}</label>
          <input className="mono" value={s.id} spellCheck={false} onChange={(e) => update({ id: e.target.value })} {...id.props} />
          <span id={`${card.id}-id-hint`} className="hint">
            {t('candidates.idHint')}
          </span>
          {id.notes}
        </div>
        <div className="field">
          <label htmlFor={label.id}>{t('candidates.labelOf', { n })}</label>
          <input value={s.label} onChange={(e) => update({ label: e.target.value })} {...label.props} />
          {label.notes}
        </div>
        <div className="field">
          <label htmlFor={language.id}>{t('candidates.languageOf', { n })}</label>
          <select value={s.language} onChange={(e) => update({ language: e.target.value as Language })} {...language.props}>
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {t(`language.${l}`, { ns: 'common' })}
              </option>
            ))}
          </select>
          {language.notes}
        </div>
        <div className="field">
          <label htmlFor={origin.id}>{t('candidates.originOf', { n })}</label>
          <input value={s.origin} placeholder={t('candidates.originPlaceholder')} onChange={(e) => update({ origin: e.target.value })} {...origin.props} />
          {origin.notes}
        </div>
      </div>
      <CodeEditor
        id={code.id}
        value={s.code}
        onChange={(value) => update({ code: value })}
        language={s.language}
        label={t('candidates.codeOf', { label: name })}
        locale={locale}
        {...(code.describedBy ? { describedBy: code.describedBy } : {})}
        invalid={code.invalid}
        minLines={5}
      />
      {code.notes}
    </div>
  );
}
