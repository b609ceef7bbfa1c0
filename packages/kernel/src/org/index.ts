import './events';
export { createOrgService, type OrgService, type OrgServiceDeps } from './org-service';
export type {
  DivisionInput,
  CreateDepartmentInput,
  UpdateDepartmentInput,
  CreateGridInput,
  UpdateGridInput,
} from './types';
export { orgDivision, orgDepartment, orgGrid } from './schema';
