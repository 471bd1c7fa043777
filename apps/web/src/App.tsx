import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntdApp, ConfigProvider } from 'antd';
import type { ThemeConfig } from 'antd';
import zhCN from 'antd/es/locale/zh_CN';
import { RouterProvider } from 'react-router';
import { sessionQuery } from './features/auth/hooks/use-session';
import { installSessionExpiry } from './features/auth/session-exit';
import { FeedbackBridge } from './lib/feedback';
import { createQueryClient } from './lib/query-client';
import { createRouter } from './routes';

export const FONT_STACK = '"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif';

/**
 * People who ask their system for less motion (prefers-reduced-motion) get none: antd's dialogs, menus
 * and lists open and close at once (WCAG 2.1 SC 2.3.3). The browser tests run with that preference, so
 * no click of theirs lands on a dialog still zooming in.
 */
const reducedMotion =
  typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches === true;

const theme: ThemeConfig = {
  // Secondary, placeholder and link colours darker than antd's defaults: 4.5:1 on white and on the
  // page background (WCAG 2.1 AA, checked by axe-core on every staff page).
  token: {
    fontFamily: FONT_STACK,
    colorPrimary: '#1d5fbf',
    colorInfo: '#1d5fbf',
    colorLink: '#1d5fbf',
    colorError: '#cf1322',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.58)',
    borderRadius: 6,
    motion: !reducedMotion,
  },
};

// One client and one router for the life of the page (module scope, so StrictMode cannot make two).
const queryClient = createQueryClient();
installSessionExpiry(queryClient);
// Ask who is signed in while the first page's chunk is still downloading.
void queryClient.prefetchQuery(sessionQuery);
const router = createRouter();

export function App() {
  return (
    <ConfigProvider locale={zhCN} theme={theme} button={{ autoInsertSpace: false }}>
      <AntdApp>
        <FeedbackBridge />
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </AntdApp>
    </ConfigProvider>
  );
}
