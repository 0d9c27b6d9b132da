import { SearchOutlined } from '@ant-design/icons';
import { Alert, App, Button, Drawer, Flex, Form, Input, InputNumber, Radio, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { matchesSearch } from '../../../../src/domain/text.ts';
import { errorMessage } from '../../api/client.ts';
import { endpoints } from '../../api/endpoints.ts';
import type { UnitItem } from '../../api/types.ts';
import { formatDay, unitName } from '../../app/labels.ts';
import { useLoad } from '../../app/useLoad.ts';
import { deptApi, type Cycle } from '../api.ts';
import { DeadlineField, GuidanceFields, useDateErrors, type CycleFieldValues } from './CycleFields.tsx';

interface Values extends CycleFieldValues {
  planYear: number;
}

/**
 * Opening a cycle: plan year, the guidance it follows (number, date, issuer), the deadline and
 * the units that must report — all of the province by default, or a chosen subset (search
 * without diacritics, selection kept while searching).
 */
export function OpenCycleDrawer({ defaultYear, onClose, onOpened }: { defaultYear: number; onClose(): void; onOpened(cycle: Cycle): void }) {
  const { message, modal } = App.useApp();
  const dates = useDateErrors();
  const [form] = Form.useForm<Values>();
  const units = useLoad(() => endpoints.units(), 'units:all');
  const [scope, setScope] = useState<'all' | 'some'>('all');
  const [selected, setSelected] = useState<string[]>([]);
  const [q, setQ] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const all = useMemo(() => units.data?.items ?? [], [units.data]);
  const shown = useMemo(() => all.filter((u) => !q || matchesSearch(unitName(u), q)), [all, q]);

  /** Opening creates every chosen unit's report at once: say so, and act only on a second yes. */
  const confirmOpen = (v: Values) => {
    setError(undefined);
    if (dates.pending) {
      setError('Có ngày chưa hợp lệ (xem dòng báo đỏ); hãy sửa trước khi mở kỳ.');
      return;
    }
    if (scope === 'some' && selected.length === 0) {
      setError('Hãy chọn ít nhất một đơn vị phải báo cáo.');
      return;
    }
    const count = scope === 'some' ? selected.length : all.length;
    modal.confirm({
      title: `Mở kỳ báo cáo kế hoạch năm ${v.planYear}?`,
      content: (
        <>
          <Typography.Paragraph>
            Hệ thống sẽ tạo ngay <strong>{count} báo cáo</strong>, mỗi đơn vị một báo cáo, và các đơn vị thấy kỳ mới với hạn nộp chung <strong>{formatDay(v.deadline)}</strong>.
          </Typography.Paragraph>
          <Typography.Paragraph style={{ marginBottom: 0 }}>
            Báo cáo đã tạo không xóa được. Sau khi mở vẫn sửa được văn bản hướng dẫn và hạn nộp, hoặc đóng kỳ.
          </Typography.Paragraph>
        </>
      ),
      okText: `Mở kỳ và tạo ${count} báo cáo`,
      cancelText: 'Quay lại',
      onOk: () => submit(v),
    });
  };

  const submit = async (v: Values) => {
    setBusy(true);
    try {
      const { cycle } = await deptApi.openCycle({
        planYear: v.planYear,
        guidanceNumber: v.guidanceNumber.trim(),
        guidanceDate: v.guidanceDate ?? null,
        guidanceIssuer: v.guidanceIssuer.trim(),
        deadline: v.deadline!,
        ...(scope === 'some' ? { unitIds: selected } : {}),
      });
      message.success(`Đã mở kỳ báo cáo kế hoạch năm ${cycle.planYear} cho ${scope === 'some' ? selected.length : all.length} đơn vị.`);
      onOpened(cycle);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer
      open size={680} title="Mở kỳ báo cáo mới" onClose={onClose} destroyOnHidden
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onClose}>Hủy</Button>
          <Button type="primary" loading={busy} onClick={() => form.submit()}>Mở kỳ báo cáo</Button>
        </Flex>
      }
    >
      <Form<Values>
        form={form} layout="vertical" requiredMark onFinish={confirmOpen}
        initialValues={{ planYear: defaultYear, guidanceIssuer: 'Bộ Khoa học và Công nghệ' }}
      >
        <Flex gap={16}>
          <Form.Item label="Năm kế hoạch" name="planYear" rules={[{ required: true, message: 'Nhập năm kế hoạch.' }]} style={{ width: 160 }}>
            <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <DeadlineField dates={dates} style={{ flex: 1 }} />
        </Flex>
        <GuidanceFields dates={dates} />
        <Form.Item label="Đơn vị phải báo cáo" required>
          <Radio.Group value={scope} onChange={(e) => setScope(e.target.value as 'all' | 'some')}>
            <Radio value="all">Tất cả đơn vị của tỉnh/thành phố ({all.length})</Radio>
            <Radio value="some">Chọn một số đơn vị</Radio>
          </Radio.Group>
        </Form.Item>
        {scope === 'some' && (
          <div role="group" aria-label="Chọn đơn vị phải báo cáo" style={{ marginTop: -8 }}>
            <Flex gap={12} align="center" style={{ marginBottom: 8 }}>
              <Input
                allowClear prefix={<SearchOutlined />} value={q} onChange={(e) => setQ(e.target.value)} style={{ flex: 1 }}
                placeholder="Tìm xã, phường (gõ không dấu được)" aria-label="Tìm đơn vị để chọn"
              />
              <Typography.Text strong aria-live="polite">Đã chọn {selected.length}/{all.length}</Typography.Text>
              {selected.length > 0 && <Button size="small" type="link" onClick={() => setSelected([])}>Bỏ chọn hết</Button>}
            </Flex>
            <Table<UnitItem>
              rowKey={(u) => String(u.id)} size="small" pagination={false} scroll={{ y: 260 }} loading={units.loading}
              dataSource={shown} aria-label="Danh sách đơn vị"
              rowSelection={{
                selectedRowKeys: selected, preserveSelectedRowKeys: true,
                onChange: (keys) => setSelected(keys.map(String)),
                getCheckboxProps: (u) => ({ 'aria-label': `Chọn ${unitName(u)}` }),
              }}
              columns={[
                { title: 'Đơn vị', key: 'name', render: (_, u) => u.name },
                { title: 'Loại', dataIndex: 'kind', width: 100 },
              ]}
              locale={{ emptyText: q ? 'Không có đơn vị nào khớp với từ khóa.' : 'Chưa có đơn vị nào.' }}
            />
          </div>
        )}
        {error && <Alert type="error" showIcon title={error} style={{ marginTop: 16 }} />}
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
          Báo cáo của mỗi đơn vị được tạo ngay khi mở kỳ, lấy số liệu từ báo cáo năm trước đã được tiếp nhận và dự toán được duyệt (nếu có). Sau khi mở, có thể gia hạn riêng cho từng đơn vị.
        </Typography.Paragraph>
      </Form>
    </Drawer>
  );
}
