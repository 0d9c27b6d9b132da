import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError, errorMessage } from '../api/client.ts';
import { useSession } from '../auth/session.tsx';
import { formatWait } from '../../../src/domain/format.ts';

const DEMO_ACCOUNTS: { username: string; who: string }[] = [
  { username: 'kienthuy.canbo', who: 'cán bộ xã Kiến Thụy' },
  { username: 'kienthuy.chutich', who: 'Chủ tịch UBND xã Kiến Thụy' },
  { username: 'anlao.canbo', who: 'cán bộ xã An Lão' },
  { username: 'anlao.chutich', who: 'Chủ tịch UBND xã An Lão' },
  { username: 'so.chuyenvien', who: 'chuyên viên Sở KH&CN' },
  { username: 'so.quantri', who: 'quản trị Sở KH&CN' },
];
const DEMO_PASSWORD = 'demo2026';

interface Credentials {
  username: string;
  password: string;
}

interface Problem {
  message: string;
  /** A warning once the free attempts are used up or nearly so; an error otherwise. */
  severity: 'error' | 'warning';
}

/**
 * How long the server asks this name to wait before the next attempt (LOGIN_FAILED after the
 * free attempts, LOGIN_THROTTLED), in seconds; 0 when it may try again at once.
 */
const waitOf = (e: unknown): number => (e instanceof ApiError && (e.code === 'LOGIN_FAILED' || e.code === 'LOGIN_THROTTLED') ? (e.detail<number>('retryAfterSeconds') ?? 0) : 0);

/** The server's message says how many tries remain; the last two are shown as a warning. */
const severityOf = (e: unknown): Problem['severity'] => {
  if (!(e instanceof ApiError)) return 'error';
  if (e.code === 'LOGIN_THROTTLED') return 'warning';
  const left = e.code === 'LOGIN_FAILED' ? e.detail<number>('attemptsLeft') : undefined;
  return left !== undefined && left <= 2 ? 'warning' : 'error';
};

/** Seconds left until `until` (ms since the epoch), ticking once a second; 0 when passed or unset. */
function useSecondsLeft(until: number | undefined): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until === undefined) return undefined;
    setNow(Date.now());
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [until]);
  return until === undefined ? 0 : Math.max(0, Math.ceil((until - now) / 1000));
}

export function LoginPage() {
  const { login, demo } = useSession();
  const [form] = Form.useForm<Credentials>();
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);
  const [waitUntil, setWaitUntil] = useState<number>();
  const secondsLeft = useSecondsLeft(waitUntil);

  const submit = async (values: Credentials) => {
    setBusy(true);
    setProblem(undefined);
    try {
      await login(values.username.trim(), values.password);
    } catch (e) {
      setProblem({ message: errorMessage(e), severity: severityOf(e) });
      const wait = waitOf(e);
      setWaitUntil(wait > 0 ? Date.now() + wait * 1000 : undefined);
      setBusy(false);
    }
  };

  return (
    <main className="khcn-login-bg">
      <div className="khcn-login-brand">
        <img src="/favicon.svg" alt="" width={32} height={32} />
        KH, CN, ĐMST &amp; CĐS cấp xã
      </div>
      <Card style={{ width: 460, maxWidth: '100%', boxShadow: '0 12px 40px rgba(0,0,0,.25)' }} styles={{ body: { padding: '28px 32px 24px' } }}>
        <Space orientation="vertical" size={4} style={{ width: '100%', marginBottom: 16, textAlign: 'center' }}>
          <Typography.Text type="secondary" style={{ letterSpacing: 1, fontSize: 12 }}>
            HỆ THỐNG KẾ HOẠCH VÀ BÁO CÁO
          </Typography.Text>
          <Typography.Title level={4} style={{ margin: 0 }}>
            Khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số
          </Typography.Title>
          <Typography.Text type="secondary">Dành cho UBND xã, phường, đặc khu và Sở Khoa học và Công nghệ</Typography.Text>
        </Space>
        <Form<Credentials>
          form={form}
          layout="vertical"
          onFinish={submit}
          requiredMark={false}
          size="middle"
          // The wait belongs to the name it was asked for.
          onValuesChange={(changed: Partial<Credentials>) => {
            if ('username' in changed) setWaitUntil(undefined);
          }}
        >
          <Form.Item label="Tên đăng nhập" name="username" rules={[{ required: true, message: 'Vui lòng nhập tên đăng nhập.' }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label="Mật khẩu" name="password" rules={[{ required: true, message: 'Vui lòng nhập mật khẩu.' }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          {problem && <Alert type={problem.severity} title={problem.message} showIcon style={{ marginBottom: 16 }} role="alert" />}
          <Button type="primary" htmlType="submit" block loading={busy} disabled={secondsLeft > 0}>
            {secondsLeft > 0 ? `Thử lại sau ${formatWait(secondsLeft)}` : 'Đăng nhập'}
          </Button>
        </Form>
        {demo && (
          <Alert
            style={{ marginTop: 16 }}
            role="note"
            type="info"
            title="Bản dùng thử — bấm một tài khoản để điền (mật khẩu demo2026)"
            description={
              <ul style={{ margin: 0, padding: 0, listStyle: 'none', display: 'grid', gridTemplateColumns: '1fr 1fr', gap: '2px 12px' }}>
                {DEMO_ACCOUNTS.map((a) => (
                  <li key={a.username}>
                    <Typography.Link
                      title={`Điền tài khoản ${a.username} (${a.who})`}
                      onClick={() => {
                        form.setFieldsValue({ username: a.username, password: DEMO_PASSWORD });
                        setWaitUntil(undefined);
                      }}
                    >
                      {a.username}
                    </Typography.Link>
                    <div style={{ fontSize: 12, color: '#595959', lineHeight: 1.3, marginBottom: 4 }}>{a.who}</div>
                  </li>
                ))}
              </ul>
            }
          />
        )}
      </Card>
      <div className="khcn-login-foot">Kế hoạch, dự toán và báo cáo khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số</div>
    </main>
  );
}
