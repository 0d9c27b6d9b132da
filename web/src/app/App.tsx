import { lazy, Suspense, useEffect } from 'react';
import { useSession } from '../auth/session.tsx';
import { LoginPage } from '../pages/LoginPage.tsx';
import { PageSpinner } from './PageSpinner.tsx';
import { loadSignedInApp } from './preload.ts';
import { matchRoute, navigate, usePath } from './router.ts';

const SignedInApp = lazy(loadSignedInApp);

/** The sign-in gate: who is signed in decides between the sign-in page and the app. */
export function App() {
  const { user } = useSession();
  const path = usePath();
  const route = matchRoute(path);

  useEffect(() => {
    if (user === null && route.name !== 'login') {
      const next = path === '/' ? '' : `?tiep=${encodeURIComponent(path)}`;
      navigate(`/dang-nhap${next}`, { replace: true });
    }
    if (user && route.name === 'login') {
      const next = new URLSearchParams(window.location.search).get('tiep');
      navigate(next && next.startsWith('/') ? next : '/', { replace: true });
    }
  }, [user, route.name, path]);

  if (user === undefined) return <PageSpinner />;
  if (user === null) return <LoginPage />;
  return (
    <Suspense fallback={<PageSpinner />}>
      <SignedInApp route={route} />
    </Suspense>
  );
}
