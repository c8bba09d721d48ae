import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createRole,
  deleteRole,
  getSecuritySettings,
  listRoles,
  updateRole,
  updateSecuritySettings,
  ZCreateRoleRequest,
  ZRoleDto,
  ZRoleParams,
  ZSecuritySettingsDto,
  ZUpdateRoleRequest,
  ZUpdateSecuritySettingsRequest,
} from '../../modules/auth/index.ts';
import { ZNoContent } from '../http.schemas.ts';
import { ctxOf } from '../plugins/org-context.ts';
import { AUTH_ERROR_RESPONSES, principalOf } from './auth-support.ts';

const tags = ['users'];
const responses = AUTH_ERROR_RESPONSES;
/** Nobody builds or edits a role beyond their own permissions. */
const reachOf = (request: FastifyRequest) => ({ grantable: principalOf(request).permissions });

/** Roles (built-in and custom) and the org's security settings (MFA requirement, collector scope, passwords). */
export const roleRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/roles',
    {
      schema: {
        tags,
        summary: 'Built-in and custom roles with their permissions',
        response: { 200: z.array(ZRoleDto), ...responses },
      },
      // Either users.manage (to assign roles) or roles.manage (to edit them) opens it.
      config: { permission: ['users.manage', 'roles.manage'] },
    },
    (request) => listRoles(ctxOf(request)),
  );

  app.post(
    '/api/roles',
    {
      schema: {
        tags,
        summary: 'Create a custom role from named permissions',
        body: ZCreateRoleRequest,
        response: { 201: ZRoleDto, ...responses },
      },
      config: { permission: 'roles.manage' },
    },
    async (request, reply) =>
      reply.code(201).send(await createRole(ctxOf(request), request.body, reachOf(request))),
  );

  app.patch(
    '/api/roles/:key',
    {
      schema: {
        tags,
        summary: 'Rename a custom role or change its permissions',
        params: ZRoleParams,
        body: ZUpdateRoleRequest,
        response: { 200: ZRoleDto, ...responses },
      },
      config: { permission: 'roles.manage' },
    },
    (request) => updateRole(ctxOf(request), request.params.key, request.body, reachOf(request)),
  );

  app.delete(
    '/api/roles/:key',
    {
      schema: {
        tags,
        summary: 'Delete a custom role no user holds',
        params: ZRoleParams,
        response: { 204: ZNoContent, ...responses },
      },
      config: { permission: 'roles.manage' },
    },
    async (request, reply) => {
      await deleteRole(ctxOf(request), request.params.key, reachOf(request));
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/settings/security',
    {
      schema: {
        tags: ['settings'],
        summary: 'Security settings of the organisation',
        response: { 200: ZSecuritySettingsDto, ...responses },
      },
      config: { permission: 'settings.manage' },
    },
    (request) => getSecuritySettings(ctxOf(request)),
  );

  app.put(
    '/api/settings/security',
    {
      schema: {
        tags: ['settings'],
        summary: 'Change security settings (fields left out keep their value)',
        body: ZUpdateSecuritySettingsRequest,
        response: { 200: ZSecuritySettingsDto, ...responses },
      },
      config: { permission: 'settings.manage' },
    },
    (request) => updateSecuritySettings(ctxOf(request), request.body),
  );
};
