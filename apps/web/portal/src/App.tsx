import { useEffect, useState, useSyncExternalStore } from 'react';
import { requestsInFlight, subscribeRequests } from './api';
import { ApplyPage } from './pages/Apply';
import { GoldMedalPage } from './pages/GoldMedal';
import { GuidePage } from './pages/Guide';
import { HomePage } from './pages/Home';
import { CalculatorPage, CasesPage, KnowledgePage, SitesPage, StatisticsPage } from './pages/Info';
import { LoginPage, QueryPage } from './pages/Login';
import { MatterPage } from './pages/Matter';
import { MattersPage } from './pages/Matters';
import { DefaultersPage } from './pages/WageLine';
import { RoomPage } from './pages/Room';
import { QuestionPage, ReportPage } from './pages/Submit';
import { WrittenPage } from './pages/Written';
import { Link, usePath } from './router';
import { SessionProvider, useSession } from './session';

const TITLES: [RegExp, string][] = [
  [/^\/guide/, '维权指引'],
  [/^\/apply\/arbitration/, '申请劳动仲裁'],
  [/^\/apply\/mediation/, '申请调解'],
  [/^\/apply\/complaint/, '劳动保障监察投诉'],
  [/^\/report/, '匿名举报'],
  [/^\/question/, '咨询留言'],
  [/^\/login/, '手机号登录'],
  [/^\/query/, '查询码查询'],
  [/^\/rooms\//, '在线调解室'],
  [/^\/written\//, '书面审理'],
  [/^\/matters\/./, '事项进度'],
  [/^\/matters/, '我的事项'],
  [/^\/sites/, '服务网点'],
  [/^\/cases/, '典型案例'],
  [/^\/kb/, '常见问题'],
  [/^\/calculator/, '期限计算'],
  [/^\/statistics/, '数据公开'],
  [/^\/defaulters/, '欠薪失信名单'],
  [/^\/gold-medal/, '金牌调解'],
];

function Page({ path }: { path: string }) {
  const matter = /^\/matters\/([0-9a-f-]{36})$/.exec(path);
  if (matter) return <MatterPage id={matter[1]!} />;
  const room = /^\/rooms\/([0-9a-f-]{36})$/.exec(path);
  if (room) return <RoomPage id={room[1]!} />;
  const written = /^\/written\/([0-9a-f-]{36})$/.exec(path);
  if (written) return <WrittenPage caseId={written[1]!} />;
  const apply = /^\/apply\/(arbitration|mediation|complaint)$/.exec(path);
  if (apply) return <ApplyPage kind={apply[1] as 'arbitration' | 'mediation' | 'complaint'} />;
  switch (path) {
    case '/guide':
      return <GuidePage />;
    case '/report':
      return <ReportPage />;
    case '/question':
      return <QuestionPage />;
    case '/login':
      return <LoginPage />;
    case '/query':
      return <QueryPage />;
    case '/matters':
      return <MattersPage />;
    case '/sites':
      return <SitesPage />;
    case '/cases':
      return <CasesPage />;
    case '/kb':
      return <KnowledgePage />;
    case '/calculator':
      return <CalculatorPage />;
    case '/statistics':
      return <StatisticsPage />;
    case '/defaulters':
      return <DefaultersPage />;
    case '/gold-medal':
      return <GoldMedalPage />;
    default:
      return <HomePage />;
  }
}

function Shell() {
  const path = usePath();
  const { session, signOut } = useSession();
  const [large, setLarge] = useState(() => document.documentElement.classList.contains('large'));
  useEffect(() => {
    document.documentElement.classList.toggle('large', large);
    localStorage.setItem('portal.large', large ? '1' : '0');
  }, [large]);
  // data-ready on <main> (browser tests wait for "true"): this path's page has run its effects and no
  // request is under way. The check runs in an effect after every commit, reading the live count: the
  // page's own effects run before the shell's, so a load the page starts in that commit is counted, and
  // a page is never "ready" between its paint and its first request.
  const inFlightNow = useSyncExternalStore(subscribeRequests, requestsInFlight);
  const [readyFor, setReadyFor] = useState<string | null>(null);
  useEffect(() => {
    setReadyFor(requestsInFlight() === 0 ? path : null);
  });
  const title = TITLES.find(([re]) => re.test(path))?.[1];
  useEffect(() => {
    document.title = title ? `${title} — 劳动维权一站通` : '劳动维权一站通 — 随州市一站式劳动保障维权中心';
  }, [title]);
  return (
    <>
      <a className="skip" href="#main">
        跳到正文
      </a>
      <header className="top">
        <Link to="/">劳动维权一站通</Link>
        <div className="row">
          <button
            type="button"
            aria-pressed={large}
            onClick={() => setLarge(!large)}
            data-testid="large-font"
          >
            {large ? '标准字' : '大字'}
          </button>
          {session ? (
            <button type="button" onClick={() => void signOut()}>
              退出
            </button>
          ) : null}
        </div>
      </header>
      <main id="main" data-ready={readyFor === path && inFlightNow === 0 ? 'true' : 'false'}>
        <Page path={path} />
      </main>
      <footer>
        随州市一站式劳动保障维权中心 · 咨询电话 12333
        <br />
        <Link to="/sites">服务网点和办公时间</Link>
      </footer>
    </>
  );
}

export function App() {
  return (
    <SessionProvider>
      <Shell />
    </SessionProvider>
  );
}
