// The petitions API (docs/openapi.yaml, the petitions block).
import { http } from '../api/client';
import type { components } from '../api/schema';

export type Petition = components['schemas']['Petition'];
export type PetitionDetail = components['schemas']['PetitionDetail'];
export type PublicPetition = components['schemas']['PublicPetition'];
export type BoardRow = components['schemas']['PetitionBoardRow'];
export type Board = components['schemas']['PetitionBoard'];
export type Session = components['schemas']['PetitionSession'];
export type SessionDetail = components['schemas']['PetitionSessionDetail'];
export type Template = components['schemas']['AnswerTemplate'];
interface List<T> {
  items: T[];
  total: number;
}

export const CATEGORIES = ['thu_tuc_hanh_chinh', 'dat_dai', 'thue_phi', 'xay_dung', 'dau_tu', 'lao_dong', 'other'] as const;
export const STATES = ['filed', 'routed', 'forwarded', 'answer_drafted', 'directed', 'resolved', 'rated', 'returned'] as const;

export const petitionsApi = {
  list: (query: Record<string, string | number | undefined>) => http.get<List<Petition>>('/petitions', query),
  get: (id: number) => http.get<PetitionDetail>(`/petitions/${id}`),
  file: (body: object) => http.post<Petition>('/petitions', body),
  act: (id: number, action: string, body: object = {}) => http.post<Petition>(`/petitions/${id}/${action}`, body),
  templates: (id: number) => http.get<List<Template>>(`/petitions/${id}/answer-templates`),
  board: (query: { from?: string; to?: string }) => http.get<Board>('/boards/petitions', { by: 'unit', ...query }),
  sessions: () => http.get<List<Session>>('/petition-sessions'),
  session: (id: number) => http.get<SessionDetail>(`/petition-sessions/${id}`),
  createSession: (body: object) => http.post<Session>('/petition-sessions', body),
  published: (query: Record<string, string | number | undefined>) => http.get<List<PublicPetition>>('/public/petitions', query),
};
