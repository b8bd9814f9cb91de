import { lazy, Suspense } from 'react';
import { Loading } from '../components/PageState';
import type { Route } from './router';
import { DashboardPage } from '../pages/dashboard/DashboardPage';
import { useAppContext } from './app-context';

// The dashboard is the landing page and ships in the first chunk; every other page loads on demand.
const AcademyPage = lazy(() => import('../pages/academy/AcademyPage').then((m) => ({ default: m.AcademyPage })));
const PlannerPage = lazy(() => import('../pages/planner/PlannerPage').then((m) => ({ default: m.PlannerPage })));
const MonitoringVisitPage = lazy(() => import('../pages/visits/MonitoringVisitPage').then((m) => ({ default: m.MonitoringVisitPage })));
const MeetingPage = lazy(() => import('../pages/meeting/MeetingPage').then((m) => ({ default: m.MeetingPage })));
const SidePanelPage = lazy(() => import('../pages/side-panel/SidePanelPage').then((m) => ({ default: m.SidePanelPage })));
const PapersFolderPage = lazy(() => import('../pages/papers-folder/PapersFolderPage').then((m) => ({ default: m.PapersFolderPage })));
const MyWorkPage = lazy(() => import('../pages/my-work/MyWorkPage').then((m) => ({ default: m.MyWorkPage })));
const SettingsPage = lazy(() => import('../pages/settings/SettingsPage').then((m) => ({ default: m.SettingsPage })));
const ConfigPage = lazy(() => import('../pages/config/ConfigPage').then((m) => ({ default: m.ConfigPage })));

/** The landing page: the trust dashboard, or for someone at a single academy (a head, a governor) that academy's page (the server's `can`). */
function HomePage() {
  const home = useAppContext().me.can.homeAcademyId;
  return home ? <AcademyPage academyId={home} /> : <DashboardPage />;
}

/** The page for a route. */
export function PageFor(props: { route: Route }) {
  const r = props.route;
  const page = (() => {
    switch (r.page) {
      case 'dashboard':
        return <HomePage />;
      case 'academy':
        return <AcademyPage academyId={r.academyId} />;
      case 'planner':
        return <PlannerPage />;
      case 'visit':
        return <MonitoringVisitPage academyId={r.academyId} visitId={r.visitId} meetingId={r.meetingId} />;
      case 'meeting':
        return <MeetingPage meetingId={r.meetingId} />;
      case 'side-panel':
        return <SidePanelPage meetingId={r.meetingId} />;
      case 'papers-folder':
        return <PapersFolderPage meetingId={r.meetingId} />;
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
