// The outcome of a user's action (an import, an export): a status, or an alert with its details.
import type { ReactNode } from 'react';

export type Notice = { kind: 'ok' | 'error'; text: string; lines?: string[] };

export function NoticeBox({ notice, children }: { notice: Notice; children?: ReactNode }) {
  return (
    <div className={`note ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
      <span>{notice.text}</span>
      {notice.lines && (
        <ul>
          {notice.lines.map((l, i) => (
            <li key={i}>{l}</li>
          ))}
        </ul>
      )}
      {children}
    </div>
  );
}
