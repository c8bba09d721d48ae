import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  getOrgSettings,
  updateOrgSettings,
  ZOrgSettingsDto,
  ZUpdateOrgSettingsRequest,
} from '../../modules/orgs/index.ts';
import { ctxOf } from '../plugins/org-context.ts';
import { AUTH_ERROR_RESPONSES } from './auth-support.ts';

const tags = ['settings'];
const config = { permission: 'settings.manage' } as const;

/** The organisation's own settings: name, base currency, time zone, default language. */
export const orgSettingsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/settings/org',
    {
      schema: {
        tags,
        summary: 'Name, base currency, time zone and default language of the organisation',
        response: { 200: ZOrgSettingsDto, ...AUTH_ERROR_RESPONSES },
      },
      config,
    },
    (request) => getOrgSettings(ctxOf(request)),
  );

  app.patch(
    '/api/settings/org',
    {
      schema: {
        tags,
        summary:
          'Change organisation settings (fields left out keep their value; base currency only before any document)',
        body: ZUpdateOrgSettingsRequest,
        response: { 200: ZOrgSettingsDto, ...AUTH_ERROR_RESPONSES },
      },
      config,
    },
    (request) => updateOrgSettings(ctxOf(request), request.body),
  );
};
