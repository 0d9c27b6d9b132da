import { CheckCircleFilled, CloseCircleFilled, EditOutlined, LoadingOutlined, WarningFilled } from '@ant-design/icons';
import { Button, Space, Tooltip } from 'antd';
import type { SaveState } from './useDraft.ts';

const VIEW: Record<SaveState, { text: string; color: string; icon: React.ReactNode }> = {
  saved: { text: 'Đã lưu', color: '#389e0d', icon: <CheckCircleFilled /> },
  dirty: { text: 'Chưa lưu', color: '#8c8c8c', icon: <EditOutlined /> },
  saving: { text: 'Đang lưu…', color: '#1456b8', icon: <LoadingOutlined /> },
  conflict: { text: 'Xung đột', color: '#d46b08', icon: <WarningFilled /> },
  error: { text: 'Lỗi', color: '#cf1322', icon: <CloseCircleFilled /> },
};

/** The autosave state, always visible: Đã lưu / Đang lưu… / Xung đột / Lỗi. */
export function SaveIndicator({ state, error, savedAt, onRetry }: { state: SaveState; error?: string | undefined; savedAt?: string; onRetry(): void }) {
  const v = VIEW[state];
  return (
    <Space size={6}>
      <Tooltip title={state === 'error' ? error : state === 'saved' && savedAt ? `Lưu lần cuối lúc ${savedAt}` : undefined}>
        <span role="status" aria-live="polite" aria-label={`Trạng thái lưu: ${v.text}`} data-save-state={state} style={{ color: v.color, fontWeight: 500, whiteSpace: 'nowrap' }}>
          {v.icon} {v.text}
        </span>
      </Tooltip>
      {state === 'error' && (
        <Button size="small" onClick={onRetry}>
          Thử lại
        </Button>
      )}
    </Space>
  );
}
