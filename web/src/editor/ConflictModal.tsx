import { Alert, Button, Modal, Space, Table, Typography } from 'antd';
import { useMemo } from 'react';
import type { Report } from '../../../src/domain/report-schema.ts';
import type { ReportEnvelope } from '../api/types.ts';
import { formatDateTime } from '../app/labels.ts';
import { diffReports } from '../../../src/domain/diff.ts';
import { formatValue } from './history/format-value.ts';

interface Props {
  mine: Report;
  server: ReportEnvelope;
  onKeepMine(): void;
  onTakeServer(): void;
}

/** 409: someone saved in between. Shows both versions side by side; nothing typed is lost. */
export function ConflictModal({ mine, server, onKeepMine, onTakeServer }: Props) {
  const changes = useMemo(() => diffReports(server.report, mine), [server.report, mine]);
  return (
    <Modal
      open
      width={960}
      closable={false}
      maskClosable={false}
      keyboard={false}
      title="Xung đột: báo cáo vừa được người khác lưu"
      footer={
        <Space>
          <Button onClick={onTakeServer}>Lấy bản trên máy chủ</Button>
          <Button type="primary" onClick={onKeepMine}>
            Giữ bản của tôi (ghi đè)
          </Button>
        </Space>
      }
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 12 }}
        title={`${server.meta.updatedBy ?? 'Một người khác'} đã lưu phiên bản ${server.meta.version} lúc ${formatDateTime(server.meta.updatedAt)}.`}
        description="Những gì bạn đã nhập vẫn còn nguyên. Hãy so sánh rồi chọn giữ bản của bạn (lưu đè lên bản trên máy chủ) hoặc lấy bản trên máy chủ."
      />
      <Table
        size="small"
        rowKey="path"
        pagination={false}
        scroll={{ y: 360 }}
        dataSource={changes}
        locale={{ emptyText: 'Hai bản giống nhau.' }}
        columns={[
          { title: 'Mục', dataIndex: 'label', width: 240 },
          { title: 'Bản trên máy chủ', dataIndex: 'before', render: (v: unknown) => <Typography.Text>{formatValue(v)}</Typography.Text> },
          { title: 'Bản của bạn', dataIndex: 'after', render: (v: unknown) => <Typography.Text strong>{formatValue(v)}</Typography.Text> },
        ]}
      />
    </Modal>
  );
}
