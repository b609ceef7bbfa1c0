import { unwrap } from '@zhizhi/api-client';
import { Form, Input, InputNumber, Select, Switch } from 'antd';
import { api } from '../../api/api';
import { useLocalName, useT } from '../../i18n/use-t';
import type { EventCategory, GovernancePlatform } from '../cases/types';
import { FormModal } from '../form-modal';

/** What the category dialog edits: an existing category, or a new one in a group (or a new group). */
export type CategoryEditing = { category: EventCategory } | { parent: EventCategory | null };

type CategoryValues = {
  code: string;
  nameZh: string;
  nameEn: string;
  platform: string;
  limitDays: number;
  public: boolean;
  active: boolean;
  sort: number;
};

const CODE_PART = /^[a-z][a-z0-9_]*$/;

export interface CategoryModalProps {
  editing: CategoryEditing;
  platforms: GovernancePlatform[];
  onClose: () => void;
  onSaved: () => void;
}

/** Adds or edits a category; a new one's code is its group's code plus one lowercase part. */
export function CategoryModal({ editing, platforms, onClose, onSaved }: CategoryModalProps) {
  const t = useT();
  const localName = useLocalName();
  const existing = 'category' in editing ? editing.category : null;
  const parent = 'parent' in editing ? editing.parent : null;
  const prefix = parent ? `${parent.code}.` : '';
  const initialValues: Partial<CategoryValues> = existing
    ? { ...existing, code: existing.code }
    : {
        platform: parent?.platform ?? platforms[0]?.code,
        limitDays: parent?.limitDays ?? 5,
        public: true,
        active: true,
        sort: (parent?.sort ?? 0) + 1,
      };
  const save = (values: CategoryValues) => {
    const code = existing ? existing.code : `${prefix}${values.code.trim()}`;
    return unwrap(
      api.PUT('/api/governance/categories/{code}', {
        params: { path: { code } },
        body: {
          nameZh: values.nameZh.trim(),
          nameEn: values.nameEn.trim(),
          platform: values.platform,
          limitDays: values.limitDays,
          public: values.public,
          active: values.active,
          sort: values.sort,
        },
      }),
    );
  };
  const title = existing
    ? t('governance.categories.edit', { name: localName(existing.nameZh, existing.nameEn) })
    : parent
      ? t('governance.categories.addTo', { name: localName(parent.nameZh, parent.nameEn) })
      : t('governance.categories.addGroup');
  return (
    <FormModal<CategoryValues, unknown>
      title={title}
      name="category"
      initialValues={initialValues}
      save={save}
      onClose={onClose}
      onSaved={onSaved}
    >
      <Form.Item
        name="code"
        label={t('governance.categories.code')}
        extra={existing ? undefined : t('governance.categories.codeHelp')}
        rules={
          existing
            ? []
            : [
                { required: true, message: t('governance.categories.codeRequired') },
                { pattern: CODE_PART, message: t('governance.categories.codeInvalid') },
              ]
        }
      >
        <Input disabled={!!existing} prefix={prefix || undefined} className="zz-mono" maxLength={40} />
      </Form.Item>
      <Form.Item
        name="nameZh"
        label={t('governance.categories.nameZh')}
        rules={[{ required: true, whitespace: true, message: t('common.required') }]}
      >
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item
        name="nameEn"
        label={t('governance.categories.nameEn')}
        rules={[{ required: true, whitespace: true, message: t('common.required') }]}
      >
        <Input maxLength={120} />
      </Form.Item>
      <Form.Item
        name="platform"
        label={t('governance.categories.platform')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <Select options={platforms.map((p) => ({ value: p.code, label: localName(p.nameZh, p.nameEn) }))} />
      </Form.Item>
      <Form.Item
        name="limitDays"
        label={t('governance.categories.limitDays')}
        extra={t('governance.categories.limitDaysHelp')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <InputNumber<number> min={1} max={60} precision={0} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="sort" label={t('governance.categories.sort')}>
        <InputNumber<number> min={0} max={100000} precision={0} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item
        name="public"
        label={t('governance.categories.public')}
        extra={t('governance.categories.publicHelp')}
        valuePropName="checked"
      >
        <Switch />
      </Form.Item>
      <Form.Item name="active" label={t('governance.categories.active')} valuePropName="checked">
        <Switch />
      </Form.Item>
    </FormModal>
  );
}

export interface PlatformModalProps {
  platform: GovernancePlatform;
  onClose: () => void;
  onSaved: () => void;
}

/** Renames one of the four platforms (Zhejiang renamed them; the names are the district's). */
export function PlatformModal({ platform, onClose, onSaved }: PlatformModalProps) {
  const t = useT();
  return (
    <FormModal<{ nameZh: string; nameEn: string }, unknown>
      title={t('governance.platforms.edit', { code: platform.code })}
      name="platform"
      initialValues={{ nameZh: platform.nameZh, nameEn: platform.nameEn }}
      save={(values) =>
        unwrap(
          api.PUT('/api/governance/platforms/{code}', {
            params: { path: { code: platform.code } },
            body: { nameZh: values.nameZh.trim(), nameEn: values.nameEn.trim() },
          }),
        )
      }
      onClose={onClose}
      onSaved={onSaved}
    >
      <Form.Item
        name="nameZh"
        label={t('governance.platforms.nameZh')}
        rules={[{ required: true, whitespace: true, message: t('common.required') }]}
      >
        <Input maxLength={20} />
      </Form.Item>
      <Form.Item
        name="nameEn"
        label={t('governance.platforms.nameEn')}
        rules={[{ required: true, whitespace: true, message: t('common.required') }]}
      >
        <Input maxLength={60} />
      </Form.Item>
    </FormModal>
  );
}
