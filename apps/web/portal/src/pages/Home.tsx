import { Link } from '../router';
import { useSession } from '../session';

const TILES: { to: string; title: string; note: string }[] = [
  { to: '/guide', title: '维权指引', note: '回答几个问题，告诉您该走哪条路' },
  { to: '/apply/arbitration', title: '申请仲裁', note: '网上填写仲裁申请' },
  { to: '/apply/mediation', title: '申请调解', note: '免费、自愿，一般15天' },
  { to: '/apply/complaint', title: '投诉', note: '请劳动监察责令改正' },
  { to: '/report', title: '匿名举报', note: '不用登录，不会答复' },
  { to: '/question', title: '咨询留言', note: '工作人员网上回复' },
  { to: '/matters', title: '我的事项', note: '进度、文书、留言' },
  { to: '/query', title: '查询码查询', note: '不注册，查一件事项' },
  { to: '/kb', title: '常见问题', note: '政策问答' },
  { to: '/cases', title: '典型案例', note: '别人是怎么解决的' },
  { to: '/sites', title: '服务网点', note: '地址和办公时间' },
  { to: '/statistics', title: '数据公开', note: '中心办案数字' },
  { to: '/calculator', title: '期限计算', note: '算一算还剩几天' },
  { to: '/defaulters', title: '欠薪失信名单', note: '拖欠农民工工资失信联合惩戒对象' },
  { to: '/gold-medal', title: '金牌调解', note: '金牌调解组织和金牌调解员' },
];

export function HomePage() {
  const { session } = useSession();
  return (
    <>
      <h1>劳动保障维权，网上办、少跑腿</h1>
      <p className="hint">
        {session?.kind === 'account'
          ? `已登录：${session.phoneMasked}`
          : '申请、投诉和查看进度需要先用手机号登录。'}
      </p>
      <ul className="tiles">
        {TILES.map((t) => (
          <li key={t.to}>
            <Link to={t.to} data-testid={`tile-${t.to}`}>
              {t.title}
              <small>{t.note}</small>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
