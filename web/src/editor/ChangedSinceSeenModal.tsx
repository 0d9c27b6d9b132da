import { Alert, Button, Modal } from 'antd';
import type { Change, ReportMeta } from '../api/types.ts';
import { formatDateTime } from '../app/labels.ts';
import { ChangesTable } from './history/ChangesTable.tsx';

interface Props {
  /** The version the chairman had on screen when he pressed "Nộp". */
  seen: number;
  /** The latest version, now on screen. */
  current: ReportMeta;
  changes: Change[];
  onClose(): void;
}

/**
 * Submit refused (409 VERSION_CHANGED): someone saved after the chairman opened the report. He
 * sees what changed between the version he read and the latest, which the editor now shows;
 * submitting again submits that one, after he has looked.
 */
export function ChangedSinceSeenModal({ seen, current, changes, onClose }: Props) {
  return (
    <Modal
      open
      width={960}
      title="Chưa nộp: báo cáo đã thay đổi từ khi bạn mở"
      onCancel={onClose}
      footer={<Button type="primary" onClick={onClose}>Đã xem, đọc lại báo cáo</Button>}
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 12 }}
        title={`${current.updatedBy ?? 'Một người khác'} đã lưu phiên bản ${current.version} lúc ${formatDateTime(current.updatedAt)}; bạn đang xem phiên bản ${seen}.`}
        description={`Báo cáo chưa được nộp. Màn hình đã chuyển sang phiên bản ${current.version}: hãy xem các thay đổi dưới đây, đọc lại rồi nộp nếu đồng ý.`}
      />
      <ChangesTable
        changes={changes}
        before={`Phiên bản ${seen} (bạn đã xem)`}
        after={`Phiên bản ${current.version} (mới nhất)`}
        label="Những thay đổi từ khi bạn mở báo cáo"
        emptyText="Nội dung không khác phiên bản bạn đã xem."
        maxHeight={360}
      />
    </Modal>
  );
}
