import { DownloadOutlined, FileExcelOutlined, FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import { App, Button, Dropdown } from 'antd';
import { useState } from 'react';
import { ApiError, errorMessage } from '../api/client.ts';
import { endpoints } from '../api/endpoints.ts';

type Kind = 'document.docx' | 'appendix.xlsx' | 'document.pdf';

/** "attachment; filename*=UTF-8''Bao-cao.docx" → "Bao-cao.docx". */
function fileNameOf(disposition: string | null, fallback: string): string {
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '');
  if (star?.[1]) return decodeURIComponent(star[1]);
  const plain = /filename="?([^";]+)"?/i.exec(disposition ?? '');
  return plain?.[1] ?? fallback;
}

/**
 * DOCX, XLSX and PDF of the last saved version. Pending edits are saved first; the file is
 * fetched so that a refusal (e.g. no LibreOffice for PDF) shows its Vietnamese message instead
 * of navigating away from the editor.
 */
export function Downloads({ id, beforeDownload }: { id: string; beforeDownload(): Promise<unknown> }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);

  const download = async (kind: Kind) => {
    setBusy(true);
    try {
      await beforeDownload();
      const res = await fetch(endpoints.downloadUrl(id, kind), { credentials: 'same-origin' });
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
        throw new ApiError(res.status, body?.error?.code ?? `HTTP_${res.status}`, body?.error?.message ?? `Không tải được tệp (lỗi ${res.status}).`, body);
      }
      const blob = await res.blob();
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = fileNameOf(res.headers.get('Content-Disposition'), kind);
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const item = (kind: Kind, label: string, icon: React.ReactNode) => ({ key: kind, icon, label });
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        onClick: ({ key }) => void download(key as Kind),
        items: [
          item('document.docx', 'Báo cáo (DOCX)', <FileWordOutlined />),
          item('appendix.xlsx', 'Biểu dự toán (XLSX)', <FileExcelOutlined />),
          item('document.pdf', 'Báo cáo (PDF)', <FilePdfOutlined />),
        ],
      }}
    >
      <Button icon={<DownloadOutlined />} loading={busy}>
        Tải về
      </Button>
    </Dropdown>
  );
}
