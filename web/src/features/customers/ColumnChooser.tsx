import { SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, Dropdown, Flex } from 'antd';
import { useCallback, useState } from 'react';
import { useT } from '../../shared/i18n/i18n.tsx';

export type ChoosableColumn = { key: string; title: string; required?: boolean };

/** The columns a user chose to see, remembered in this browser under `storageKey`. */
export function useChosenColumns(storageKey: string, defaults: readonly string[]) {
  const [chosen, setChosen] = useState<string[]>(() => {
    try {
      const saved: unknown = JSON.parse(localStorage.getItem(storageKey) ?? 'null');
      if (Array.isArray(saved) && saved.every((k) => typeof k === 'string')) return saved;
    } catch {
      // a damaged entry falls back to the defaults
    }
    return [...defaults];
  });
  const update = useCallback(
    (next: string[]) => {
      setChosen(next);
      localStorage.setItem(storageKey, JSON.stringify(next));
    },
    [storageKey],
  );
  return [chosen, update] as const;
}

/** A checkbox dropdown listing the table's columns; required ones cannot be hidden. */
export function ColumnChooser({
  columns,
  chosen,
  onChange,
}: {
  columns: readonly ChoosableColumn[];
  chosen: readonly string[];
  onChange: (next: string[]) => void;
}) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const toggle = (key: string, on: boolean) =>
    onChange(on ? [...chosen.filter((k) => k !== key), key] : chosen.filter((k) => k !== key));
  return (
    <Dropdown
      open={open}
      onOpenChange={(next, info) => {
        if (info.source === 'trigger' || !next) setOpen(next);
      }}
      trigger={['click']}
      popupRender={() => (
        <Flex
          vertical
          gap={6}
          data-testid="customers-columns-menu"
          style={{
            background: 'var(--ant-color-bg-elevated, #fff)',
            padding: 12,
            borderRadius: 8,
            boxShadow: '0 6px 16px rgba(0,0,0,0.12)',
            minWidth: 180,
          }}
        >
          {columns.map((c) => (
            <Checkbox
              key={c.key}
              checked={c.required || chosen.includes(c.key)}
              disabled={c.required}
              onChange={(e) => toggle(c.key, e.target.checked)}
            >
              {c.title}
            </Checkbox>
          ))}
        </Flex>
      )}
    >
      <Button icon={<SettingOutlined />} data-testid="customers-columns">
        {t('common.columns')}
      </Button>
    </Dropdown>
  );
}
