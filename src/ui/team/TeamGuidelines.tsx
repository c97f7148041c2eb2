// The project's guidelines beside a leased task, in the trainer's language (the other one when
// missing), rendered through the same sanitiser as task prompts; the version is shown because
// the judgement is stored with it.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../domain/task.js';
import { pickLocale } from '../../domain/task.js';
import type { TeamQueue } from '../services/team.js';
import { Markdown } from '../components/Markdown.js';
import { useServices } from '../services/services.js';

export function TeamGuidelines({ projectId, guidelines }: { projectId: string; guidelines?: TeamQueue['guidelines'] }) {
  const { team } = useServices();
  const { t, i18n } = useTranslation('team');
  const [kept, setKept] = useState<TeamQueue['guidelines'] | undefined>(guidelines);
  useEffect(() => {
    if (guidelines) return setKept(guidelines);
    void team.guidelines(projectId).then(setKept);
  }, [team, projectId, guidelines]);
  if (!kept || (!kept.en && !kept['es-CL'])) return null;
  const text = pickLocale({ en: kept.en || undefined, 'es-CL': kept['es-CL'] || undefined } as never, i18n.language as Locale);
  return (
    <details className="card team-guidelines" open>
      <summary>
        <h2>{t('ui.guidelines.heading')}</h2> <span className="muted">{t('ui.guidelines.version', { version: kept.version })}</span>
      </summary>
      <Markdown source={text.text} lang={text.locale} />
    </details>
  );
}
