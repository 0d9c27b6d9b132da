import { Result } from 'antd';
import { lazy, Suspense } from 'react';
import { PageSpinner } from '../app/PageSpinner.tsx';
import { matchDeptPath } from './paths.ts';

const QueuePage = lazy(() => import('./queue/QueuePage.tsx'));
const ReviewPage = lazy(() => import('./review/ReviewPage.tsx'));
// The dashboard carries ECharts: its own chunk, loaded only when opened.
const DashboardPage = lazy(() => import('./dashboard/DashboardPage.tsx'));
const CyclesPage = lazy(() => import('./cycles/CyclesPage.tsx'));
const ExecutionPage = lazy(() => import('./execution/ExecutionPage.tsx'));

/** The Department's workspace (Sở KH&CN), mounted by the shell under /so. */
export default function DepartmentApp({ path }: { path: string }) {
  const route = matchDeptPath(path);
  return (
    <Suspense fallback={<PageSpinner />}>
      {route.name === 'queue' && <QueuePage />}
      {route.name === 'review' && <ReviewPage key={route.id} id={route.id} />}
      {route.name === 'dashboard' && <DashboardPage />}
      {route.name === 'cycles' && <CyclesPage />}
      {route.name === 'execution' && <ExecutionPage />}
      {route.name === 'unknown' && <Result status="404" title="Không tìm thấy trang" />}
    </Suspense>
  );
}
