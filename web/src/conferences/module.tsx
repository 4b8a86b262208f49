// The conferences feature's navigation items and pages (see app/feature.ts).
import type { FeatureModule } from '../app/feature';
import { ConferencePage } from './ConferencePage';
import { ConferencesPage } from './ConferencesPage';
import { NewConferencePage } from './NewConferencePage';

export const conferencesModule: FeatureModule = {
  nav: [{ path: '/conferences', label: 'conf.nav', permission: 'conferences.read' }],
  route: (ctx) => {
    if (ctx.path === '/conferences') return ctx.needs('conferences.read', () => <ConferencesPage />);
    if (ctx.path === '/conferences/new') return ctx.needs('conferences.manage', () => <NewConferencePage />);
    const id = ctx.id('/conferences/:id');
    if (id !== null) return ctx.needs('conferences.read', () => <ConferencePage id={id} />);
    return null;
  },
};
