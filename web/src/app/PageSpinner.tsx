import { Spin } from 'antd';

export const PageSpinner = () => (
  <div style={{ padding: 80, textAlign: 'center' }} aria-busy="true">
    <Spin size="large" description="Đang tải…" />
  </div>
);
