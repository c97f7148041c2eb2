// The keyboard shortcuts, in a native modal <dialog>: the browser traps focus, Escape closes it and
// focus returns to whatever opened it. The caller owns `open`; this only mirrors it.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShortcutAction } from '../taskShortcuts.js';

export type Shortcut = {
  /** As shown, e.g. "Ctrl+Enter" or "?"; "+" between keys shows them as separate keys. */
  keys: string;
  /** What it does: its label is `shortcuts.<action>` in judgement.json. */
  action: ShortcutAction;
};

export type HelpDialogProps = {
  open: boolean;
  onClose: () => void;
  shortcuts: readonly Shortcut[];
};

const BOARD_SHORTCUTS = ['up', 'down', 'digit', 'tie', 'remove', 'drag'] as const;

export function HelpDialog({ open, onClose, shortcuts }: HelpDialogProps) {
  const { t } = useTranslation(['judgement', 'judging']);
  const ref = useRef<HTMLDialogElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      closeButton.current?.focus();
    } else if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      className="jp-dialog"
      aria-labelledby="jp-help-title"
      // Escape, the Close button and dialog.close() all end here.
      onClose={() => {
        if (open) onClose();
      }}
      // A click on the backdrop lands on the <dialog> itself.
      onClick={(e) => {
        if (e.target === e.currentTarget) e.currentTarget.close();
      }}
    >
      <div className="jp-dialog-body">
        <header className="jp-dialog-header">
          <h2 id="jp-help-title">{t('shortcuts.heading')}</h2>
          <button type="button" className="jp-button" ref={closeButton} onClick={() => ref.current?.close()}>
            {t('shortcuts.close')}
          </button>
        </header>
        {shortcuts.length > 0 && (
          <ShortcutTable caption={t('shortcuts.general')} rows={shortcuts.map((s) => ({ keys: s.keys, action: t(`shortcuts.${s.action}`) }))} />
        )}
        <ShortcutTable
          caption={t('shortcuts.board.heading')}
          rows={BOARD_SHORTCUTS.map((k) => ({ keys: t(`shortcuts.board.${k}Keys`), action: t(`shortcuts.board.${k}`) }))}
        />
      </div>
    </dialog>
  );
}

function ShortcutTable({ caption, rows }: { caption: string; rows: { keys: string; action: string }[] }) {
  const { t } = useTranslation('judgement');
  return (
    <table className="jp-shortcuts">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('shortcuts.keys')}</th>
          <th scope="col">{t('shortcuts.action')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i}>
            <td>
              <Keys keys={r.keys} />
            </td>
            <td>{r.action}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** "Ctrl+Shift+K" as three keys; " / " separates alternatives ("Delete / Backspace"). */
function Keys({ keys }: { keys: string }) {
  return (
    <span className="jp-keys">
      {keys.split(' / ').map((alt, i) => (
        <span key={i} className="jp-keys-alt">
          {i > 0 && <span className="jp-keys-or"> / </span>}
          {alt.split(/(?<=\S)\+(?=\S)/).map((k, j) => (
            <span key={j}>
              {j > 0 && '+'}
              <kbd>{k}</kbd>
            </span>
          ))}
        </span>
      ))}
    </span>
  );
}
