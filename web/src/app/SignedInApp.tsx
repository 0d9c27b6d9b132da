import { FileTextOutlined, LogoutOutlined, ApartmentOutlined, UserOutlined, AuditOutlined, BarChartOutlined, CalendarOutlined, WalletOutlined } from '@ant-design/icons';
import { Avatar, Button, Dropdown, Layout, Menu, Result, Space, Typography } from 'antd';
import { lazy, Suspense, useEffect } from 'react';
import { useUser, useSession } from '../auth/session.tsx';
import { PageSpinner } from './PageSpinner.tsx';
import { loadReportEditor } from './preload.ts';
import { isDepartment, ROLE_LABELS, userPlace } from './labels.ts';
import { linkHandler, navigate, type Route } from './router.ts';

const ReportListPage = lazy(() => import('../pages/ReportListPage.tsx'));
const UnitsPage = lazy(() => import('../pages/UnitsPage.tsx'));
const ReportEditorPage = lazy(loadReportEditor);
// The Department's workspace (review, consolidation, dashboard): its own lazy chunks.
const DepartmentApp = lazy(() => import('../department/DepartmentApp.tsx'));
// Giải ngân (commune): recorded against the approved budget during the plan year.
const DisbursementPage = lazy(() => import('../execution/DisbursementPage.tsx'));

/** The signed-in shell: header with navigation and the user menu, then the current screen. */
export default function SignedInApp({ route }: { route: Route }) {
  const user = useUser();
  const { logout } = useSession();
  const dept = isDepartment(user.role);

  useEffect(() => {
    // Each lands on the day's work: a reviewer on the review queue, the admin on the cycles.
    if (route.name === 'home') navigate(!dept ? '/bao-cao' : user.role === 'dept_admin' ? '/so/ky-bao-cao' : '/so/tham-dinh', { replace: true });
  }, [route.name, dept, user.role]);

  const items = [
    { key: 'reports', icon: <FileTextOutlined />, label: <a href="/bao-cao" onClick={linkHandler('/bao-cao')}>{dept ? 'Báo cáo các xã' : 'Báo cáo của tôi'}</a> },
    ...(dept ? [{ key: 'units', icon: <ApartmentOutlined />, label: <a href="/don-vi" onClick={linkHandler('/don-vi')}>Đơn vị</a> }] : []),
    ...(!dept ? [{ key: 'disbursement', icon: <WalletOutlined />, label: <a href="/giai-ngan" onClick={linkHandler('/giai-ngan')}>Giải ngân</a> }] : []),
    ...(dept ? [
      { key: 'cycles', icon: <CalendarOutlined />, label: <a href="/so/ky-bao-cao" onClick={linkHandler('/so/ky-bao-cao')}>Kỳ báo cáo</a> },
      { key: 'review', icon: <AuditOutlined />, label: <a href="/so/tham-dinh" onClick={linkHandler('/so/tham-dinh')}>Thẩm định</a> },
      { key: 'dashboard', icon: <BarChartOutlined />, label: <a href="/so/tong-hop" onClick={linkHandler('/so/tong-hop')}>Tổng hợp</a> },
    ] : []),
  ];
  const deptKey = (path: string) => (path.startsWith('/so/tong-hop') || path.startsWith('/so/giai-ngan') ? 'dashboard' : path.startsWith('/so/ky-bao-cao') ? 'cycles' : 'review');
  const selected = route.name === 'units' ? 'units' : route.name === 'department' ? deptKey(route.path) : route.name === 'disbursement' ? 'disbursement' : 'reports';

  return (
    <Layout style={{ minHeight: '100%' }}>
      <a className="khcn-skip" href="#noi-dung">Bỏ qua điều hướng</a>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 24, position: 'sticky', top: 0, zIndex: 20 }}>
        <a href="/" onClick={linkHandler('/')} style={{ color: '#fff', display: 'flex', alignItems: 'center', gap: 10, whiteSpace: 'nowrap' }}>
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <span style={{ fontWeight: 600, fontSize: 16 }}>KH, CN, ĐMST &amp; CĐS</span>
        </a>
        <nav aria-label="Điều hướng chính" style={{ flex: 1, minWidth: 0 }}>
          <Menu theme="dark" mode="horizontal" disabledOverflow selectedKeys={[selected]} items={items} style={{ borderBottom: 0 }} />
        </nav>
        <Dropdown
          menu={{
            items: [
              { key: 'unit', label: userPlace(user), disabled: true },
              { type: 'divider' },
              { key: 'logout', icon: <LogoutOutlined />, label: 'Đăng xuất', onClick: () => void logout() },
            ],
          }}
        >
          <Button type="text" style={{ color: '#fff', height: 44 }} aria-label={`Tài khoản ${user.fullName}`}>
            <Space>
              <Avatar size="small" icon={<UserOutlined />} style={{ background: '#3b7ddd' }} />
              <span style={{ display: 'inline-flex', flexDirection: 'column', lineHeight: 1.2, textAlign: 'left' }}>
                <span>{user.fullName}</span>
                <Typography.Text style={{ color: '#c9d8f2', fontSize: 12 }}>
                  {ROLE_LABELS[user.role]} · {userPlace(user)}
                </Typography.Text>
              </span>
            </Space>
          </Button>
        </Dropdown>
      </Layout.Header>
      <Layout.Content id="noi-dung">
        <Suspense fallback={<PageSpinner />}>
          {route.name === 'reports' && <ReportListPage />}
          {route.name === 'units' && <UnitsPage />}
          {route.name === 'department' && dept && <DepartmentApp path={route.path} />}
          {route.name === 'disbursement' && !dept && <DisbursementPage {...(route.id ? { id: route.id } : {})} />}
          {route.name === 'report' && <ReportEditorPage key={route.id} id={route.id} tab={route.tab} />}
          {(route.name === 'notFound' || (route.name === 'department' && !dept) || (route.name === 'disbursement' && dept)) && (
            <Result status="404" title="Không tìm thấy trang" extra={<Button type="primary" onClick={() => navigate('/')}>Về trang chủ</Button>} />
          )}
        </Suspense>
      </Layout.Content>
    </Layout>
  );
}
