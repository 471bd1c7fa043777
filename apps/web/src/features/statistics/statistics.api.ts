import { useQuery } from '@tanstack/react-query';
import { api, buildUrl, type QueryValue } from '../../lib/api';
import type { ApiQuery, ApiResponse, ItemOf } from '../../lib/api-shapes';
import { businessToday } from '../../lib/time';

/** The period (and jurisdiction) a statistics table is computed for: the routes' query, generated. */
export type PeriodQuery = ApiQuery<'/api/statistics/tables/{code}'>;
export type PeriodKind = PeriodQuery['kind'];

export type StatCell = ItemOf<StatTable['rows'][number]['cells']>;

export type StatTable = ApiResponse<'/api/statistics/tables/{code}'>;

export type DrillDown = ApiResponse<'/api/statistics/tables/{code}/cells/{row}'>;

/** The leaders' analysis, as the server's OpenAPI declares it (lib/api-types.ts, generated). */
export type Analysis = ApiResponse<'/api/statistics/analysis'>;

export const STAT_TABLE_TABS = [
  { code: 'arbitration', label: '劳动人事争议处理情况' },
  { code: 'mediation', label: '调解组织处理情况' },
  { code: 'inspection', label: '劳动保障监察' },
  { code: 'petition-legal-aid', label: '信访与法律援助' },
] as const;

const q = (p: PeriodQuery) => p as unknown as Record<string, QueryValue>;

export function useStatTable(code: string, p: PeriodQuery) {
  return useQuery({
    queryKey: ['statistics', 'table', code, p],
    queryFn: ({ signal }) => api.get<StatTable>(`/api/statistics/tables/${code}`, q(p), signal),
  });
}

export function useDrillDown(code: string, row: string | null, column: string | null, p: PeriodQuery) {
  return useQuery({
    queryKey: ['statistics', 'cell', code, row, column, p],
    enabled: row !== null && column !== null,
    queryFn: ({ signal }) =>
      api.get<DrillDown>(`/api/statistics/tables/${code}/cells/${row}`, { ...q(p), column }, signal),
  });
}

export function useAnalysis(p: PeriodQuery) {
  return useQuery({
    queryKey: ['statistics', 'analysis', p],
    queryFn: ({ signal }) => api.get<Analysis>('/api/statistics/analysis', q(p), signal),
  });
}

export const excelUrl = (code: string, p: PeriodQuery) =>
  buildUrl(`/api/statistics/tables/${code}/xlsx`, q(p));
export const pdfUrl = (code: string, p: PeriodQuery) => buildUrl(`/api/statistics/tables/${code}/pdf`, q(p));
export const csvUrl = (code: string, row: string, column: string, p: PeriodQuery) =>
  buildUrl(`/api/statistics/tables/${code}/cells/${row}/csv`, { ...q(p), column });

/** The quarter before today's business date (the usual quarterly report), whatever the browser's zone. */
export function lastQuarter(today: string = businessToday()): { year: number; quarter: number } {
  const y = Number(today.slice(0, 4));
  const qn = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  return qn === 1 ? { year: y - 1, quarter: 4 } : { year: y, quarter: qn - 1 };
}
