// The team screens, loaded only when a team route is opened (local use never downloads them).
import type { Route } from '../router.js';
import { JoinScreen } from './JoinScreen.js';
import { ProjectScreen } from './ProjectScreen.js';
import { TeamScreen } from './TeamScreen.js';
import { TeamTaskScreen } from './TeamTaskScreen.js';

export function TeamRoutes({ route }: { route: Extract<Route, { name: 'team' | 'teamProject' | 'teamTask' | 'join' }> }) {
  switch (route.name) {
    case 'team':
      return <TeamScreen />;
    case 'teamProject':
      return <ProjectScreen projectId={route.projectId} />;
    case 'teamTask':
      return <TeamTaskScreen projectId={route.projectId} assignmentId={route.assignmentId} />;
    case 'join':
      return <JoinScreen token={route.token} />;
  }
}
