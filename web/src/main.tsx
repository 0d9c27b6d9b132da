import { App as AntApp, ConfigProvider } from 'antd';
import viVN from 'antd/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { preload } from './app/preload.ts';
import { theme } from './app/theme.ts';
import { SessionProvider } from './auth/session.tsx';
// Ant Design's component styles as one static, cacheable file (theme.ts: zeroRuntime); before
// global.css so that the app's own rules keep the last word.
import 'antd/dist/antd.css';
import './app/global.css';

dayjs.locale('vi');
preload(window.location.pathname + window.location.search);

const root = document.getElementById('root');
if (!root) throw new Error('#root missing');
createRoot(root).render(
  <StrictMode>
    <ConfigProvider locale={viVN} theme={theme}>
      <AntApp>
        <SessionProvider>
          <App />
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
