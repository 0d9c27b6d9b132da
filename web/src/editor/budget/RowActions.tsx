import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, MenuFoldOutlined, MenuUnfoldOutlined, MoreOutlined, PlusOutlined, SubnodeOutlined } from '@ant-design/icons';
import { Button, Dropdown, Space, Tooltip } from 'antd';

export type RowAction = 'add' | 'child' | 'indent' | 'outdent' | 'up' | 'down' | 'delete';

interface Props {
  title: string;
  canIndent: boolean;
  canOutdent: boolean;
  canUp: boolean;
  canDown: boolean;
  onAction(action: RowAction): void;
}

/** The buttons of one budget row: add a line below, add a child, and a menu for the rest. */
export function RowActions({ title, canIndent, canOutdent, canUp, canDown, onAction }: Props) {
  const name = title.trim() || 'dòng chưa đặt tên';
  return (
    <Space size={0}>
      <Tooltip title="Thêm dòng bên dưới (Enter)">
        <Button type="text" size="small" icon={<PlusOutlined />} aria-label={`Thêm dòng sau “${name}”`} onClick={() => onAction('add')} />
      </Tooltip>
      <Tooltip title="Thêm dòng con">
        <Button type="text" size="small" icon={<SubnodeOutlined />} aria-label={`Thêm dòng con của “${name}”`} onClick={() => onAction('child')} />
      </Tooltip>
      <Dropdown
        trigger={['click']}
        menu={{
          onClick: ({ key }) => onAction(key as RowAction),
          items: [
            { key: 'indent', icon: <MenuUnfoldOutlined />, label: 'Thụt vào (Alt+→)', disabled: !canIndent },
            { key: 'outdent', icon: <MenuFoldOutlined />, label: 'Lùi ra (Alt+←)', disabled: !canOutdent },
            { key: 'up', icon: <ArrowUpOutlined />, label: 'Chuyển lên (Alt+↑)', disabled: !canUp },
            { key: 'down', icon: <ArrowDownOutlined />, label: 'Chuyển xuống (Alt+↓)', disabled: !canDown },
            { type: 'divider' },
            { key: 'delete', icon: <DeleteOutlined />, label: 'Xóa dòng', danger: true },
          ],
        }}
      >
        <Button type="text" size="small" icon={<MoreOutlined />} aria-label={`Thao tác khác với “${name}”`} />
      </Dropdown>
    </Space>
  );
}
