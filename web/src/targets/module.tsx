// The targets feature's navigation items and pages (see app/feature.ts): the leaders'
// scoreboard, the list behind each of its counts, indicators, typing a target, values and
// their approval, explanations asked and answered, the period review.
import type { FeatureModule } from '../app/feature';
import { AskExplanationPage } from './AskExplanationPage';
import { ExplanationPage, ExplanationsPage } from './explanations';
import { IndicatorEditPage, IndicatorNewPage } from './IndicatorFormPage';
import { IndicatorPage } from './IndicatorPage';
import { IndicatorsPage } from './IndicatorsPage';
import { ReviewPage } from './ReviewPage';
import { ScoreboardPage } from './ScoreboardPage';
import { TargetCreatePage } from './TargetFormPage';
import { TargetListPage } from './TargetListPage';
import { TargetPage } from './TargetPage';
import { ValueFormPage, ValuesPage } from './values';
import { ValueImportPage } from './ValueImportPage';
import './targets.css';

const READ = 'targets.read';

export const targetsModule: FeatureModule = {
  nav: [
    { path: '/targets', label: 'nav.targets', permission: READ, except: ['/targets/explanations', '/targets/values', '/targets/review', '/targets/indicators'] },
    { path: '/targets/explanations', label: 'nav.targetExplanations', permission: READ, sub: true },
    { path: '/targets/values', label: 'nav.targetValues', permission: READ, sub: true },
    { path: '/targets/review', label: 'nav.targetReview', permission: READ, sub: true },
    { path: '/targets/indicators', label: 'nav.targetIndicators', permission: READ, sub: true },
  ],
  route: (ctx) => {
    const p = ctx.path;
    if (!p.startsWith('/targets')) return null;
    let n: number | null;
    if (p === '/targets') return ctx.needs(READ, () => <ScoreboardPage />);
    if (p === '/targets/list') return ctx.needs(READ, () => <TargetListPage />);
    if (p === '/targets/new') return ctx.needs('targets.manage', () => <TargetCreatePage />);
    if (p === '/targets/review') return ctx.needs(READ, () => <ReviewPage />);
    if (p === '/targets/indicators') return ctx.needs(READ, () => <IndicatorsPage />);
    if (p === '/targets/indicators/new') return ctx.needs('targets.manage', () => <IndicatorNewPage />);
    if ((n = ctx.id('/targets/indicators/:id/edit')) !== null) return ctx.needs('targets.manage', () => <IndicatorEditPage key={n} id={n!} />);
    if ((n = ctx.id('/targets/indicators/:id')) !== null) return ctx.needs(READ, () => <IndicatorPage key={n} id={n!} />);
    if (p === '/targets/values') return ctx.needs(READ, () => <ValuesPage />);
    if (p === '/targets/values/new') return ctx.needs('targets.report', () => <ValueFormPage />);
    if (p === '/targets/values/import') return ctx.needs('targets.report', () => <ValueImportPage />);
    if (p === '/targets/explanations') return ctx.needs(READ, () => <ExplanationsPage />);
    if (p === '/targets/explanations/new') return ctx.needs('explanations.ask', () => <AskExplanationPage />);
    if ((n = ctx.id('/targets/explanations/:id')) !== null) return ctx.needs(READ, () => <ExplanationPage key={n} id={n!} />);
    if ((n = ctx.id('/targets/:id')) !== null) return ctx.needs(READ, () => <TargetPage key={n} id={n!} />);
    return null;
  },
};
