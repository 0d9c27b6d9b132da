import { Alert, Button, Typography } from 'antd';
import type { ReportMeta } from '../api/types.ts';
import { formatDateTime } from '../app/labels.ts';

/** What the status means for the user: frozen with its hash, returned with reasons, or accepted. */
export function StatusBanner({ meta, commentCount = 0, onShowComments }: { meta: ReportMeta; commentCount?: number; onShowComments?: () => void }) {
  const hash = meta.contentHash ? (
    <div style={{ marginTop: 4 }}>
      Mã băm SHA-256 của bản đã nộp: <Typography.Text className="khcn-hash" copyable={{ text: meta.contentHash, tooltips: ['Sao chép', 'Đã sao chép'] }}>{meta.contentHash}</Typography.Text>
    </div>
  ) : null;
  switch (meta.status) {
    case 'submitted':
      return (
        <Alert
          type="info"
          showIcon
          title={`Báo cáo đã nộp${meta.submittedAt ? ` lúc ${formatDateTime(meta.submittedAt)}` : ''} và đang chờ Sở Khoa học và Công nghệ xem xét.`}
          description={<>Nội dung đã được khóa, không sửa được cho đến khi Sở trả lại.{hash}</>}
        />
      );
    case 'returned':
      return (
        <Alert
          type="warning"
          showIcon
          title="Sở Khoa học và Công nghệ đã trả lại báo cáo để chỉnh sửa."
          description={
            <>
              <strong>Lý do:</strong> {meta.returnReason || 'Không ghi lý do.'}
              {commentCount > 0 && (
                <div>
                  Sở có <strong>{commentCount} góp ý</strong> trên từng mục, dòng dự toán (đánh dấu “Góp ý của Sở”).{' '}
                  {onShowComments && <Button type="link" size="small" style={{ padding: 0 }} onClick={onShowComments}>Xem góp ý</Button>}
                </div>
              )}
              <div>Sửa theo yêu cầu{commentCount > 0 ? ' và góp ý' : ''} rồi nộp lại.</div>
            </>
          }
        />
      );
    case 'accepted':
      return <Alert type="success" showIcon title="Sở Khoa học và Công nghệ đã tiếp nhận báo cáo." description={hash} />;
    case 'approved':
      return <Alert type="success" showIcon title="Kế hoạch, dự toán đã được phê duyệt." description={hash} />;
    default:
      return null;
  }
}
