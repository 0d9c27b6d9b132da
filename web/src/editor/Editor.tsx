import { ImportOutlined } from '@ant-design/icons';
import { App, Button, Col, ConfigProvider, Form, Row, Space, Tabs, Tag, Typography } from 'antd';
import { lazy, Suspense, useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { validateReport, type Finding } from '../../../src/domain/checks.ts';
import { submitChecks } from '../../../src/domain/document-blanks.ts';
import { ApiError, errorMessage } from '../api/client.ts';
import { endpoints } from '../api/endpoints.ts';
import { takeComments } from '../app/preload.ts';
import type { Change, CommentItem, ReportEnvelope, ReportMeta } from '../api/types.ts';
import { formatDateTime, statusColor, statusLabel, unitName } from '../app/labels.ts';
import { PageSpinner } from '../app/PageSpinner.tsx';
import { linkHandler } from '../app/router.ts';
import { useUser } from '../auth/session.tsx';
import { ChecksPanel } from './ChecksPanel.tsx';
import { FindingsContext } from './common/findings-context.ts';
import { DeadlineNote } from './DeadlineNote.tsx';
import { invalidFindings, InvalidInputsContext, useInvalidInputs } from './invalid-inputs.ts';
import { CommentsContext } from './comments/comments-context.ts';
import { COMMENTS_PANEL_ID, DeptCommentsPanel } from './comments/DeptCommentsPanel.tsx';
import { commentAnchor } from './comments/sections.ts';
import { ChangedSinceSeenModal } from './ChangedSinceSeenModal.tsx';
import { ConflictModal } from './ConflictModal.tsx';
import { Downloads } from './Downloads.tsx';
import { Part1Tab } from './Part1Tab.tsx';
import { pathSelector, setIn, tabOfPath } from './paths.ts';
import { PlanTab } from './PlanTab.tsx';
import { RecoveryBanner } from './RecoveryBanner.tsx';
import { SaveIndicator } from './SaveIndicator.tsx';
import { StatusBanner } from './StatusBanner.tsx';
import { SubmitCard } from './SubmitCard.tsx';
import { useDraft } from './useDraft.ts';
import { useStable } from './useStable.ts';

const HistoryTab = lazy(() => import('./history/HistoryTab.tsx'));
const ImportDrawer = lazy(() => import('./importer/ImportDrawer.tsx'));

type TabKey = 'part1' | 'part2' | 'history';

/** The report editor: Part I and II, live checks, autosave, submit, history, import, downloads. */
export function Editor({ id, initial, initialTab }: { id: string; initial: ReportEnvelope; initialTab?: string | undefined }) {
  const { message } = App.useApp();
  const user = useUser();
  const draft = useDraft(id, initial);
  const { report, meta } = draft;
  const [tab, setTab] = useState<TabKey>(initialTab === 'phan-2' ? 'part2' : initialTab === 'lich-su' ? 'history' : 'part1');
  const [importing, setImporting] = useState(false);
  const [serverFindings, setServerFindings] = useState<Finding[]>();
  const [comments, setComments] = useState<CommentItem[]>([]);
  const [changedSinceSeen, setChangedSinceSeen] = useState<{ seen: number; current: ReportMeta; changes: Change[] }>();
  // Remounts the submit card after a refused submit: its warnings are acknowledged again, on the new version.
  const [submitRound, setSubmitRound] = useState(0);
  useEffect(() => {
    let live = true;
    takeComments(id).then((r) => live && setComments(r.items), () => undefined);
    return () => {
      live = false;
    };
  }, [id]);

  const invalid = useInvalidInputs(id, initial.report);
  const invalidCount = Object.keys(invalid.entries).length;
  const canEdit = meta.canEdit ?? ((meta.status === 'draft' || meta.status === 'returned') && user.role.startsWith('commune'));

  const checked = useDeferredValue(report);
  const computed = useMemo(() => {
    if (serverFindings) return serverFindings;
    const v = validateReport(checked);
    // Figures typed that do not read come first; blanks that matter at submission while drafting.
    const beforeSubmit = v.ok && canEdit ? submitChecks(v.report) : [];
    return [...(canEdit ? invalidFindings(invalid.entries, checked) : []), ...v.findings, ...beforeSubmit];
  }, [checked, serverFindings, canEdit, invalid.entries]);
  const findings = useStable(computed);
  const canSubmit = meta.canSubmit ?? (canEdit && user.role === 'commune_chairman');
  const readOnly = !canEdit;

  const draftUpdate = draft.update;
  const draftRestore = draft.restoreVersion;
  const restoreVersion = useCallback(async (source: number) => {
    try {
      const made = await draftRestore(source);
      setServerFindings(undefined);
      message.success(`Đã khôi phục phiên bản ${source} thành phiên bản ${made}.`);
    } catch (e) {
      message.error(errorMessage(e));
    }
  }, [draftRestore, message]);
  const set = useCallback((path: readonly (string | number)[], value: unknown) => {
    setServerFindings(undefined);
    draftUpdate((r) => setIn(r, path, value));
  }, [draftUpdate]);
  const update = useCallback((change: Parameters<typeof draftUpdate>[0]) => {
    setServerFindings(undefined);
    draftUpdate(change);
  }, [draftUpdate]);

  const open = (f: Finding) => {
    setTab(tabOfPath(f.path));
    window.setTimeout(() => {
      const candidates = [f.path, ...(f.paths ?? [])].map((p) => p.replace(/\.(title|amount|statedAmount|children|field|budgetCode)$/, ''));
      for (const p of [f.path, ...candidates]) {
        const el = document.querySelector<HTMLElement>(pathSelector(p));
        if (el) {
          el.scrollIntoView({ behavior: 'smooth', block: 'center' });
          (el.matches('input, textarea') ? el : el.querySelector<HTMLElement>('input, textarea, button'))?.focus({ preventScroll: true });
          return;
        }
      }
    }, 80);
  };

  const openComment = (c: CommentItem) => {
    setTab(tabOfPath(c.path));
    window.setTimeout(() => {
      const el = c.lineId ? document.querySelector<HTMLElement>(`[data-line-id="${c.lineId}"]`) : document.getElementById(commentAnchor(c.path) ?? '');
      el?.scrollIntoView({ behavior: 'smooth', block: 'center' });
    }, 80);
  };
  const showComments = () => document.getElementById(COMMENTS_PANEL_ID)?.scrollIntoView({ behavior: 'smooth', block: 'center' });

  // The version on screen once everything typed is saved: what the chairman read is what is frozen.
  const submit = async (acknowledgeWarnings: boolean) => {
    if (invalidCount > 0) {
      message.error(`Còn ${invalidCount} ô số chưa đọc được; sửa rồi mới nộp.`);
      return;
    }
    if (!(await draft.flush())) {
      message.error('Chưa lưu được thay đổi nên chưa nộp.');
      return;
    }
    const seen = draft.currentVersion();
    try {
      const { meta: next } = await endpoints.submit(id, seen, acknowledgeWarnings);
      draft.setMeta({ ...meta, ...next });
      message.success('Đã nộp báo cáo cho Sở Khoa học và Công nghệ.');
    } catch (e) {
      if (e instanceof ApiError && e.code === 'VERSION_CHANGED') return showChangesSince(seen);
      const fs = e instanceof ApiError ? e.detail<Finding[]>('findings') : undefined;
      if (fs) setServerFindings(fs);
      message.error(errorMessage(e));
    }
  };

  /** Someone saved after the chairman opened the report: load the latest and show what changed. */
  const showChangesSince = async (seen: number) => {
    try {
      const current = await endpoints.report(id);
      const { changes } = await endpoints.diff(id, seen, current.meta.version);
      if (!draft.showServer(current)) {
        message.error('Báo cáo đã có phiên bản mới; hãy lưu xong thay đổi của bạn rồi nộp lại.');
        return;
      }
      setServerFindings(undefined);
      setChangedSinceSeen({ seen, current: current.meta, changes });
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const editorProps = { report, set, update, readOnly };
  return (
    <FindingsContext.Provider value={findings}>
      <InvalidInputsContext.Provider value={invalid.api}>
      <CommentsContext.Provider value={comments}>
      <div className={`khcn-page${readOnly ? ' khcn-readonly' : ''}`}>
        <Row justify="space-between" align="middle" gutter={[16, 8]} style={{ marginBottom: 12 }}>
          <Col>
            <Typography.Text type="secondary">
              <a href="/bao-cao" onClick={linkHandler('/bao-cao')}>Báo cáo</a> / {report.planYear}
            </Typography.Text>
            <Typography.Title level={3} style={{ margin: 0 }}>
              Báo cáo KH, CN, ĐMST &amp; CĐS — {unitName(meta.unit ?? { kind: report.commune.kind, name: report.commune.name })}{' '}
              <Tag color={statusColor(meta.status)} style={{ verticalAlign: 'middle', fontSize: 13 }}>{statusLabel(meta.status)}</Tag>
            </Typography.Title>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              Thực hiện năm {report.reportYear}, kế hoạch năm {report.planYear} · phiên bản {meta.version} · cập nhật {formatDateTime(meta.updatedAt)}
              {meta.updatedBy ? ` bởi ${meta.updatedBy}` : ''}
            </Typography.Text>
            <DeadlineNote meta={meta} />
          </Col>
          <Col>
            <Space wrap>
              {canEdit && <SaveIndicator state={draft.state} error={draft.error} invalidCount={invalidCount} onRetry={() => void draft.flush()} />}
              {canEdit && (
                <Button icon={<ImportOutlined />} onClick={() => setImporting(true)}>
                  Nhập từ tệp
                </Button>
              )}
              <Downloads id={id} beforeDownload={draft.flush} />
            </Space>
          </Col>
        </Row>
        {canEdit && draft.recovery && (
          <div style={{ marginBottom: 12 }}>
            <RecoveryBanner
              copy={draft.recovery}
              serverVersion={meta.version}
              onRestore={() => void draft.restore().then((ok) => ok && message.success('Đã khôi phục và lưu nội dung chưa lưu.'))}
              onDiscard={draft.discardRecovery}
            />
          </div>
        )}
        <div style={{ marginBottom: 12 }}>
          <StatusBanner meta={meta} commentCount={comments.length} onShowComments={showComments} />
        </div>
        <Row gutter={16}>
          <Col xs={24} xl={19}>
            <ConfigProvider componentDisabled={readOnly}>
              <Form layout="vertical" component="div" disabled={readOnly}>
                <Tabs
                  destroyOnHidden
                  activeKey={tab}
                  onChange={(k) => setTab(k as TabKey)}
                  items={[
                    { key: 'part1', label: `Phần I. Thực hiện năm ${report.reportYear}`, children: <Part1Tab {...editorProps} /> },
                    { key: 'part2', label: `Phần II. Kế hoạch, dự toán năm ${report.planYear}`, children: <PlanTab {...editorProps} /> },
                    {
                      key: 'history',
                      label: 'Lịch sử phiên bản',
                      children: (
                        <Suspense fallback={<PageSpinner />}>
                          {tab === 'history' && <HistoryTab id={id} currentVersion={meta.version} canEdit={canEdit} onRestore={restoreVersion} />}
                        </Suspense>
                      ),
                    },
                  ]}
                />
              </Form>
            </ConfigProvider>
          </Col>
          <Col xs={24} xl={5}>
            <div className="khcn-sticky-side" style={{ display: 'flex', flexDirection: 'column', gap: 16, marginTop: 54 }}>
              <DeptCommentsPanel comments={comments} report={report} onOpen={openComment} />
              <ChecksPanel findings={findings} onOpen={open} />
              {user.role.startsWith('commune') && <SubmitCard key={submitRound} meta={meta} findings={findings} saveState={draft.state} canSubmit={canSubmit} onSubmit={submit} />}
            </div>
          </Col>
        </Row>
      </div>
      {draft.conflict && (
        <ConflictModal
          mine={report}
          server={draft.conflict}
          onKeepMine={() => void draft.keepMine().then((ok) => ok && message.success('Đã lưu bản của bạn.'))}
          onTakeServer={() => {
            draft.takeServer();
            message.info('Đã lấy bản trên máy chủ.');
          }}
        />
      )}
      {changedSinceSeen && (
        <ChangedSinceSeenModal
          {...changedSinceSeen}
          onClose={() => {
            setChangedSinceSeen(undefined);
            setSubmitRound((n) => n + 1);
          }}
        />
      )}
      {importing && (
        <Suspense fallback={null}>
          <ImportDrawer
            onClose={() => setImporting(false)}
            onSave={async (imported) => {
              setServerFindings(undefined);
              const ok = await draft.replace(imported);
              if (ok) {
                setImporting(false);
                message.success('Đã lưu dữ liệu nhập vào bản nháp.');
              }
              return ok;
            }}
          />
        </Suspense>
      )}
      </CommentsContext.Provider>
      </InvalidInputsContext.Provider>
    </FindingsContext.Provider>
  );
}
