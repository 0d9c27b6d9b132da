import type { CommentItem } from '../../api/types.ts';

/** Sections a Department comment may point at, with their label and the editor card showing them. */
export const COMMENT_SECTIONS: readonly { value: string; label: string; anchor: string }[] = [
  { value: 'plan.budget', label: 'Dự toán năm kế hoạch', anchor: 'muc-du-toan' },
  { value: 'implementation.dossiers', label: 'Số liệu hồ sơ', anchor: 'muc-ho-so' },
  { value: 'implementation.results', label: 'Kết quả theo lĩnh vực', anchor: 'muc-ket-qua' },
  { value: 'implementation.budget', label: 'Ngân sách năm báo cáo', anchor: 'muc-ngan-sach' },
  { value: 'implementation.assessment', label: 'Đánh giá chung', anchor: 'muc-danh-gia' },
  { value: 'implementation.leadership', label: 'Lãnh đạo, chỉ đạo', anchor: 'muc-lanh-dao' },
  { value: 'implementation.digitalTeams', label: 'Tổ công nghệ số cộng đồng', anchor: 'muc-lanh-dao' },
  { value: 'plan.basis', label: 'Căn cứ xây dựng kế hoạch', anchor: 'muc-can-cu' },
  { value: 'plan.objectives', label: 'Mục tiêu, nhiệm vụ', anchor: 'muc-can-cu' },
  { value: 'plan.attachments', label: 'Tài liệu gửi kèm', anchor: 'muc-tai-lieu' },
  { value: 'document', label: 'Thông tin văn bản', anchor: 'muc-van-ban' },
];

export const commentSectionLabel = (path: string): string => COMMENT_SECTIONS.find((s) => s.value === path)?.label ?? path;
export const commentAnchor = (path: string): string | undefined => COMMENT_SECTIONS.find((s) => s.value === path)?.anchor;

/** Comments on a whole section (one of `paths`), not on one of its budget lines. */
export const commentsForSection = (comments: readonly CommentItem[], paths: readonly string[]): CommentItem[] =>
  comments.filter((c) => c.lineId === null && paths.includes(c.path));

/** Comments on one budget line of the tree at `basePath` (e.g. "plan.budget"). */
export const commentsForLine = (comments: readonly CommentItem[], basePath: string, lineId: string): CommentItem[] =>
  comments.filter((c) => c.lineId === lineId && c.path === basePath);
