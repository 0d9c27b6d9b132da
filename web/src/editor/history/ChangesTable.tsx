import { Table, Typography } from 'antd';
import type { Change } from '../../api/types.ts';
import { ChangeKindTag } from './ChangeKindTag.tsx';
import { formatValue } from './format-value.ts';

interface Props {
  changes: Change[];
  /** Column titles of the older and the newer value. */
  before: string;
  after: string;
  label: string;
  emptyText: string;
  maxHeight?: number;
}

/**
 * What changed between two versions (src/domain/diff.ts), field by field: the history's
 * comparison and the chairman's "changed since you opened it" both show it this way.
 */
export function ChangesTable({ changes, before, after, label, emptyText, maxHeight }: Props) {
  return (
    <Table<Change>
      size="small"
      rowKey={(c) => `${c.kind}:${c.path}`}
      pagination={false}
      dataSource={changes}
      aria-label={label}
      locale={{ emptyText }}
      {...(maxHeight ? { scroll: { y: maxHeight } } : {})}
      columns={[
        { title: 'Mục thay đổi', dataIndex: 'label', width: 300, render: (text: string) => <span style={{ overflowWrap: 'anywhere' }}>{text}</span> },
        { title: 'Thay đổi', dataIndex: 'kind', width: 110, render: (k: Change['kind']) => <ChangeKindTag kind={k} /> },
        {
          title: before,
          key: 'before',
          render: (_, c) => c.kind === 'added' ? <Typography.Text type="secondary">(chưa có)</Typography.Text>
            : <Typography.Text delete={c.kind !== 'moved'} style={{ overflowWrap: 'anywhere' }}>{formatValue(c.before)}</Typography.Text>,
        },
        {
          title: after,
          key: 'after',
          render: (_, c) => c.kind === 'removed' ? <Typography.Text type="secondary">(đã bỏ)</Typography.Text>
            : <Typography.Text strong style={{ overflowWrap: 'anywhere' }}>{formatValue(c.after)}</Typography.Text>,
        },
      ]}
    />
  );
}
