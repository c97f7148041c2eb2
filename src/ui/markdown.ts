// Markdown written by task authors or models → HTML that is safe to insert into the page: marked
// (GFM) then DOMPurify with an allow-list. Nothing it returns can run script, load a resource or
// navigate the app. Needs a DOM (the browser's window; happy-dom in unit tests); no React here.
import DOMPurify, { type Config } from 'dompurify';
import { Marked } from 'marked';
import { languageOfFence, type Language } from '../domain/language.js';

export interface MarkdownOptions {
  /** Shown in brackets in place of an image that has no alt text ("image", localized by the caller). */
  imagePlaceholder?: string;
}

/** Prefix DOMPurify's SANITIZE_NAMED_PROPS gives every id; in-page links are rewritten to match. */
const ID_PREFIX = 'user-content-';

/** The elements Markdown produces plus a few harmless inline/structural ones authors write by hand. */
const ALLOWED_TAGS = [
  'a', 'abbr', 'b', 'blockquote', 'br', 'caption', 'code', 'dd', 'del', 'details', 'div', 'dl', 'dt',
  'em', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'ins', 'kbd', 'li', 'mark', 'ol', 'p', 'pre',
  'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'summary', 'sup', 'table', 'tbody', 'td',
  'tfoot', 'th', 'thead', 'tr', 'u', 'ul', 'var',
];

/**
 * No style, no on*, no src/srcset/background/action/ping (nothing that loads or posts), no aria-*
 * or data-* (content must not relabel itself for screen readers or the app's scripts). `class` is
 * further cut down to `language-xxx` on <code>; `href` is checked by {@link safeHref}.
 */
const ALLOWED_ATTR = ['href', 'title', 'class', 'id', 'align', 'start', 'colspan', 'rowspan', 'open'];

const CONFIG: Config = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  SANITIZE_DOM: true,
  SANITIZE_NAMED_PROPS: true, // ids become user-content-…, so content cannot clobber the app's ids
  KEEP_CONTENT: true,
  WHOLE_DOCUMENT: false,
};

const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
const LANGUAGE_CLASS = /^language-[A-Za-z0-9_+#-]{1,32}$/;

const marked = new Marked({ gfm: true, breaks: false, async: false });

let purifier: ReturnType<typeof DOMPurify> | undefined;
/** Set for the duration of one synchronous renderMarkdown call; read by the hooks. */
let imagePlaceholder = 'image';

/**
 * What a link may point to, normalized as the browser will read it, or null to drop the href:
 * absolute http(s) and mailto URLs, and in-page #anchors (rewritten to the user-content- ids).
 * Relative and protocol-relative paths are dropped too: they would navigate within the app.
 */
export function safeHref(raw: string): string | null {
  // The URL parser removes tab/newline anywhere and C0 controls/space at the ends; do the same first.
  const value = raw.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
  if (value.startsWith('#')) {
    const fragment = value.slice(1);
    if (fragment === '') return null;
    return `#${fragment.startsWith(ID_PREFIX) ? fragment : ID_PREFIX + fragment}`;
  }
  let url: URL;
  try {
    url = new URL(value); // no base: anything relative throws
  } catch {
    return null;
  }
  return LINK_PROTOCOLS.has(url.protocol) ? url.href : null;
}

function getPurifier(): ReturnType<typeof DOMPurify> {
  if (purifier) return purifier;
  if (typeof window === 'undefined') throw new Error('renderMarkdown needs a DOM (window)');
  // A private instance: these hooks must not change how anything else in the app sanitizes.
  const p = DOMPurify(window);
  // The hooks only add text before an element; removing nodes is left to DOMPurify (changing the
  // tree around the node being visited would derail its NodeIterator in some DOMs).
  p.addHook('uponSanitizeElement', (node, data) => {
    const element = node as Element;
    const doc = element.ownerDocument;
    if (data.tagName === 'img') {
      // Never load an image (no request, no tracking pixel): show its alt text instead.
      const alt = (element.getAttribute('alt') ?? '').trim();
      element.before(doc.createTextNode(`[${alt || imagePlaceholder}]`)); // DOMPurify then drops the <img>
    } else if (data.tagName === 'input') {
      // GFM task lists: a glyph instead of a form control. Any other input just disappears.
      const isCheckbox = (element.getAttribute('type') ?? '').toLowerCase() === 'checkbox';
      if (isCheckbox) element.before(doc.createTextNode(element.hasAttribute('checked') ? '☑' : '☐'));
    }
  });
  p.addHook('afterSanitizeAttributes', (node) => {
    const element = node as Element;
    if (typeof element.getAttribute !== 'function') return;
    const className = element.getAttribute('class');
    if (className !== null) {
      const keep = element.tagName === 'CODE' ? className.split(/\s+/).find((c) => LANGUAGE_CLASS.test(c)) : undefined;
      if (keep) element.setAttribute('class', keep);
      else element.removeAttribute('class');
    }
    if (element.tagName === 'A') {
      const raw = element.getAttribute('href');
      const href = raw === null ? null : safeHref(raw);
      if (href === null) {
        element.removeAttribute('href');
      } else {
        element.setAttribute('href', href);
        if (!href.startsWith('#')) {
          element.setAttribute('rel', 'noopener noreferrer nofollow');
          element.setAttribute('target', '_blank');
        }
      }
    }
  });
  purifier = p;
  return p;
}

/** Markdown (GFM) → sanitized HTML string, ready for dangerouslySetInnerHTML. */
/**
 * Chromium reports a CSP violation for every on* attribute and <base> it merely parses, even into
 * DOMPurify's inert document where nothing runs; dropping them from the text first keeps the report
 * log for real attacks. DOMPurify still removes anything this misses.
 */
function withoutHandlers(html: string): string {
  let out = html.replace(/<base\b[^>]*>/gi, '');
  for (let before = ''; before !== out; ) {
    before = out;
    out = out.replace(/(<[a-z][^>]*?)\s+on[a-z]+\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)/gi, '$1');
  }
  return out;
}

