// The targets feature's navigation items and pages (see app/feature.ts): the leaders'
// scoreboard, the list behind each of its counts, indicators, typing a target, values and
// their approval, explanations asked and answered, the period review.
import type { FeatureModule } from '../app/feature';
import { ScoreboardPage } from './ScoreboardPage';
import { TargetListPage } from './TargetListPage';
import './targets.css';

export const targetsModule: FeatureModule = {
  nav: [{ path: '/targets', label: 'nav.targets', permission: 'targets.read' }],
  route: (ctx) => {
    const p = ctx.path;
    if (p === '/targets') return ctx.needs('targets.read', () => <ScoreboardPage />);
    if (p === '/targets/list') return ctx.needs('targets.read', () => <TargetListPage />);
    return null;
  },
};
