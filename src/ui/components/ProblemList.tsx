// Problems found in a file the user gave us, each with file, line and field, in the user's locale.
import { useTranslation } from 'react-i18next';
import { render } from '../../i18n/i18n.js';
import type { Problem } from '../../formats/taskFile.js';

export function ProblemList({ heading, problems }: { heading: string; problems: Problem[] }) {
  const { t } = useTranslation();
  return (
    <div className="problems" role="alert">
      <p className="problems-heading">{heading}</p>
      <ul>
        {problems.map((p, i) => (
          <li key={i}>
            {p.file && <code>{p.file}</code>}
            {p.line !== undefined && <span className="muted"> · {t('problem.line', { line: p.line })}</span>}
            {p.field && <span className="muted"> · <code>{p.field}</code></span>}
            <div>{render(t, p.message)}</div>
          </li>
        ))}
      </ul>
    </div>
  );
}
