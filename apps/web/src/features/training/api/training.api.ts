import { api } from '../../../lib/api';
import type { Schema } from '../../../lib/api-types';
import type { ApiBody, ApiResponse } from '../../../lib/api-shapes';

export type Course = Schema<'TrainingCourseList'>['items'][number];
export type CourseDetail = Schema<'TrainingCourseDetail'>;
export type HoursReport = Schema<'TrainingHoursReport'>;
export type HoursRow = HoursReport['items'][number];
export type Certificate = Schema<'TrainingCertificate'>;
export type Person = Schema<'TrainingPeople'>['items'][number];
export type PersonRecord = Schema<'TrainingPersonRecord'>;
export type Requirement = Schema<'TrainingRequirementList'>['items'][number];
export type GoldRoundSummary = Schema<'GoldRoundList'>['items'][number];
export type GoldRound = Schema<'GoldRound'>;
export type Nomination = GoldRound['nominations'][number];
export type Audience = Course['audiences'][number];

export type CourseInput = ApiBody<'/api/training/courses'>;

export type NominationInput = ApiBody<'/api/gold-medal/rounds/{id}/nominations'>;

export const trainingApi = {
  requirements: (signal?: AbortSignal) =>
    api.get<{ items: Requirement[] }>('/api/training/requirements', undefined, signal),
  courses: (year: number, signal?: AbortSignal) =>
    api.get<{ items: Course[] }>('/api/training/courses', { year }, signal),
  course: (id: string, signal?: AbortSignal) =>
    api.get<CourseDetail>(`/api/training/courses/${id}`, undefined, signal),
  createCourse: (body: CourseInput) =>
    api.post<ApiResponse<'/api/training/courses', 'post'>>('/api/training/courses', body),
  attend: (id: string, people: { kind: 'user' | 'member'; id: string }[]) =>
    api.post<CourseDetail>(`/api/training/courses/${id}/attendance`, { people }),
  score: (attendanceId: string, body: { version: number; score: number }) =>
    api.post<null>(`/api/training/attendance/${attendanceId}/score`, body),
  people: (signal?: AbortSignal) => api.get<{ items: Person[] }>('/api/training/people', undefined, signal),
  person: (kind: 'user' | 'member', id: string, year: number, signal?: AbortSignal) =>
    api.get<PersonRecord>(`/api/training/people/${kind}/${id}`, { year }, signal),
  hours: (year: number, signal?: AbortSignal) =>
    api.get<HoursReport>('/api/training/hours', { year }, signal),
  certificates: (signal?: AbortSignal) =>
    api.get<{ items: Certificate[] }>('/api/training/certificates', undefined, signal),
  renew: (id: string, body: { currentValidTo: string; validTo: string }) =>
    api.post<Certificate>(`/api/training/certificates/${id}/renew`, body),
  rounds: (signal?: AbortSignal) =>
    api.get<{ items: GoldRoundSummary[] }>('/api/gold-medal/rounds', undefined, signal),
  round: (id: string, signal?: AbortSignal) =>
    api.get<GoldRound>(`/api/gold-medal/rounds/${id}`, undefined, signal),
  openRound: (body: { year: number; title: string }) => api.post<GoldRound>('/api/gold-medal/rounds', body),
  nominate: (id: string, body: NominationInput) =>
    api.post<GoldRound>(`/api/gold-medal/rounds/${id}/nominations`, body),
  step: (id: string, step: 'marking' | 'score' | 'publish', version: number) =>
    api.post<GoldRound>(`/api/gold-medal/rounds/${id}/${step}`, { version }),
  mark: (nominationId: string, body: { mark: number; comment?: string }) =>
    api.put<null>(`/api/gold-medal/nominations/${nominationId}/mark`, body),
  approve: (id: string, body: { version: number; awardedIds: string[]; note?: string }) =>
    api.post<GoldRound>(`/api/gold-medal/rounds/${id}/approve`, body),
  organizations: (signal?: AbortSignal) =>
    api.get<Schema<'GoldOrganizations'>>('/api/gold-medal/organizations', undefined, signal),
};
