import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type CourseInput, type NominationInput, trainingApi } from '../api/training.api';

export function useCourses(year: number) {
  return useQuery({
    queryKey: ['training', 'courses', year],
    queryFn: ({ signal }) => trainingApi.courses(year, signal),
  });
}

export function useCourse(id: string | null) {
  return useQuery({
    queryKey: ['training', 'course', id],
    queryFn: ({ signal }) => trainingApi.course(id!, signal),
    enabled: !!id,
  });
}

export function usePeople(enabled = true) {
  return useQuery({
    queryKey: ['training', 'people'],
    queryFn: ({ signal }) => trainingApi.people(signal),
    enabled,
  });
}

export function usePerson(ref: { kind: 'user' | 'member'; id: string } | null, year: number) {
  return useQuery({
    queryKey: ['training', 'person', ref?.kind, ref?.id, year],
    queryFn: ({ signal }) => trainingApi.person(ref!.kind, ref!.id, year, signal),
    enabled: !!ref,
  });
}

export function useHours(year: number) {
  return useQuery({
    queryKey: ['training', 'hours', year],
    queryFn: ({ signal }) => trainingApi.hours(year, signal),
  });
}

export function useCertificates(enabled: boolean) {
  return useQuery({
    queryKey: ['training', 'certificates'],
    queryFn: ({ signal }) => trainingApi.certificates(signal),
    enabled,
  });
}

export function useRequirements() {
  return useQuery({
    queryKey: ['training', 'requirements'],
    queryFn: ({ signal }) => trainingApi.requirements(signal),
  });
}

function useTrainingMutation<V, R>(fn: (v: V) => Promise<R>, inline = false) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    meta: inline ? { inlineErrors: true } : undefined,
    onSuccess: () => void client.invalidateQueries({ queryKey: ['training'] }),
  });
}

export const useCreateCourse = () =>
  useTrainingMutation((body: CourseInput) => trainingApi.createCourse(body));
export const useAttend = () =>
  useTrainingMutation((v: { id: string; people: { kind: 'user' | 'member'; id: string }[] }) =>
    trainingApi.attend(v.id, v.people),
  );
export const useScore = () =>
  useTrainingMutation((v: { id: string; version: number; score: number }) =>
    trainingApi.score(v.id, { version: v.version, score: v.score }),
  );
export const useRenew = () =>
  useTrainingMutation(
    (v: { id: string; currentValidTo: string; validTo: string }) =>
      trainingApi.renew(v.id, { currentValidTo: v.currentValidTo, validTo: v.validTo }),
    true,
  );

// --- 金牌 ---------------------------------------------------------------------------------------

export function useRounds() {
  return useQuery({ queryKey: ['gold', 'rounds'], queryFn: ({ signal }) => trainingApi.rounds(signal) });
}

export function useRound(id: string | null) {
  return useQuery({
    queryKey: ['gold', 'round', id],
    queryFn: ({ signal }) => trainingApi.round(id!, signal),
    enabled: !!id,
  });
}

export function useOrganizationChoices(enabled: boolean) {
  return useQuery({
    queryKey: ['gold', 'organizations'],
    queryFn: ({ signal }) => trainingApi.organizations(signal),
    enabled,
  });
}

function useGoldMutation<V, R>(fn: (v: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => void client.invalidateQueries({ queryKey: ['gold'] }),
  });
}

export const useOpenRound = () =>
  useGoldMutation((body: { year: number; title: string }) => trainingApi.openRound(body));
export const useNominate = () =>
  useGoldMutation((v: { id: string; body: NominationInput }) => trainingApi.nominate(v.id, v.body));
export const useStep = () =>
  useGoldMutation((v: { id: string; step: 'marking' | 'score' | 'publish'; version: number }) =>
    trainingApi.step(v.id, v.step, v.version),
  );
export const useMark = () =>
  useGoldMutation((v: { id: string; mark: number; comment?: string }) =>
    trainingApi.mark(v.id, { mark: v.mark, ...(v.comment ? { comment: v.comment } : {}) }),
  );
export const useApprove = () =>
  useGoldMutation((v: { id: string; version: number; awardedIds: string[]; note?: string }) =>
    trainingApi.approve(v.id, {
      version: v.version,
      awardedIds: v.awardedIds,
      ...(v.note ? { note: v.note } : {}),
    }),
  );
