import { InboxOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Drawer, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { Report } from '../../../../src/domain/report-schema.ts';
import { errorMessage } from '../../api/client.ts';
import { endpoints } from '../../api/endpoints.ts';
import type { ImportResult } from '../../api/types.ts';
import { ImportReview } from './ImportReview.tsx';

/** What the file picker offers; the server decides what a file is by its bytes. */
const ACCEPT = '.docx,.doc,.odt,.pdf,.txt';

interface Props {
  onClose(): void;
  onSave(report: Report): Promise<boolean>;
}

/** Upload a DOCX/DOC/ODT/PDF/TXT report, see what was read beside the source lines, then save into the draft. */
export default function ImportDrawer({ onClose, onSave }: Props) {
  const [result, setResult] = useState<ImportResult>();
  const [fileName, setFileName] = useState<string>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  // A new upload is a new review: what was pointed at or picked in the last one is forgotten.
  const [round, setRound] = useState(0);

  const upload = async (file: File) => {
    setBusy(true);
    setError(undefined);
    setResult(undefined);
    setRound((n) => n + 1);
    setFileName(file.name);
    try {
      setResult(await endpoints.importFile(file));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const pick = (file: File) => {
    void upload(file);
    return false;
  };

  const save = async () => {
    if (!result) return;
    setBusy(true);
    // The report stays this commune's whatever the file says: the server names the unit from its
    // register, in the preview and on save.
    await onSave(result.report);
    setBusy(false);
  };

  return (
    <Drawer
      open
      size="min(1280px, 96vw)"
      title="Nhập báo cáo từ tệp Word, PDF hoặc TXT"
      onClose={onClose}
      extra={
        <Space>
          <Button onClick={onClose}>Hủy</Button>
          <Button type="primary" disabled={!result} loading={busy && !!result} onClick={() => void save()}>
            Lưu vào bản nháp
          </Button>
        </Space>
      }
    >
      {/* Above the drop zone, where the eye is after choosing a file (below it, it was off-screen). */}
      {error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={`Không đọc được tệp ${fileName ?? ''}`.trim()}
          description={<>{error} Chọn lại tệp .docx, .doc, .odt, .pdf hoặc .txt bên dưới.</>}
          style={{ marginBottom: 12 }}
        />
      )}
      {busy && !result && <Typography.Paragraph style={{ marginBottom: 12 }}>Đang đọc {fileName}…</Typography.Paragraph>}
      {result || busy ? (
        <Space>
          <Upload accept={ACCEPT} multiple={false} showUploadList={false} disabled={busy} beforeUpload={pick}>
            <Button icon={<UploadOutlined />} disabled={busy}>
              Chọn tệp khác
            </Button>
          </Upload>
          <Typography.Text type="secondary">{fileName}</Typography.Text>
        </Space>
      ) : (
        <Upload.Dragger accept={ACCEPT} multiple={false} showUploadList={false} beforeUpload={pick} style={{ padding: '24px 0' }}>
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">Kéo thả hoặc bấm để chọn tệp báo cáo (.docx, .doc, .odt, .pdf, .txt)</p>
          <p className="ant-upload-hint">PDF cần có lớp chữ (bản quét chưa đọc được). Dữ liệu chỉ được xem trước; bản nháp chỉ thay đổi khi bạn bấm “Lưu vào bản nháp”.</p>
        </Upload.Dragger>
      )}
      {result && (
        <>
          <Alert
            style={{ marginTop: 12 }}
            type={result.warnings.length ? 'warning' : 'success'}
            showIcon
            title={`Đã đọc ${fileName}: ${result.lines.length} dòng, ${result.warnings.length} cảnh báo khi nhập, ${result.findings.length} kết quả kiểm tra.`}
            description="Lưu vào bản nháp sẽ thay toàn bộ nội dung hiện tại bằng dữ liệu đọc được (có thể xem lại trong Lịch sử phiên bản)."
          />
          <ImportReview key={round} result={result} />
        </>
      )}
    </Drawer>
  );
}
