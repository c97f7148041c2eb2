// The task's own fields: id, difficulty, tags, entry point and limits; then title and prompt in
// both languages side by side, each prompt with a live preview (Markdown, sanitised as the task
// screen shows it). A field given in one language only is marked as a missing translation.
import { useTranslation } from 'react-i18next';
import type { FormAction, TaskForm } from '../../domain/draft.js';
import { DEFAULT_LIMITS, DIFFICULTIES, LANGUAGES, LOCALES, type Language, type Locale } from '../../domain/task.js';
import { formatValue, languageName } from '../../i18n/format.js';
import { Markdown } from '../components/Markdown.js';
import { AuthorSection, FieldErrors, useField } from './fields.js';

type Props = { form: TaskForm; dispatch: (a: FormAction) => void; locale: Locale };

export function BasicsSection({ form, dispatch }: Props) {
  const { t } = useTranslation('authoring');
  const id = useField('id', { hint: 'id-hint' });
  const tags = useField('tags', { nested: true, hint: 'tags-hint' });
  const difficulty = useField('difficulty');
  return (
    <AuthorSection id="basics" heading={t('basics.heading')}>
      <div className="field-grid">
        <div className="field">
          <label htmlFor={id.id}>{t('basics.id')}</label>
          <input className="mono" value={form.id} onChange={(e) => dispatch({ type: 'setId', value: e.target.value })} spellCheck={false} autoComplete="off" {...id.props} />
          <span id="id-hint" className="hint">
            {t('basics.idHint')}
          </span>
          {id.notes}
        </div>
        <div className="field">
          <label htmlFor={difficulty.id}>{t('basics.difficulty')}</label>
          <select value={form.difficulty} onChange={(e) => dispatch({ type: 'setDifficulty', value: e.target.value as TaskForm['difficulty'] })} {...difficulty.props}>
            <option value="">{t('basics.noDifficulty')}</option>
            {DIFFICULTIES.map((d) => (
              <option key={d} value={d}>
                {t(`difficulty.${d}`, { ns: 'common' })}
              </option>
            ))}
          </select>
          {difficulty.notes}
        </div>
        <div className="field wide">
          <label htmlFor={tags.id}>{t('basics.tags')}</label>
          <input value={form.tags} onChange={(e) => dispatch({ type: 'setTags', value: e.target.value })} {...tags.props} />
          <span id="tags-hint" className="hint">
            {t('basics.tagsHint')}
          </span>
          {tags.notes}
        </div>
      </div>
      <EntryPointFields form={form} dispatch={dispatch} />
      <LimitsFields form={form} dispatch={dispatch} />
    </AuthorSection>
  );
}

function EntryPointFields({ form, dispatch }: Pick<Props, 'form' | 'dispatch'>) {
  const { t } = useTranslation('authoring');
  const ep = form.entryPoint;
  const all = useField('entryPoint', { nested: !ep.perLanguage, hint: 'entry-hint' });
  // One binding per language: LANGUAGES is a constant, so the hooks run in the same order every time.
  const per = Object.fromEntries(LANGUAGES.map((l) => [l, useField(`entryPoint.${l}`)])) as Record<Language, ReturnType<typeof useField>>;
  return (
    <fieldset className="subfields">
      <legend>{t('basics.entryPoint')}</legend>
      <p id="entry-hint" className="hint">
        {t('basics.entryPointHint')}
      </p>
      <label className="inline">
        <input type="checkbox" checked={ep.perLanguage} onChange={(e) => dispatch({ type: 'setEntryPoint', patch: { perLanguage: e.target.checked } })} />
        {t('basics.perLanguage')}
      </label>
      {ep.perLanguage ? (
        <div className="field-grid">
          {LANGUAGES.map((l) => (
            <div className="field" key={l}>
              <label htmlFor={per[l].id}>{t('basics.entryPointFor', { language: t(`language.${l}`, { ns: 'common' }) })}</label>
              <input className="mono" value={ep[l]} spellCheck={false} onChange={(e) => dispatch({ type: 'setEntryPoint', patch: { [l]: e.target.value } })} {...per[l].props} />
              {per[l].notes}
            </div>
          ))}
          {all.problems.length > 0 && all.notes}
        </div>
      ) : (
        <div className="field">
          <label htmlFor={all.id}>{t('basics.entryPointAll')}</label>
          <input className="mono" value={ep.all} spellCheck={false} onChange={(e) => dispatch({ type: 'setEntryPoint', patch: { all: e.target.value } })} {...all.props} />
          {all.notes}
        </div>
      )}
    </fieldset>
  );
}

