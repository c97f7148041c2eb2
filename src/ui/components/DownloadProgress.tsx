// The bar of a runtime's download while it starts (C++ fetches clang, about 105 MB, the first time a
// C++ task opens): a <progress> of the bytes so far against the whole (without a value while the
// whole is unknown), named in the page's language. Nothing once the files are all here.
import { useTranslation } from 'react-i18next';
import type { Language } from '../../domain/task.js';
import type { RuntimeState } from '../services/runtimes.js';

export function DownloadProgress({ language, state }: { language: Language; state: RuntimeState }) {
  const { t } = useTranslation();
  if (state.phase !== 'starting' || !state.download) return null;
  const { done, total } = state.download;
  if (total !== null && done >= total) return null;
  const label = t('runtime.downloadBar', { language: t(`language.${language}`) });
  return total === null ? (
    <progress className="download" aria-label={label} />
  ) : (
    <progress className="download" aria-label={label} value={Math.min(done, total)} max={total} />
  );
}
