// The inspection plans' API (docs/openapi.yaml, the inspections block): the list, one plan's
// page, and the writes its forms make (a plan made, a visit added, findings recorded, a recommendation
// made a task).
import { http } from '../api/client';
import type { components } from '../api/schema';

export type PlanSummary = components['schemas']['InspectionPlanSummary'];
export type PlanDetail = components['schemas']['InspectionPlanDetail'];
export type Visit = components['schemas']['InspectionVisit'];
export type PlanInput = components['schemas']['InspectionPlanInput'];
export type Plan = components['schemas']['InspectionPlan'];
export type PlanStatus = PlanSummary['status'];
export const PLAN_STATUSES: PlanStatus[] = ['planned', 'in_progress', 'done'];

export interface PlanFilters {
  year: string;
  status: string;
  q: string;
  investor_id: string;
}

export const inspectionsApi = {
  list: (f: PlanFilters, page: { limit: number; offset: number }) =>
    http.get<{ items: PlanSummary[]; total: number }>('/inspection-plans', { ...f, ...page }),
  get: (id: number) => http.get<PlanDetail>(`/inspection-plans/${id}`),
  create: (body: PlanInput) => http.post<Plan>('/inspection-plans', body),
  addVisit: (body: { plan_id: number; investor_id: number; project_id: number | null; planned_on: string }) =>
    http.post<Visit>('/inspections', body),
  recordVisit: (id: number, body: { visited_on: string; findings: string }) => http.post<Visit>(`/inspections/${id}/visit`, body),
  recommend: (id: number, body: { title: string; deadline: string }) =>
    http.post<{ task_id: number }>(`/inspections/${id}/recommendations`, body),
  projectsOf: (investorId: number) =>
    http.get<{ items: { id: number; code: string; name: string }[]; total: number }>('/projects', { investor_id: investorId, limit: 500 }),
};
