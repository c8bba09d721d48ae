import { describe, expect, it } from 'vitest';
import { intersectScopes, isMfaEnrolmentDue, permissionsOf, salespersonScopeOf } from './principal-rules.ts';

describe('principal rules', () => {
  it('unions built-in and custom role permissions, ignoring unknown names', () => {
    const p = permissionsOf(['collector', 'viewer'], new Map([['viewer', ['audit.read', 'no.such']]]));
    expect(p.has('collections.write')).toBe(true);
    expect(p.has('audit.read')).toBe(true);
    expect(p.size).toBe(7);
  });

  it('intersects token scopes with the user permissions', () => {
    const p = permissionsOf(['collector'], new Map());
    expect([...intersectScopes(p, ['customers.read', 'customers.write', 'bogus'])]).toEqual([
      'customers.read',
    ]);
  });

  it('confines a collector-only user when the org says so', () => {
    const base = { isCollectorsOwnOnly: true, salesperson: 'Li Lei', email: 'li@x.cn' };
    const collector = { ...base, roles: ['collector'], permissions: permissionsOf(['collector'], new Map()) };
    expect(salespersonScopeOf(collector)).toBe('Li Lei');
    expect(salespersonScopeOf({ ...collector, salesperson: null })).toBe('li@x.cn');
    expect(salespersonScopeOf({ ...collector, isCollectorsOwnOnly: false })).toBeNull();
    const clerk = ['collector', 'ar_clerk'];
    expect(
      salespersonScopeOf({ ...base, roles: clerk, permissions: permissionsOf(clerk, new Map()) }),
    ).toBeNull();
    const auditor = ['collector', 'auditor'];
    expect(
      salespersonScopeOf({ ...base, roles: auditor, permissions: permissionsOf(auditor, new Map()) }),
    ).toBeNull();
    const ar = ['ar_clerk'];
    expect(salespersonScopeOf({ ...base, roles: ar, permissions: permissionsOf(ar, new Map()) })).toBeNull();
  });

  it('asks for MFA enrolment when a role requires it', () => {
    expect(isMfaEnrolmentDue(['ar_clerk'], ['admin', 'ar_clerk'], false)).toBe(true);
    expect(isMfaEnrolmentDue(['ar_clerk'], ['admin', 'ar_clerk'], true)).toBe(false);
    expect(isMfaEnrolmentDue(['collector'], ['admin'], false)).toBe(false);
  });
});