function LimitsFields({ form, dispatch }: Pick<Props, 'form' | 'dispatch'>) {
  const { t, i18n } = useTranslation('authoring');
  const locale = i18n.language;
  const fields = {
    timeMs: useField('limits.timeMs'),
    outputBytes: useField('limits.outputBytes'),
    memoryMb: useField('limits.memoryMb'),
  };
  return (
    <fieldset className="subfields">
      <legend>{t('basics.limits')}</legend>
      <div className="field-grid">
        {(['timeMs', 'outputBytes', 'memoryMb'] as const).map((k) => (
          <div className="field" key={k}>
            <label htmlFor={fields[k].id}>{t(`basics.${k}`)}</label>
            <input
              inputMode="numeric"
              value={form.limits[k]}
              placeholder={formatValue(locale, DEFAULT_LIMITS[k])}
              onChange={(e) => dispatch({ type: 'setLimits', patch: { [k]: e.target.value } })}
              {...fields[k].props}
            />
            {fields[k].notes}
          </div>
        ))}
      </div>
    </fieldset>
  );
}

/** Title and prompt, one column per language; the page's language first. */
export function TextsSection({ form, dispatch, locale }: Props) {
  const { t } = useTranslation('authoring');
  const order: Locale[] = [locale, ...LOCALES.filter((l) => l !== locale)];
  const title = useField('title');
  const prompt = useField('prompt');
  return (
    <AuthorSection id="texts" heading={t('texts.heading')} hint={t('texts.hint')}>
      {title.invalid && <FieldErrors id={`${title.id}-error`} problems={title.problems} prefix={t('texts.titleField')} />}
      {prompt.invalid && <FieldErrors id={`${prompt.id}-error`} problems={prompt.problems} prefix={t('texts.promptField')} />}
      <div className="locale-columns">
        {order.map((l) => (
          <LocaleColumn key={l} form={form} dispatch={dispatch} locale={l} titleError={title.describedBy} promptError={prompt.describedBy} />
        ))}
      </div>
    </AuthorSection>
  );
}

type ColumnProps = { form: TaskForm; dispatch: (a: FormAction) => void; locale: Locale; titleError?: string; promptError?: string };

function LocaleColumn({ form, dispatch, locale, titleError, promptError }: ColumnProps) {
  const { t, i18n } = useTranslation('authoring');
  const language = languageName(i18n.language, locale);
  // "Needs text in at least one language" belongs to both columns: it is shown once, above them.
  const title = useField(`title.${locale}`, { ...(titleError ? { hint: titleError } : {}) });
  const prompt = useField(`prompt.${locale}`, { ...(promptError ? { hint: promptError } : {}) });
  return (
    <div className="locale-column" lang={locale}>
      <h3 lang={undefined}>{language}</h3>
      <div className="field">
        <label htmlFor={title.id}>{t('texts.title', { language })}</label>
        <input value={form.title[locale]} onChange={(e) => dispatch({ type: 'setLocalized', field: 'title', locale, value: e.target.value })} {...title.props} />
        {title.notes}
      </div>
      <div className="field">
        <label htmlFor={prompt.id}>{t('texts.prompt', { language })}</label>
        <textarea
          className="prompt-input"
          rows={8}
          value={form.prompt[locale]}
          onChange={(e) => dispatch({ type: 'setLocalized', field: 'prompt', locale, value: e.target.value })}
          {...prompt.props}
        />
        {prompt.notes}
      </div>
      <div className="preview" role="region" aria-label={t('texts.preview', { language })}>
        {form.prompt[locale].trim() ? <Markdown source={form.prompt[locale]} lang={locale} /> : <p className="muted">{t('texts.previewEmpty')}</p>}
      </div>
    </div>
  );
}
