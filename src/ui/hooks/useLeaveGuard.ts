// Nothing typed is lost when the page goes away: when the tab is hidden or the page is left
// (reload, closed tab, another site), the open task's unsaved work is kept synchronously
// (OpenedSession.secure, which IndexedDB alone cannot do for a page being unloaded) and a write
// is started; the browser asks before leaving only when the work could not be kept or its last
// save failed (a full disk, another tab's save), where leaving would lose it.
import { useEffect } from 'react';
import { startingDownload } from '../download.js';
import type { OpenedSession } from '../services/openSession.js';

export function useLeaveGuard(opened: Pick<OpenedSession, 'secure' | 'saver'>): void {
  useEffect(() => {
    const keep = () => {
      opened.secure();
      void opened.saver.flush();
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') keep();
    };
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      // The copy the app itself offers (see download.ts) is not the page being left.
      if (startingDownload() || opened.secure()) return;
      e.preventDefault();
      e.returnValue = ''; // older browsers ask only when returnValue is set
    };
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', keep);
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', keep);
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [opened]);
}
