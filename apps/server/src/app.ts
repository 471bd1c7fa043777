import { appendAnchor } from './platform/audit-verify';
import { approvalRoutes } from './modules/cases/approvals.routes';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { adminRoutes } from './modules/admin/admin.routes';
import { arbitrationModule } from './modules/arbitration/arbitration.routes';
import { auditRoutes } from './modules/admin/audit.routes';
import { jobsRoutes } from './modules/admin/jobs.routes';
import { settingsRoutes } from './modules/admin/settings.routes';
import { usersRoutes } from './modules/admin/users.routes';
import { authRoutes } from './modules/auth/auth.routes';
import { casesModule } from './modules/cases/cases.module';
import { consultationRoutes } from './modules/consultation/consultation.routes';
import { courtRoutes } from './modules/court/court.routes';
import { employersRoutes } from './modules/employers/employers.routes';
import { knowledgeRoutes } from './modules/knowledge/knowledge.routes';
import { leaderRoutes } from './modules/leader/leader.routes';
import { legalAidRoutes } from './modules/legal-aid/legal-aid.routes';
import { alertsRoutes } from './modules/matters/alerts.routes';
import { mattersRoutes } from './modules/matters/matters.routes';
import { notificationsRoutes } from './modules/notifications/notifications.routes';
import { partiesRoutes } from './modules/parties/parties.routes';
import { supervisionRoutes } from './modules/supervision/supervision.routes';
import { transfersRoutes } from './modules/transfers/transfers.routes';
import { clocksModule } from './modules/clocks/clocks.module';
import { documentsModule } from './modules/documents/documents.plugin';
import { healthRoutes } from './modules/health/health.routes';
import { workRoutes } from './modules/work/work.routes';
import { inspectionModule } from './modules/inspection/inspection.module';
import { intakeModule } from './modules/intake/intake.module';
import { mediationModule } from './modules/mediation/mediation.module';
import { portalModule } from './modules/portal/portal.module';
import { wageGroupsRoutes } from './modules/wage-groups/wage-groups.routes';
import { defaultersRoutes } from './modules/defaulters/defaulters.routes';
import { roomsModule } from './modules/rooms/rooms.module';
import { petitionsModule } from './modules/petitions/petitions.module';
import { statisticsRoutes } from './modules/statistics/statistics.routes';
import { preventionRoutes } from './modules/prevention/prevention.routes';
import { trainingModule } from './modules/training';
import { obligationsModule } from './modules/obligations/obligations.module';
import { registerAuth } from './platform/auth';
import type { AppContext, AppDeps } from './platform/context';
import { cipherFromConfig } from './platform/crypto';
import { JobRunner } from './platform/jobs';
import { errorHandler } from './platform/errors';
import { loggerOptions, requestLoggerOptions } from './platform/logger';
import { registerReadRouting } from './platform/read-pool';
import { securityHeaders } from './platform/security-headers';
import { readinessRoutes } from './platform/shutdown';
import { registerWebDist } from './platform/static';
import { validatorCompiler } from './platform/schema-types';
import { RECEIVE_TIMEOUT_MS, requestTimeout } from './platform/timeout';

