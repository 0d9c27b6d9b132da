import { DeleteOutlined } from '@ant-design/icons';
import { Button, Card, Typography } from 'antd';
import type { Note, Report } from '../../../../src/domain/report-schema.ts';
import { memoSection } from './memo-section.ts';
import type { SectionProps } from './section-props.ts';

export const NOTES_TITLE = 'Ghi chú từ văn bản đã nhập';

/** Part II's tab shows the notes that stood in Part II; every other note (preamble, Part I, closing, signature) goes with Part I and the document's details. */
export const notePart = (note: Note): 'I' | 'II' => (/^Phần II(?![I])/u.test(note.section) ? 'II' : 'I');

/**
 * Paragraphs of an imported document that fit no section, kept with the report (`report.notes`)
 * so nothing imported is lost from sight. They are not printed; the officer moves their content
 * where it belongs, then removes them. Read-only where the report is not editable.
 */
function ImportedNotesBody({ report, set, readOnly, part }: SectionProps & { part: 'I' | 'II' }) {
  const notes = report.notes ?? [];
  const mine = notes.map((note, index) => ({ note, index })).filter(({ note }) => notePart(note) === part);
  if (mine.length === 0) return null;
  const remove = (index: number) => {
    const rest = notes.filter((_, i) => i !== index);
    set(['notes'], rest.length ? rest : undefined);
  };
  return (
    <Card size="small" title={`${NOTES_TITLE} (${mine.length})`} id={`muc-ghi-chu-${part === 'I' ? '1' : '2'}`} className="khcn-notes">
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        Các đoạn này không thuộc mục nào của mẫu báo cáo nên không được in vào văn bản.
        {readOnly ? '' : ' Hãy chép nội dung cần giữ vào đúng mục rồi xóa ghi chú.'}
      </Typography.Paragraph>
      <ol className="khcn-notes-list" aria-label={NOTES_TITLE}>
        {mine.map(({ note, index }, n) => (
          <li key={index}>
            <div className="khcn-notes-where">{note.section}</div>
            <div className="khcn-notes-body">
              <Typography.Paragraph copyable={{ text: note.text, tooltips: ['Sao chép đoạn này', 'Đã sao chép'] }} style={{ marginBottom: 0, flex: 1 }}>
                {note.text}
              </Typography.Paragraph>
              {!readOnly && (
                <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={`Xóa ghi chú ${n + 1}`} onClick={() => remove(index)}>
                  Xóa
                </Button>
              )}
            </div>
          </li>
        ))}
      </ol>
    </Card>
  );
}

export const ImportedNotes = memoSection(ImportedNotesBody, (r: Report) => [r.notes]);
