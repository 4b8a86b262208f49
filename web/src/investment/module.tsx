// The investment feature's navigation items and pages (see app/feature.ts).
import type { FeatureModule } from '../app/feature';
import { BoardPage } from './BoardPage';
import { InvestorPage } from './DrillPages';
import { ProjectPage } from './ProjectPage';
import { ForecastPage } from './ForecastPage';
import { InspectionsPage } from './InspectionsPage';
import { InspectionPlanPage } from './InspectionPlanPage';
import { InspectionPlanFormPage } from './InspectionPlanFormPage';

export const investmentModule: FeatureModule = {
  nav: [
    { path: '/investment', label: 'invest.nav', permission: 'investment.read', except: ['/investment/forecast', '/investment/inspections'] },
    { path: '/investment/forecast', label: 'invest.navForecast', permission: 'investment.read', sub: true },
    { path: '/investment/inspections', label: 'invest.navInspections', permission: 'investment.read', sub: true },
  ],
  route: (ctx) => {
    const read = 'investment.read';
    if (ctx.path === '/investment') return ctx.needs(read, () => <BoardPage />);
    if (ctx.path === '/investment/forecast') return ctx.needs(read, () => <ForecastPage />);
    if (ctx.path === '/investment/inspections') return ctx.needs(read, () => <InspectionsPage />);
    if (ctx.path === '/investment/inspections/new') return ctx.needs('investment.manage', () => <InspectionPlanFormPage />);
    const plan = ctx.id('/investment/inspections/:id');
    if (plan !== null) return ctx.needs(read, () => <InspectionPlanPage id={plan} />);
    const investor = ctx.id('/investment/investors/:id');
    if (investor !== null) return ctx.needs(read, () => <InvestorPage id={investor} />);
    const project = ctx.id('/investment/projects/:id');
    if (project !== null) return ctx.needs(read, () => <ProjectPage id={project} />);
    return null;
  },
};
