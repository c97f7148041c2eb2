// Tasks whose id is already taken, and the author's choice for each: rename (a free id is
// suggested), replace the task that has it (never a bundled one), or skip. Used when importing
// task files and when saving a draft to the workbench.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { suggestId } from '../../domain/draft.js';
import { canReplace, type Holder, type IdConflict, type Resolution, type ResolutionProblem } from '../../domain/taskIds.js';

export type ConflictItem = { conflict: IdConflict; title: string };

type Props = {
  items: readonly ConflictItem[];
  taken: ReadonlyMap<string, readonly Holder[]>;
  problems: readonly ResolutionProblem[];
  onConfirm: (resolutions: Map<number, Resolution>) => void;
  onCancel: () => void;
  /** The confirm button's text (Import, Save). */
  confirmLabel: string;
};

export function IdResolver({ items, taken, problems, onConfirm, onCancel, confirmLabel }: Props) {
  const { t } = useTranslation('authoring');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [choices, setChoices] = useState<Map<number, Resolution>>(() => {
    const used = new Set(taken.keys());
    return new Map(
      items.map(({ conflict }) => {
        const id = suggestId(conflict.id, used);
        used.add(id);
        return [conflict.index, { action: 'rename', id } as Resolution];
      }),
    );
  });
  const [names, setNames] = useState<Map<number, string>>(() => new Map([...choices].map(([i, r]) => [i, r.action === 'rename' ? r.id : ''])));

  useEffect(() => headingRef.current?.focus(), []);

  const choose = (index: number, r: Resolution) => setChoices(new Map(choices).set(index, r));
  return (
    <section className="id-resolver card" aria-labelledby="resolver-heading">
      <h2 id="resolver-heading" tabIndex={-1} ref={headingRef}>
        {t('conflicts.heading', { count: items.length })}
      </h2>
      <p className="hint">{t('conflicts.hint')}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onConfirm(choices);
        }}
      >
        {items.map(({ conflict: c, title }) => {
          const choice = choices.get(c.index);
          const problem = problems.find((p) => p.index === c.index);
          const replaceable = canReplace(c);
          const group = `resolve-${c.index}`;
          const name = names.get(c.index) ?? '';
          const errorId = `${group}-error`;
          return (
            <fieldset key={c.index} className="subfields" aria-describedby={problem ? errorId : undefined}>
              <legend>{t('conflicts.item', { title, id: c.id })}</legend>
              <p className="muted">
                {c.repeated ? t('conflicts.repeated') : t('conflicts.usedBy', { holders: c.holders.map((h) => t(`conflicts.holder.${h}`)).join(', ') })}
              </p>
              <div className="resolve-options">
                <label className="inline">
                  <input type="radio" name={group} checked={choice?.action === 'rename'} onChange={() => choose(c.index, { action: 'rename', id: name })} />
                  {t('conflicts.rename')}
                </label>
                <input
                  className="mono"
                  aria-label={t('conflicts.newId', { title })}
                  value={name}
                  spellCheck={false}
                  aria-invalid={problem && problem.problem !== 'replaceBundled' ? true : undefined}
                  aria-describedby={problem ? errorId : undefined}
                  onChange={(e) => {
                    setNames(new Map(names).set(c.index, e.target.value));
                    choose(c.index, { action: 'rename', id: e.target.value });
                  }}
                />
                <label className="inline">
                  <input type="radio" name={group} checked={choice?.action === 'replace'} disabled={!replaceable} onChange={() => choose(c.index, { action: 'replace' })} />
                  {t('conflicts.replace')}
                  {!replaceable && <span className="muted"> {c.repeated ? t('conflicts.cannotReplaceRepeated') : t('conflicts.cannotReplaceBundled')}</span>}
                </label>
                <label className="inline">
                  <input type="radio" name={group} checked={choice?.action === 'skip'} onChange={() => choose(c.index, { action: 'skip' })} />
                  {t('conflicts.skip')}
                </label>
              </div>
              {problem && (
                <p id={errorId} className="field-error" role="alert">
                  {t(`conflicts.problem.${problem.problem}`)}
                </p>
              )}
            </fieldset>
          );
        })}
        <div className="row">
          <button type="submit" className="primary">
            {confirmLabel}
          </button>
          <button type="button" onClick={onCancel}>
            {t('conflicts.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
