// React's view of the self-test store.
import { useSyncExternalStore } from 'react';
import type { SelfTest, SelfTestState } from '../selfTest.js';

export function useSelfTest(selfTest: SelfTest): SelfTestState {
  return useSyncExternalStore(selfTest.subscribe, selfTest.getState);
}
