// The petitions feature's navigation items and pages (see app/feature.ts), and its public
// page of published answers (no login).
import type { FeatureModule } from '../app/feature';
import { PetitionBoardPage, PublicPetitionsPage, SessionPage, SessionsPage } from './BoardPage';
import { PetitionPage } from './PetitionPage';
import { PetitionFilePage, PetitionsPage } from './PetitionsPage';

export const petitionsModule: FeatureModule = {
  nav: [
    { path: '/petitions', label: 'nav.petitions', permission: 'petitions.read', except: ['/petitions/board', '/petitions/sessions'] },
    { path: '/petitions/board', label: 'nav.petitionsBoard', permission: 'petitions.read', sub: true },
    { path: '/petitions/sessions', label: 'nav.petitionsSessions', permission: 'petitions.read', sub: true },
  ],
  route: ({ path, id, needs }) => {
    let n: number | null;
    if (path === '/petitions') return needs('petitions.read', () => <PetitionsPage />);
    if (path === '/petitions/new') return needs('petitions.file', () => <PetitionFilePage />);
    if (path === '/petitions/board') return needs('petitions.read', () => <PetitionBoardPage />);
    if (path === '/petitions/sessions') return needs('petitions.read', () => <SessionsPage />);
    if ((n = id('/petitions/sessions/:id')) !== null) return needs('petitions.read', () => <SessionPage key={n} id={n!} />);
    if ((n = id('/petitions/:id')) !== null) return needs('petitions.read', () => <PetitionPage key={n} id={n!} />);
    return null;
  },
  publicRoute: (path, query) => (path === '/public/petitions' ? <PublicPetitionsPage query={query} /> : null),
};
