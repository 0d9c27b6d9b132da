import { Tag } from 'antd';
import type { Change } from '../../api/types.ts';

const CHANGE_KINDS: Record<Change['kind'], { label: string; color: string }> = {
  added: { label: 'Thêm', color: 'green' },
  removed: { label: 'Bỏ', color: 'red' },
  changed: { label: 'Sửa', color: 'blue' },
  moved: { label: 'Chuyển chỗ', color: 'purple' },
  // The last row of a capped list (diff.ts): "… và N thay đổi khác".
  omitted: { label: 'Còn nữa', color: 'default' },
};

/** What kind of change a row of a comparison is, in words: Thêm, Bỏ, Sửa, Chuyển chỗ. */
export function ChangeKindTag({ kind }: { kind: Change['kind'] }) {
  return <Tag color={CHANGE_KINDS[kind].color}>{CHANGE_KINDS[kind].label}</Tag>;
}
