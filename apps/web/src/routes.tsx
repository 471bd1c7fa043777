import type { ComponentType } from 'react';
import { createBrowserRouter } from 'react-router';
import { PageLoading } from './components/PageLoading';
import { RouteError } from './components/RouteError';
import { RequireSession } from './features/auth/components/RequireSession';
import { AppLayout } from './layouts/AppLayout';

/** Every page is its own chunk, fetched when its route is first visited. */
function page(load: () => Promise<{ default: ComponentType }>) {
  return async () => ({ Component: (await load()).default });
}

export function createRouter() {
  return createBrowserRouter([
    {
      id: 'root',
      HydrateFallback: PageLoading,
      ErrorBoundary: RouteError,
      children: [
        { path: '/login', lazy: page(() => import('./pages/LoginPage')) },
        // Public: opened from the QR code on issued documents, no sign-in.
        { path: '/verify/:code?', lazy: page(() => import('./pages/VerifyPage')) },
        {
          Component: RequireSession,
          children: [
            { path: '/change-password', lazy: page(() => import('./pages/ChangePasswordPage')) },
            {
              // Access to each page is checked by the layout against layouts/menu.ts.
              Component: AppLayout,
              ErrorBoundary: RouteError,
              children: [
                { index: true, lazy: page(() => import('./pages/HomePage')) },
                { path: 'intake', lazy: page(() => import('./pages/IntakePage')) },
                { path: 'matters', lazy: page(() => import('./pages/MattersPage')) },
                { path: 'matters/:id', lazy: page(() => import('./pages/MatterPage')) },
                { path: 'inspection', lazy: page(() => import('./pages/InspectionPage')) },
                { path: 'inspection/cases/:id', lazy: page(() => import('./pages/InspectionCasePage')) },
                { path: 'supervision', lazy: page(() => import('./pages/SupervisionPage')) },
                { path: 'employers', lazy: page(() => import('./pages/EmployersPage')) },
                { path: 'work/:track', lazy: page(() => import('./pages/WorkAreaPage')) },
                { path: 'arbitration', lazy: page(() => import('./pages/ArbitrationWorkPage')) },
                {
                  path: 'arbitration/cases/:caseId',
                  lazy: page(() => import('./pages/ArbitrationCasePage')),
                },
                { path: 'cases/:id', lazy: page(() => import('./pages/CasePage')) },
                { path: 'rooms/:id', lazy: page(() => import('./pages/RoomPage')) },
                { path: 'transfers', lazy: page(() => import('./pages/TransfersPage')) },
                { path: 'consultation', lazy: page(() => import('./pages/ConsultationPage')) },
                { path: 'knowledge', lazy: page(() => import('./pages/KnowledgePage')) },
                { path: 'petitions', lazy: page(() => import('./pages/PetitionsPage')) },
                { path: 'legal-aid', lazy: page(() => import('./pages/LegalAidPage')) },
                { path: 'court-docking', lazy: page(() => import('./pages/CourtDockingPage')) },
                { path: 'prevention', lazy: page(() => import('./pages/PreventionPage')) },
                {
                  path: 'prevention/organizations/:id',
                  lazy: page(() => import('./pages/PreventionOrganizationPage')),
                },
                { path: 'org-cases', lazy: page(() => import('./pages/OrgLedgerPage')) },
                { path: 'training', lazy: page(() => import('./pages/TrainingPage')) },
                { path: 'prevention/training', lazy: page(() => import('./pages/TrainingPage')) },
                { path: 'gold-medal', lazy: page(() => import('./pages/GoldMedalPage')) },
                { path: 'prevention/gold-medal', lazy: page(() => import('./pages/GoldMedalPage')) },
                { path: 'prevention/visits', lazy: page(() => import('./pages/PreventionVisitsPage')) },
                {
                  path: 'prevention/visits/:id',
                  lazy: page(() => import('./pages/PreventionVisitPage')),
                },
                { path: 'leader', lazy: page(() => import('./pages/LeaderPage')) },
                { path: 'leader/clocks', lazy: page(() => import('./pages/leader/LeaderClocksPage')) },
                { path: 'statistics', lazy: page(() => import('./pages/StatisticsPage')) },
                { path: 'tools/deadline', lazy: page(() => import('./pages/DeadlinePage')) },
                { path: 'tools/calculator', lazy: page(() => import('./pages/CalculatorPage')) },
                {
                  path: 'documents/:subjectType/:subjectId',
                  lazy: page(() => import('./pages/DocumentsPage')),
                },
                { path: 'admin/users', lazy: page(() => import('./pages/admin/UsersPage')) },
                { path: 'admin/roles', lazy: page(() => import('./pages/admin/RolesPage')) },
                { path: 'admin/organizations', lazy: page(() => import('./pages/admin/OrganizationsPage')) },
                { path: 'admin/jurisdictions', lazy: page(() => import('./pages/admin/JurisdictionsPage')) },
                { path: 'admin/audit', lazy: page(() => import('./pages/admin/AuditPage')) },
                { path: 'admin/calendar', lazy: page(() => import('./pages/admin/CalendarPage')) },
                { path: 'admin/jobs', lazy: page(() => import('./pages/admin/JobsPage')) },
                { path: 'admin/settings', lazy: page(() => import('./pages/admin/SettingsPage')) },
                { path: '*', lazy: page(() => import('./pages/NotFoundPage')) },
              ],
            },
          ],
        },
      ],
    },
  ]);
}
