// Spelling of one text in its own language, shown under the field as a quiet note (never a
// blocker): the words the bundled dictionary does not know, with suggestions. Code in backticks,
// the solutions' identifiers and the glossary's terms are left alone (domain/writingChecks.ts).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../domain/task.js';
import { wordsToCheck } from '../../domain/writingChecks.js';
import { checkSpelling, type Misspelled } from '../services/spelling.js';

const DEBOUNCE_MS = 600;

export function SpellingNote({ text, locale, identifiers }: { text: string; locale: Locale; identifiers: ReadonlySet<string> }) {
  const { t } = useTranslation('judging');
  const [found, setFound] = useState<{ text: string; misspelled: Misspelled[] } | undefined>();
  useEffect(() => {
    const words = wordsToCheck(text, identifiers).map((w) => w.word);
    if (!words.length) return setFound(undefined);
    let live = true;
    const timer = setTimeout(() => void checkSpelling(locale, words).then((misspelled) => live && setFound({ text, misspelled })), DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text, locale, identifiers]);
  if (!found || found.text !== text || !found.misspelled.length) return null;
  return (
    <p className="jp-hint jp-spelling" role="status" data-spelling={found.misspelled.map((m) => m.word).join(' ')}>
      {t('spelling.found', { language: t(`spelling.in.${locale}`) })}{' '}
      {found.misspelled.map((m, i) => (
        <span key={m.word}>
          {i > 0 && ', '}
          <mark>{m.word}</mark>
          {m.suggestions.length > 0 && ` (${m.suggestions.join(', ')})`}
        </span>
      ))}
    </p>
  );
}
