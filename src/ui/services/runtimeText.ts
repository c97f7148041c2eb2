// How a runtime's state reads in the page's language, in the header's chips and in a task's runtime
// note alike: ready, failed, not started, starting, or fetching its files with how far it has got
// (C++ fetches clang, about 105 MB, the first time a C++ task opens).
import type { TFunction } from 'i18next';
import type { Language } from '../../domain/task.js';
import { shownProgress } from '../../sandbox/browser/downloadProgress.js';
import type { RuntimeState } from './runtimes.js';

export function runtimeStateText(t: TFunction<'common'>, language: Language, s: RuntimeState): string {
  const name = t(`language.${language}`);
  switch (s.phase) {
    case 'ready':
      return t('runtime.readyShort', { language: name });
    case 'failed':
      return t('runtime.failed', { language: name });
    case 'idle':
      return t('runtime.idle', { language: name });
    case 'starting': {
      const shown = s.download && shownProgress(s.download);
      // Once the files are all here (or came from the cache), what is left is the start itself.
      if (!shown || ('percent' in shown && shown.percent >= 100)) return t('runtime.startingShort', { language: name });
      return 'percent' in shown
        ? t('runtime.downloading', { language: name, percent: shown.percent, megabytes: shown.megabytes })
        : t('runtime.downloadingSoFar', { language: name, megabytes: shown.megabytes });
    }
  }
}
