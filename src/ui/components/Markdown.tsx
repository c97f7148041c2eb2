// Markdown from a task or a model, shown as sanitized HTML (src/ui/markdown.ts). Python and
// JavaScript code blocks are then highlighted by Monaco, loaded only if the text has such blocks;
// if highlighting fails the code simply stays plain.
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../domain/task.js';
import { colorize } from '../editor/monacoLoader.js';
import { codeBlockLanguage, colorizedFragment, renderMarkdown } from '../markdown.js';

export interface MarkdownProps {
  source: string;
  /** Language of the text itself (the `lang` attribute), when it may differ from the page's. */
  lang?: string;
  className?: string;
}

export function Markdown({ source, lang, className }: MarkdownProps) {
  const { t, i18n } = useTranslation('editor');
  const locale: Locale = i18n.language === 'es-CL' ? 'es-CL' : 'en';
  const imagePlaceholder = t('markdown.image');
  // The only string ever given to dangerouslySetInnerHTML: the output of DOMPurify.
  const html = useMemo(() => renderMarkdown(source, { imagePlaceholder }), [source, imagePlaceholder]);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const blocks = Array.from(ref.current?.querySelectorAll<HTMLElement>('pre > code[class^="language-"]:not([data-highlighted])') ?? []).flatMap(
      (element) => {
        const language = codeBlockLanguage(element);
        return language ? [{ element, language }] : [];
      },
    );
    if (blocks.length === 0) return; // no code to highlight: Monaco is not loaded
    let live = true;
    void (async () => {
      for (const { element, language } of blocks) {
        try {
          const code = element.textContent ?? '';
          // Monaco ends every line with <br/>, which becomes "\n": drop the final one first.
          const colored = await colorize(code.replace(/\n$/, ''), language, locale);
          if (!live) return;
          const fragment = colorizedFragment(colored, element.ownerDocument);
          if (!code.endsWith('\n') && fragment.lastChild?.nodeValue === '\n') fragment.lastChild.remove();
          element.replaceChildren(fragment);
          element.setAttribute('data-highlighted', '');
        } catch (error) {
          console.warn('Code highlighting failed; the code stays plain', error);
          return;
        }
      }
    })();
    return () => {
      live = false;
    };
  }, [html, locale]);

  return <div ref={ref} className={className ? `markdown ${className}` : 'markdown'} lang={lang} dangerouslySetInnerHTML={{ __html: html }} />;
}

export default Markdown;
