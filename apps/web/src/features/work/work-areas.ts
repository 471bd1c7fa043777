import type { Permission, RoleCode } from '@onestop/domain';

/** The track work areas: URL segment, heading, the permission that opens it and the posts that work in it. */
export const WORK_AREAS = [
  { track: 'mediation', title: '调解工作区', permission: 'mediation.work', roles: ['mediator'] },
  { track: 'arbitration', title: '仲裁工作区', permission: 'arbitration.work', roles: ['arbitrator'] },
  { track: 'inspection', title: '监察工作区', permission: 'inspection.work', roles: ['inspector'] },
  { track: 'petition', title: '信访工作区', permission: 'petition.work', roles: ['petition_officer'] },
  { track: 'legal-aid', title: '法律援助', permission: 'legal_aid.work', roles: ['legal_aid_liaison'] },
  { track: 'court', title: '诉调对接', permission: 'court.work', roles: ['court_liaison'] },
] as const satisfies readonly {
  track: string;
  title: string;
  permission: Permission;
  roles: readonly RoleCode[];
}[];

export type WorkArea = (typeof WORK_AREAS)[number];
export type WorkTrack = WorkArea['track'];

export function findWorkArea(track: string | undefined): WorkArea | undefined {
  return WORK_AREAS.find((a) => a.track === track);
}
