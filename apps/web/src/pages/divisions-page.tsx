import type { Division } from '@zhizhi/api-client';
import { Card, Col, Row, Space, Switch, Tag, Tree, Typography } from 'antd';
import { type ReactNode, useCallback, useEffect, useId, useMemo, useState } from 'react';
import { clearDivisionCache, fetchDivisions } from '../api/divisions';
import { DivisionDetail } from '../components/division-detail';
import { formatValidity } from '../components/format';
import { RenameDivisionModal } from '../components/rename-division-modal';
import { useProblemNotifier } from '../components/use-action';
import { useEnumLabel, useT } from '../i18n/use-t';

interface DivisionNode {
  key: string;
  title: ReactNode;
  isLeaf: boolean;
  children?: DivisionNode[];
}

const ROOT = '';
const keyOf = (division: Division) => `${division.code}@${division.validFrom}`;

export function DivisionsPage() {
  const t = useT();
  const enumLabel = useEnumLabel();
  const notify = useProblemNotifier();
  const historicId = useId();
  const [showHistoric, setShowHistoric] = useState(false);
  // Children lists by parent code, filled as the user expands the tree.
  const [childrenOf, setChildrenOf] = useState<Record<string, Division[]>>({});
  const [selected, setSelected] = useState<Division | null>(null);
  const [renaming, setRenaming] = useState<Division | null>(null);
  const [version, setVersion] = useState(0);

  const loadChildren = useCallback(
    async (parentCode: string) => {
      try {
        const items = await fetchDivisions(parentCode || undefined, showHistoric);
        setChildrenOf((previous) => ({ ...previous, [parentCode]: items }));
      } catch (error) {
        notify(error);
      }
    },
    [showHistoric, notify],
  );

  useEffect(() => {
    setChildrenOf({});
    void loadChildren(ROOT);
  }, [loadChildren]);

  const byKey = useMemo(() => {
    const map = new Map<string, Division>();
    for (const list of Object.values(childrenOf))
      for (const division of list) map.set(keyOf(division), division);
    return map;
  }, [childrenOf]);

  const treeData = useMemo(() => {
    const title = (division: Division) => (
      <Space size="small" wrap>
        <span className={division.validTo ? 'zz-historic' : undefined}>{division.name}</span>
        <Typography.Text code>{division.code}</Typography.Text>
        <Tag>{enumLabel('divisionKind', division.kind)}</Tag>
        {division.validTo && (
          <Tag color="default">{formatValidity(division.validFrom, division.validTo)}</Tag>
        )}
      </Space>
    );
    const build = (parentCode: string): DivisionNode[] | undefined =>
      childrenOf[parentCode]?.map((division) => ({
        key: keyOf(division),
        title: title(division),
        // Historic rows are leaves: their children are listed under the current row.
        isLeaf: division.childCount === 0 || !!division.validTo,
        children: division.validTo ? undefined : build(division.code),
      }));
    return build(ROOT) ?? [];
  }, [childrenOf, enumLabel]);

  const onRenamed = (renamed: Division) => {
    clearDivisionCache();
    setRenaming(null);
    setVersion((value) => value + 1);
    void loadChildren(renamed.parentCode ?? ROOT);
    setSelected(renamed);
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('nav.divisions')}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={11}>
          <Card
            title={t('divisions.tree')}
            extra={
              <Space size="small">
                <Switch id={historicId} checked={showHistoric} onChange={setShowHistoric} />
                <label htmlFor={historicId}>{t('divisions.showHistoric')}</label>
              </Space>
            }
          >
            <Tree<DivisionNode>
              key={String(showHistoric)}
              treeData={treeData}
              loadData={async (node) => {
                const division = byKey.get(String(node.key));
                if (division && childrenOf[division.code] === undefined) await loadChildren(division.code);
              }}
              selectedKeys={selected ? [keyOf(selected)] : []}
              onSelect={(keys) => setSelected(byKey.get(String(keys[0])) ?? null)}
              showLine
              blockNode
            />
          </Card>
        </Col>
        <Col xs={24} lg={13}>
          <DivisionDetail code={selected?.code ?? null} version={version} onRename={setRenaming} />
        </Col>
      </Row>
      {renaming && (
        <RenameDivisionModal
          key={renaming.code}
          division={renaming}
          onClose={() => setRenaming(null)}
          onRenamed={onRenamed}
        />
      )}
    </Space>
  );
}
