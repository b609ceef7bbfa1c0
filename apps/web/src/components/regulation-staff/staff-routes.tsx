import { lazy, type ReactNode } from 'react';
import { Route } from 'react-router';
import { RequirePage } from '../guards';

// The 市场监管 staff pages load on demand, like the rest of the app.
const RegulationSubjectsPage = lazy(() =>
  import('../../pages/regulation-subjects-page').then((m) => ({ default: m.RegulationSubjectsPage })),
);
const RegulationSubjectPage = lazy(() =>
  import('../../pages/regulation-subject-page').then((m) => ({ default: m.RegulationSubjectPage })),
);
const RegulationRulesPage = lazy(() =>
  import('../../pages/regulation-rules-page').then((m) => ({ default: m.RegulationRulesPage })),
);
const RegulationWarningsPage = lazy(() =>
  import('../../pages/regulation-warnings-page').then((m) => ({ default: m.RegulationWarningsPage })),
);
const RegulationPlansPage = lazy(() =>
  import('../../pages/regulation-plans-page').then((m) => ({ default: m.RegulationPlansPage })),
);
const RegulationPlanPage = lazy(() =>
  import('../../pages/regulation-plan-page').then((m) => ({ default: m.RegulationPlanPage })),
);

const guarded = (pageKey: string, page: ReactNode) => <RequirePage pageKey={pageKey}>{page}</RequirePage>;

/**
 * The 市场监管 staff routes inside the staff layout, each guarded by its menu entry's permissions.
 * A function, not a component: <Routes> only reads <Route> elements.
 */
export function regulationStaffRoutes() {
  return (
    <>
      <Route path="regulation/subjects" element={guarded('regulationSubjects', <RegulationSubjectsPage />)} />
      <Route
        path="regulation/subjects/:id"
        element={guarded('regulationSubjects', <RegulationSubjectPage />)}
      />
      <Route path="regulation/warnings" element={guarded('regulationWarnings', <RegulationWarningsPage />)} />
      <Route path="regulation/plans" element={guarded('regulationPlans', <RegulationPlansPage />)} />
      <Route path="regulation/plans/:id" element={guarded('regulationPlans', <RegulationPlanPage />)} />
      <Route path="regulation/rules" element={guarded('regulationRules', <RegulationRulesPage />)} />
    </>
  );
}
