// The header's upload status in team mode: how many submitted evaluations are queued here, being
// sent, and received by the server (and refused, if any), with the last failure as a tooltip.
import { useStore } from '../hooks/useStore.js';
import { useTranslation } from 'react-i18next';
import { useServices } from '../services/services.js';
import { apiKey } from './teamText.js';
import './team.css';

export function OutboxStatus() {
  const { team } = useServices();
  const { t } = useTranslation('team');
  const state = useStore(team.outbox);
  const count = (s: string) => state.items.filter((i) => i.state === s).length;
  const [queued, sent, accepted, rejected] = [count('queued'), count('sent'), count('accepted'), count('rejected')];
  return (
    <button
      type="button"
      className="outbox-status ghost"
      data-queued={queued}
      data-sent={sent}
      data-accepted={accepted}
      data-rejected={rejected}
      title={state.lastError ? t(apiKey(state.lastError)) : undefined}
      onClick={() => void team.outbox.flush()}
    >
      {t('ui.outbox.summary', { queued, sent, accepted })}
      {rejected > 0 && ` · ${t('ui.outbox.rejectedCount', { count: rejected })}`}
    </button>
  );
}
