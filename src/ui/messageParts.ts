// A message cut into the sentence's own words and the values that come from the data (an
// assert's source, the values it compared, an expected and an actual value), so that the UI can
// set the values apart as data. The translation never sees the values: each is replaced by a
// marker before i18next runs and put back after, so no value is formatted or reinterpreted.
import { type AnyT, type Namespace } from '../i18n/i18n.js';
import type { Message } from '../domain/verdict.js';

/** Parameters whose value is data from the task, the test or the code under test, never the app's words. */
export const DATA_PARAMS: ReadonlySet<string> = new Set(['source', 'left', 'right', 'op', 'value', 'message', 'expected', 'actual']);

export type MessagePart = string | { data: string };

const MARK = /\u0000(\d+)\u0000/;

export function messageParts(t: AnyT, m: Message, ns: Namespace = 'errors'): MessagePart[] {
  const data: string[] = [];
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(m.params ?? {})) {
    if (DATA_PARAMS.has(k) && typeof v === 'string') {
      params[k] = `\u0000${data.length}\u0000`;
      data.push(v);
    } else params[k] = v;
  }
  const text = (t as unknown as (key: string, options: object) => string)(m.key, { ns, ...params });
  // split with one capture group: text, index, text, index, …
  const pieces = text.split(MARK);
  const parts: MessagePart[] = [];
  pieces.forEach((piece, i) => {
    if (i % 2 === 0) {
      if (piece) parts.push(piece);
    } else parts.push({ data: data[Number(piece)] ?? '' });
  });
  return parts;
}