export function renderMarkdown(source: string, options: MarkdownOptions = {}): string {
  const html = withoutHandlers(marked.parse(source, { async: false }) as string);
  const p = getPurifier();
  imagePlaceholder = options.imagePlaceholder ?? 'image';
  try {
    return p.sanitize(html, { ...CONFIG, RETURN_TRUSTED_TYPE: false }) as string;
  } finally {
    imagePlaceholder = 'image';
  }
}

/** The Monaco language a `language-xxx` code block is highlighted as, if any. */
export function codeBlockLanguage(element: Element): Language | undefined {
  for (const c of element.classList) {
    const language = c.startsWith('language-') ? languageOfFence(c.slice('language-'.length)) : undefined;
    if (language) return language;
  }
  return undefined;
}

const TOKEN_CLASS = /^mtk[a-z0-9]*$/i;

/**
 * Rebuilds the HTML of monaco.editor.colorize as fresh nodes: spans carrying only Monaco's token
 * classes (mtk…) and text; elements other than span, div and br are dropped with their content.
 * Nothing else from the string survives, so the result is safe whatever
 * the input. Monaco's <br/> become newlines and its non-breaking spaces plain spaces again, so
 * copying the highlighted code gives back the code (tabs come back as spaces).
 */
export function colorizedFragment(html: string, doc: Document = document): DocumentFragment {
  const parsed = new DOMParser().parseFromString(html, 'text/html'); // inert: nothing loads or runs
  const out = doc.createDocumentFragment();
  const visit = (node: Node, classes: string) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3 /* Node.TEXT_NODE */) {
        const text = (child.nodeValue ?? '').replace(/\u00a0/g, ' ');
        if (!text) continue;
        if (classes) {
          const span = doc.createElement('span');
          span.className = classes;
          span.textContent = text;
          out.append(span);
        } else out.append(doc.createTextNode(text));
      } else if (child.nodeType === 1 /* Node.ELEMENT_NODE */) {
        const element = child as Element;
        if (element.tagName === 'BR') out.append(doc.createTextNode('\n'));
        else if (element.tagName === 'SPAN' || element.tagName === 'DIV') {
          const own = Array.from(element.classList).filter((c) => TOKEN_CLASS.test(c)).join(' ');
          visit(element, own || classes);
        }
      }
    }
  };
  visit(parsed.body, '');
  return out;
}
