import { lazy, Suspense } from 'react';
import { Loading } from '../components/PageState';
import type { Route } from './router';
import { DashboardPage } from '../pages/dashboard/DashboardPage';

// The dashboard is the landing page and ships in the first chunk; every other page loads on demand.
const AcademyPage = lazy(() => import('../pages/academy/AcademyPage').then((m) => ({ default: m.AcademyPage })));
const PlannerPage = lazy(() => import('../pages/planner/PlannerPage').then((m) => ({ default: m.PlannerPage })));
const MeetingPage = lazy(() => import('../pages/meeting/MeetingPage').then((m) => ({ default: m.MeetingPage })));
const SidePanelPage = lazy(() => import('../pages/side-panel/SidePanelPage').then((m) => ({ default: m.SidePanelPage })));
const MyWorkPage = lazy(() => import('../pages/my-work/MyWorkPage').then((m) => ({ default: m.MyWorkPage })));
const SettingsPage = lazy(() => import('../pages/settings/SettingsPage').then((m) => ({ default: m.SettingsPage })));
const ConfigPage = lazy(() => import('../pages/config/ConfigPage').then((m) => ({ default: m.ConfigPage })));

/** The page for a route. */
export function PageFor(props: { route: Route }) {
  const r = props.route;
  const page = (() => {
    switch (r.page) {
      case 'dashboard':
        return <DashboardPage />;
      case 'academy':
        return <AcademyPage academyId={r.academyId} />;
      case 'planner':
        return <PlannerPage />;
      case 'meeting':
        return <MeetingPage meetingId={r.meetingId} />;
      case 'side-panel':
        return <SidePanelPage meetingId={r.meetingId} />;
      case 'my-work':
        return <MyWorkPage />;
      case 'settings':
        return <SettingsPage />;
      case 'config':
        return <ConfigPage />;
      case 'not-found':
        return <p>There is no page at {r.path}.</p>;
    }
  })();
  return <Suspense fallback={<Loading what="the page" />}>{page}</Suspense>;
}
