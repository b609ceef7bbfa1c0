import { SearchOutlined } from '@ant-design/icons';
import { Select, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/api';
import { useT } from '../../i18n/use-t';
import { call, subjectPath } from './types';

// Subject names by id, looked up once per page load and in batches (rosters name subjects only by id).
const names = new Map<string, Promise<string>>();
let queued: string[] = [];
let batch: Promise<Map<string, string>> | null = null;
function subjectName(id: string): Promise<string> {
  let pending = names.get(id);
  if (!pending) {
    queued.push(id);
    batch ??= Promise.resolve().then(() => {
      const ids = queued;
      queued = [];
      batch = null;
      return call(api.GET('/api/regulation/subject-names', { params: { query: { ids: ids.join(',') } } }))
        .then((b) => new Map(Object.entries(b.names)))
        .catch(() => new Map<string, string>());
    });
    pending = batch.then((found) => found.get(id) ?? id.slice(0, 8));
    names.set(id, pending);
  }
  return pending;
}

/** A subject's name as a link to its profile, from its id. */
export function SubjectNameLink({ id, onClose }: { id: string; onClose?: () => void }) {
  const [name, setName] = useState<string>();
  useEffect(() => {
    let current = true;
    void subjectName(id).then((n) => current && setName(n));
    return () => {
      current = false;
    };
  }, [id]);
  const link = <Link to={subjectPath(id)}>{name ?? '…'}</Link>;
  return onClose ? (
    <Tag closable onClose={onClose}>
      {link}
    </Tag>
  ) : (
    <Tag>{link}</Tag>
  );
}

/** Picks a market subject by name, credit code, legal representative or address (server search). */
export function SubjectSelect({ value, onChange }: { value?: string; onChange?: (id: string) => void }) {
  const t = useT();
  const [q, setQ] = useState('');
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      call(api.GET('/api/regulation/subjects', { params: { query: { q: q || undefined, limit: 20 } } }))
        .then((b) => {
          if (current) setOptions(b.items.map((s) => ({ value: s.id, label: `${s.name}（${s.uscc}）` })));
        })
        .catch(() => current && setOptions([]));
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [q]);
  return (
    <Select
      value={value}
      onChange={onChange}
      options={options}
      showSearch={{ filterOption: false, onSearch: setQ }}
      prefix={<SearchOutlined />}
      notFoundContent={t('common.noMatch')}
      data-testid="reg-subject-select"
    />
  );
}
