import { Alert, Button } from 'antd';
import { formatDateTime } from '../app/labels.ts';
import type { UnsavedCopy } from './unsaved-copy.ts';

/** Offers back edits this browser kept but the server did not receive (reload, closed tab, lost network). */
export function RecoveryBanner({ copy, serverVersion, onRestore, onDiscard }: { copy: UnsavedCopy; serverVersion: number; onRestore(): void; onDiscard(): void }) {
  const moved = copy.baseVersion < serverVersion;
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      title="Khôi phục nội dung chưa lưu?"
      description={
        <>
          Trình duyệt này còn giữ nội dung bạn sửa lúc {formatDateTime(copy.savedAt)} (trên phiên bản {copy.baseVersion}) nhưng chưa được lưu lên máy chủ.
          {moved && ` Báo cáo trên máy chủ đã có phiên bản ${serverVersion} mới hơn: khi khôi phục, bạn sẽ được so sánh và chọn bản giữ lại.`}
        </>
      }
      action={
        <div style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
          <Button size="small" type="primary" onClick={onRestore}>Khôi phục</Button>
          <Button size="small" onClick={onDiscard}>Bỏ qua</Button>
        </div>
      }
    />
  );
}
