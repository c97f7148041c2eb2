// Active time on the open task (domain/activeTimer.ts): counted while the page is visible and the
// trainer is not idle, added to the evaluation every few seconds, and saved when the page is hidden
// or left, so closing the tab loses none of it. A key or pointer press also takes what was counted
// (at most once a second), so the press that submits finds the time already in the evaluation: a
// submitted evaluation counts no more time (domain/evaluation.ts).
import { useEffect } from 'react';
import { ActiveTimer } from '../../domain/activeTimer.js';
import type { EvaluationAction } from '../../domain/evaluation.js';

/** How often counted time goes into the evaluation (and so into the next save). */
const FLUSH_EVERY_MS = 5000;
/** A press takes the counted time if the last take is at least this old (one update per second while typing). */
const TAKE_ON_PRESS_MS = 1000;
const ACTIVITY = ['keydown', 'pointerdown', 'scroll', 'wheel'] as const;

export function useActiveTime(session: { dispatch(action: EvaluationAction): void }, saver: { flush(): Promise<unknown> }): void {
  useEffect(() => {
    const timer = new ActiveTimer(performance.now(), document.visibilityState === 'visible');
    let lastTake = performance.now();
    const take = () => {
      lastTake = performance.now();
      session.dispatch({ type: 'activeTime', ms: timer.take(lastTake) });
    };
    const onActivity = (event: Event) => {
      const now = performance.now();
      timer.activity(now);
      if ((event.type === 'keydown' || event.type === 'pointerdown') && now - lastTake >= TAKE_ON_PRESS_MS) take();
    };
    const onVisibility = () => {
      timer.visible(document.visibilityState === 'visible', performance.now());
      if (document.visibilityState === 'hidden') {
        take();
        void saver.flush();
      }
    };
    const onHide = () => {
      take();
      void saver.flush();
    };
    ACTIVITY.forEach((e) => window.addEventListener(e, onActivity, { passive: true, capture: true }));
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', onHide);
    const interval = setInterval(take, FLUSH_EVERY_MS);
    return () => {
      take();
      clearInterval(interval);
      ACTIVITY.forEach((e) => window.removeEventListener(e, onActivity, { capture: true }));
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', onHide);
    };
  }, [session, saver]);
}
