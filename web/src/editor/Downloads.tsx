import { DownloadOutlined, FileExcelOutlined, FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { endpoints } from '../api/endpoints.ts';

/** DOCX, XLSX and PDF of the last saved version. */
export function Downloads({ id, beforeDownload }: { id: string; beforeDownload(): Promise<unknown> }) {
  const item = (kind: 'document.docx' | 'appendix.xlsx' | 'document.pdf', label: string, icon: React.ReactNode) => ({
    key: kind,
    icon,
    label: (
      <a
        href={endpoints.downloadUrl(id, kind)}
        download
        onClick={async (e) => {
          // Save pending edits first so the file matches the screen.
          e.preventDefault();
          const a = e.currentTarget;
          await beforeDownload();
          window.location.assign(a.href);
        }}
      >
        {label}
      </a>
    ),
  });
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          item('document.docx', 'Báo cáo (DOCX)', <FileWordOutlined />),
          item('appendix.xlsx', 'Biểu dự toán (XLSX)', <FileExcelOutlined />),
          item('document.pdf', 'Báo cáo (PDF)', <FilePdfOutlined />),
        ],
      }}
    >
      <Button icon={<DownloadOutlined />}>Tải về</Button>
    </Dropdown>
  );
}
