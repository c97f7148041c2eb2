// The team screens, loaded only when a team route is opened (local use never downloads them).
import type { Route } from '../router.js';
import { JoinScreen } from './JoinScreen.js';
import { ProjectScreen } from './ProjectScreen.js';
import { ReviewScreen } from './ReviewScreen.js';
import { TeamScreen } from './TeamScreen.js';
import { TeamTaskScreen } from './TeamTaskScreen.js';

export function TeamRoutes({ route }: { route: Extract<Route, { name: 'team' | 'teamProject' | 'teamTask' | 'teamReview' | 'join' }> }) {
  switch (route.name) {
    case 'team':
      return <TeamScreen />;
    case 'teamProject':
      return <ProjectScreen projectId={route.projectId} />;
    case 'teamTask':
      return <TeamTaskScreen projectId={route.projectId} assignmentId={route.assignmentId} />;
    case 'teamReview':
      return <ReviewScreen projectId={route.projectId} taskId={route.taskId} />;
    case 'join':
      return <JoinScreen token={route.token} />;
  }
}
