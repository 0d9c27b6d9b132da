import { Alert, Button, Result } from 'antd';
import { PageSpinner } from '../app/PageSpinner.tsx';
import { takeReport } from '../app/preload.ts';
import { navigate } from '../app/router.ts';
import { useLoad } from '../app/useLoad.ts';
import { Editor } from './Editor.tsx';

/** Loads a report and opens the editor (read-only when the user may not edit it). */
export default function ReportEditorPage({ id, tab }: { id: string; tab?: string | undefined }) {
  const { data, error, loading, reload } = useLoad(() => takeReport(id), `report-${id}`);
  if (loading && !data) return <PageSpinner />;
  if (error || !data) {
    return (
      <Result
        status="404"
        title="Không mở được báo cáo"
        subTitle={error}
        extra={[
          <Button key="back" type="primary" onClick={() => navigate('/bao-cao')}>
            Về danh sách báo cáo
          </Button>,
          <Button key="retry" onClick={reload}>
            Thử lại
          </Button>,
        ]}
      />
    );
  }
  if (!data.report) return <Alert type="error" title="Máy chủ trả về báo cáo không có nội dung." />;
  return <Editor id={id} initial={data} initialTab={tab} />;
}