const AUDIT_ANCHOR_EVERY_MS = 24 * 3600_000;
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, database } = deps;
  const app = Fastify({
    logger: loggerOptions(config.logLevel),
    ...requestLoggerOptions(config.logLevel),
    bodyLimit: 1024 * 1024,
    requestTimeout: RECEIVE_TIMEOUT_MS,
    trustProxy: config.trustProxy,
    ajv: undefined,
  }).withTypeProvider<ZodTypeProvider>();

  const ctx: AppContext = {
    ...deps,
    cipher: cipherFromConfig(config),
    jobs: new JobRunner(database.db, app.log, { stopGraceMs: config.shutdownGraceMs }),
  };
  app.decorate('ctx', ctx);

  app.setValidatorCompiler(validatorCompiler);
  // Responses are built by whitelist presenters; the response schemas document them (OpenAPI)
  // and plain JSON.stringify serialises them, which keeps list endpoints fast.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  app.setErrorHandler(errorHandler);
  const startClock = requestTimeout(app);

  const headers = securityHeaders({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        // A plain-HTTP intranet install (COOKIE_SECURE=false) must not make browsers rewrite its
        // own http:// URLs to https://; behind HTTPS the upgrade (and HSTS) stay on.
        upgradeInsecureRequests: config.cookieSecure ? [] : null,
      },
    },
    strictTransportSecurity: config.cookieSecure,
  });
  // Every request's own steps in one synchronous hook (each hook is a step of Fastify's hook runner):
  // the security headers, computed once, and the handler timeout's clock.
  app.addHook('onRequest', (req, reply, done) => {
    reply.headers(headers);
    startClock(req, reply);
    done();
  });
  // Cookies set by replies are written by @fastify/cookie; the few read are read by name
  // (platform/cookies.ts) instead of parsing every cookie of every request.
  await app.register(cookie, { hook: false });
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: '一站式劳动保障维权平台 API',
        description:
          'onestop — 随州市一站式劳动保障维权中心。所有错误返回 { code, message, details }：code 为稳定的机器代码，message 为中文说明。状态变更请求须携带 x-csrf-token 请求头。',
        version: '0.1.0',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'onestop_sid' } },
      },
    },
    transform: jsonSchemaTransform,
    // Puts the schemas with an id (.meta({ id })) into components.schemas, where their $refs point.
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  registerAuth(app, database.db, config);
  registerReadRouting(app);
  // The audit anchor (heads + count, MAC'd) is exported once a day across instances, to a file the
  // operator keeps apart from the database; `audit verify --anchors` checks the log against it.
  const anchorFile = config.auditAnchorFile;
  if (anchorFile)
    ctx.jobs.every('audit.anchor', AUDIT_ANCHOR_EVERY_MS, () =>
      appendAnchor(database.db, anchorFile).then(() => undefined),
    );
  if (config.jobsEnabled) {
    app.addHook('onReady', async () => ctx.jobs.start());
    app.addHook('onClose', async () => ctx.jobs.stop());
  }

  app.get('/api/openapi.json', { config: { auth: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
  await app.register(healthRoutes, { prefix: '/api' });
  await app.register(readinessRoutes, { prefix: '/api' });
  await app.register(authRoutes, { prefix: '/api/auth' });
  await app.register(usersRoutes, { prefix: '/api/admin' });
  await app.register(adminRoutes, { prefix: '/api/admin' });
  await app.register(auditRoutes, { prefix: '/api/admin/audit' });
  await app.register(jobsRoutes, { prefix: '/api/admin/jobs' });
  await app.register(settingsRoutes, { prefix: '/api/admin/settings' });
  await app.register(workRoutes, { prefix: '/api/work' });
  await app.register(clocksModule, { prefix: '/api' });
  await app.register(notificationsRoutes, { prefix: '/api/notifications' });
  await app.register(documentsModule, { prefix: '/api' });
  await app.register(partiesRoutes, { prefix: '/api/parties' });
  await app.register(intakeModule, { prefix: '/api' });
  await app.register(mattersRoutes, { prefix: '/api' });
  await app.register(alertsRoutes, { prefix: '/api' });
  await app.register(leaderRoutes, { prefix: '/api' });
  await app.register(casesModule, { prefix: '/api' });
  await app.register(transfersRoutes, { prefix: '/api' });
  await app.register(arbitrationModule, { prefix: '/api' });
  await app.register(mediationModule, { prefix: '/api' });
  await app.register(inspectionModule, { prefix: '/api' });
  await app.register(supervisionRoutes, { prefix: '/api' });
  await app.register(employersRoutes, { prefix: '/api' });
  await app.register(preventionRoutes, { prefix: '/api' });
  await app.register(portalModule, { prefix: '/api/portal' });
  await app.register(knowledgeRoutes, { prefix: '/api' });
  await app.register(consultationRoutes, { prefix: '/api' });
  await app.register(petitionsModule, { prefix: '/api' });
  await app.register(statisticsRoutes, { prefix: '/api' });
  await app.register(approvalRoutes, { prefix: '/api' });
  await app.register(legalAidRoutes, { prefix: '/api' });
  await app.register(courtRoutes, { prefix: '/api' });
  await app.register(wageGroupsRoutes, { prefix: '/api' });
  await app.register(defaultersRoutes, { prefix: '/api' });
  await app.register(obligationsModule, { prefix: '/api' });
  await app.register(roomsModule, { prefix: '/api' });
  await app.register(trainingModule, { prefix: '/api' });

  // In production the same process serves the built web apps (compressed, cached by hash).
  await registerWebDist(app, config.webDist);
  return app;
}
