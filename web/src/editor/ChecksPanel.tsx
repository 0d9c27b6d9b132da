import { CheckCircleFilled } from '@ant-design/icons';
import { Badge, Card, List, Space, Typography } from 'antd';
import type { Finding } from '../../../src/domain/checks.ts';
import { FindingText } from './common/FindingText.tsx';

interface Props {
  findings: readonly Finding[];
  onOpen(finding: Finding): void;
}

/** Summary of the live checks; each finding jumps to the field or line it concerns. */
export function ChecksPanel({ findings, onOpen }: Props) {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  return (
    <Card
      size="small"
      title={
        <Space>
          Kiểm tra số liệu
          <Badge count={errors} showZero color={errors ? '#cf1322' : '#52c41a'} title={`${errors} lỗi`} />
          <Badge count={warnings} showZero color={warnings ? '#d48806' : '#52c41a'} title={`${warnings} cảnh báo`} />
        </Space>
      }
      styles={{ body: { maxHeight: 360, overflowY: 'auto', padding: findings.length ? 0 : 12 } }}
    >
      <section aria-label="Kết quả kiểm tra" aria-live="polite">
        {findings.length === 0 ? (
          <Typography.Text type="success">
            <CheckCircleFilled /> Không có lỗi hay cảnh báo nào.
          </Typography.Text>
        ) : (
          <List
            size="small"
            dataSource={[...findings]}
            renderItem={(f) => (
              <List.Item style={{ padding: '8px 12px' }}>
                <button type="button" onClick={() => onOpen(f)} style={{ all: 'unset', cursor: 'pointer', fontSize: 13 }} aria-label={`${f.severity === 'error' ? 'Lỗi' : 'Cảnh báo'}: ${f.message}`}>
                  <FindingText finding={f} />
                </button>
              </List.Item>
            )}
          />
        )}
      </section>
    </Card>
  );
}
