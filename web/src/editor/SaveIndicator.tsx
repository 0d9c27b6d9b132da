import { CheckCircleFilled, CloseCircleFilled, EditOutlined, LoadingOutlined, WarningFilled } from '@ant-design/icons';
import { Alert, Button, Space, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import { useSaveRetry } from './save-retry.ts';
import type { SaveState } from './useDraft.ts';

const VIEW: Record<SaveState, { text: string; color: string; icon: React.ReactNode }> = {
  saved: { text: 'Đã lưu', color: '#389e0d', icon: <CheckCircleFilled /> },
  dirty: { text: 'Chưa lưu', color: '#8c8c8c', icon: <EditOutlined /> },
  saving: { text: 'Đang lưu…', color: '#1456b8', icon: <LoadingOutlined /> },
  conflict: { text: 'Xung đột', color: '#d46b08', icon: <WarningFilled /> },
  error: { text: 'Lỗi: chưa lưu được', color: '#cf1322', icon: <CloseCircleFilled /> },
};

/** Seconds until `at`, ticking while it is set. */
function useSecondsUntil(at: number | undefined): number | undefined {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (at === undefined) return;
    setNow(Date.now());
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [at]);
  return at === undefined ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

interface Props {
  state: SaveState;
  error?: string | undefined;
  savedAt?: string;
  /** Figures typed that do not read: everything else is saved, these are not. */
  invalidCount?: number;
  onRetry(): void;
}

/**
 * The autosave state, always visible: Đã lưu / Đang lưu… / Xung đột / Lỗi. A failed save also gets
 * a banner fixed at the bottom of the window (it cannot scroll out of view), and is retried by
 * itself until the server answers again.
 */
export function SaveIndicator({ state, error, savedAt, invalidCount = 0, onRetry }: Props) {
  const dueAt = useSaveRetry(state, onRetry);
  const seconds = useSecondsUntil(dueAt);
  const partly = state === 'saved' && invalidCount > 0;
  const v = partly ? { text: `Đã lưu, trừ ${invalidCount} ô số chưa đọc được`, color: '#cf1322', icon: <WarningFilled /> } : VIEW[state];
  const failing = state === 'error';
  return (
    <Space size={6}>
      <Tooltip title={failing ? error : state === 'saved' && savedAt ? `Lưu lần cuối lúc ${savedAt}` : undefined}>
        <span
          role="status"
          aria-live="polite"
          aria-label={`Trạng thái lưu: ${v.text}`}
          data-save-state={state}
          style={{
            color: failing ? '#fff' : v.color,
            background: failing ? '#cf1322' : undefined,
            padding: failing ? '4px 10px' : undefined,
            borderRadius: 6,
            fontWeight: failing || partly ? 600 : 500,
            fontSize: failing ? 15 : undefined,
            whiteSpace: 'nowrap',
          }}
        >
          {v.icon} {v.text}
        </span>
      </Tooltip>
      {failing && (
        <Button size="small" onClick={onRetry}>
          Thử lại
        </Button>
      )}
      {failing && (
        <div style={{ position: 'fixed', left: '50%', bottom: 16, transform: 'translateX(-50%)', zIndex: 1100, width: 'min(640px, calc(100vw - 32px))', boxShadow: '0 6px 24px rgba(0,0,0,0.18)' }}>
          <Alert
            type="error"
            showIcon
            role="alert"
            title="Chưa lưu được thay đổi lên máy chủ"
            description={
              <>
                {error ? `${error} ` : ''}Nội dung vừa nhập vẫn được giữ trong trình duyệt này.{' '}
                {seconds !== undefined && seconds > 0 ? `Tự thử lại sau ${seconds} giây.` : 'Đang thử lại…'}
              </>
            }
            action={<Button size="small" danger onClick={onRetry}>Thử lại ngay</Button>}
          />
        </div>
      )}
    </Space>
  );
}
