import { unwrap } from '@zhizhi/api-client';
import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api/api';
import { useLocalName, useT } from '../../i18n/use-t';
import { useGovernanceLookups } from './lookups';

interface PickerProps<V> {
  id?: string;
  value?: V;
  onChange?: (value: V) => void;
  'aria-label'?: string;
  style?: React.CSSProperties;
}

export interface DepartmentPickerProps<V> extends PickerProps<V> {
  /** What the value holds: the department's id (steps) or its code (the dispatch catalogue). */
  by?: 'id' | 'code';
  /** Departments not to offer (the case's own, for co-handling). */
  exclude?: (string | null | undefined)[];
}

/** One active department, searchable by name or code. */
export function DepartmentPicker({ by = 'id', exclude = [], ...props }: DepartmentPickerProps<string>) {
  const options = useDepartmentOptions(by, exclude);
  const t = useT();
  return (
    <Select<string>
      {...props}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={t('cases.pickDepartment')}
      options={options}
      data-testid="department-picker"
    />
  );
}

/** Several departments (co-handling). */
export function DepartmentsPicker({ exclude = [], ...props }: DepartmentPickerProps<string[]>) {
  const options = useDepartmentOptions('id', exclude);
  const t = useT();
  return (
    <Select<string[]>
      {...props}
      mode="multiple"
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={t('cases.pickDepartments')}
      options={options}
    />
  );
}

function useDepartmentOptions(by: 'id' | 'code', exclude: (string | null | undefined)[]) {
  const { departments } = useGovernanceLookups();
  const localName = useLocalName();
  return departments
    .filter((d) => d.active && !exclude.includes(d.id))
    .map((d) => ({
      value: by === 'id' ? d.id : d.code,
      label: `${localName(d.name, d.nameEn)} (${d.code})`,
    }));
}

export interface StaffPickerProps extends PickerProps<string> {
  /** The department whose active staff may be chosen. */
  departmentId: string | null | undefined;
}

/** A person of a department to assign cases to (GET /api/governance/staff). */
export function StaffPicker({ departmentId, ...props }: StaffPickerProps) {
  const t = useT();
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    if (!departmentId) {
      setOptions([]);
      return;
    }
    let current = true;
    setLoading(true);
    unwrap(api.GET('/api/governance/staff', { params: { query: { departmentId } } }))
      .then((body) => current && setOptions(body.items.map((s) => ({ value: s.id, label: s.displayName }))))
      .catch(() => current && setOptions([]))
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [departmentId]);
  return (
    <Select<string>
      {...props}
      loading={loading}
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={departmentId ? t('cases.pickPerson') : t('cases.pickDepartmentFirst')}
      disabled={!departmentId}
      options={options}
      notFoundContent={loading ? t('common.loading') : t('cases.noStaff')}
      data-testid="staff-picker"
    />
  );
}
