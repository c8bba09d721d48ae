import { Card, Checkbox, Col, Flex, Row, Typography } from 'antd';
import { useT } from '../../shared/i18n/i18n.tsx';
import { PERMISSION_AREAS } from './permission-areas.ts';

/**
 * Every permission as a checkbox with its description, grouped by area; an area's own checkbox
 * selects or clears the whole area. `grantable` limits what can be ticked (nobody grants beyond
 * their own permissions).
 */
export function PermissionGrid({
  value = [],
  onChange,
  readOnly = false,
  grantable,
}: {
  value?: string[];
  onChange?: (next: string[]) => void;
  readOnly?: boolean;
  grantable?: ReadonlySet<string>;
}) {
  const t = useT();
  const selected = new Set(value);
  const canTick = (p: string) => !readOnly && (!grantable || grantable.has(p) || selected.has(p));
  const set = (perms: readonly string[], on: boolean) => {
    const next = new Set(selected);
    for (const p of perms) {
      if (!canTick(p)) continue;
      if (on) next.add(p);
      else next.delete(p);
    }
    onChange?.([...next]);
  };
  return (
    <Row gutter={[12, 12]} data-testid="role-permissions">
      {PERMISSION_AREAS.map(({ area, permissions }) => {
        const count = permissions.filter((p) => selected.has(p)).length;
        return (
          <Col key={area} xs={24} md={12}>
            <Card
              size="small"
              style={{ height: '100%' }}
              title={
                <Checkbox
                  checked={count === permissions.length}
                  indeterminate={count > 0 && count < permissions.length}
                  disabled={readOnly || !permissions.some(canTick)}
                  onChange={(e) => set(permissions, e.target.checked)}
                >
                  <Typography.Text strong>{t(`admin.area.${area}`)}</Typography.Text>
                </Checkbox>
              }
              extra={
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {count} / {permissions.length}
                </Typography.Text>
              }
            >
              <Flex vertical gap={8}>
                {permissions.map((p) => (
                  <Checkbox
                    key={p}
                    checked={selected.has(p)}
                    disabled={!canTick(p)}
                    onChange={(e) => set([p], e.target.checked)}
                    data-permission={p}
                  >
                    <Flex vertical>
                      <Typography.Text>{t(`admin.perm.${p}`)}</Typography.Text>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t(`admin.perm.${p}.desc`)}
                      </Typography.Text>
                    </Flex>
                  </Checkbox>
                ))}
              </Flex>
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}
